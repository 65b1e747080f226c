import { createHash } from 'node:crypto';
import { SimError } from './errors.ts';
import type { SimForm, SimGroup, SimPart, SimRoute, SimUser, Tenant } from './model.ts';
import { extraUserLogin, reshapeRoute, type TenantShape } from './tenant-shape.ts';

/**
 * The demo company's CollaboFlow tenant: one route per SSS 稟議 type, with the approvers the
 * business flows name (事業部長, 営業管理部長, 営管室長). Route ids are fixed so configuration and
 * tests can name them.
 */
export const SEEDED_ROUTE_IDS = {
  estimate: 101, // 見積稟議
  proposal: 102, // 提案稟議
  order: 103, // 受注稟議
  earlyStart: 104, // 先行着手稟議
  salesCheck: 105, // 売上実績・請求チェック
} as const;

/** Part id where SSS stores its correlation key on every seeded form. */
export const CORRELATION_PART_ID = 'fidSssKey';

/** Product ids look like 32 upper-case hex digits; derive them so they are stable across restarts. */
export function productId(kind: string, key: string): string {
  return createHash('md5').update(`${kind}:${key}`).digest('hex').toUpperCase();
}

const groups: readonly Omit<SimGroup, 'id'>[] = [
  { code: 'EIGYO1', name: '第一営業部' },
  { code: 'JIGYO1', name: 'ITサービス事業部' },
  { code: 'EIKAN', name: '営業管理部' },
  { code: 'SYSADM', name: '情報システム室' },
];

const users: readonly Omit<SimUser, 'id' | 'email' | 'password'>[] = [
  { loginid: 'yamada', name: '山田 太郎', groupCode: 'EIGYO1', titleName: '主任', auditor: false },
  { loginid: 'sato', name: '佐藤 花子', groupCode: 'EIGYO1', titleName: '担当', auditor: false },
  { loginid: 'suzuki', name: '鈴木 一郎', groupCode: 'EIGYO1', titleName: '課長', auditor: false },
  { loginid: 'ito', name: '伊藤 誠', groupCode: 'EIGYO1', titleName: '営業部長', auditor: false },
  { loginid: 'takahashi', name: '高橋 健一', groupCode: 'JIGYO1', titleName: '事業部長', auditor: false },
  { loginid: 'watanabe', name: '渡辺 美咲', groupCode: 'EIKAN', titleName: '営業管理部長', auditor: false },
  { loginid: 'nakamura', name: '中村 由美', groupCode: 'EIKAN', titleName: '営業管理', auditor: false },
  { loginid: 'kobayashi', name: '小林 修', groupCode: 'EIKAN', titleName: '営管室長', auditor: false },
  { loginid: 'kato', name: '加藤 恵', groupCode: 'SYSADM', titleName: 'システム管理者', auditor: true },
];

const part = (id: string, name: string, type: SimPart['type'], required = false): SimPart => ({ id, name, type, required });

const projectParts: readonly SimPart[] = [
  part(CORRELATION_PART_ID, 'SSS連携キー', 'text'),
  part('fidProjectNo', '案件番号', 'text', true),
  part('fidProjectName', '案件名', 'text', true),
  part('fidCustomer', '顧客名', 'text', true),
  part('fidAmount', '金額（税抜）', 'money', true),
  part('fidPeriodFrom', '期間（開始）', 'date'),
  part('fidPeriodTo', '期間（終了）', 'date'),
  part('fidSummary', '概要', 'textarea'),
  part('fidAttachment1', '収支管理表', 'attachment'),
  part('fidAttachment2', '見積書', 'attachment'),
];

const lineItems: readonly SimPart[] = [
  part('fidItem', '作業項目', 'text'),
  part('fidQty', '数量（人月）', 'number'),
  part('fidUnitPrice', '単価', 'money'),
  part('fidLineAmount', '金額', 'money'),
];

const projectForm = (id: number, name: string): SimForm => ({ id, version: 1, name, parts: projectParts, tables: { 明細: lineItems } });

const salesCheckForm: SimForm = {
  id: 5,
  version: 1,
  name: '売上実績・請求チェック',
  parts: [
    part(CORRELATION_PART_ID, 'SSS連携キー', 'text'),
    part('fidProjectNo', '案件番号', 'text', true),
    part('fidProjectName', '案件名', 'text', true),
    part('fidCustomer', '顧客名', 'text', true),
    part('fidTargetMonth', '対象年月', 'text', true),
    part('fidSalesAmount', '売上金額（税抜）', 'money', true),
    part('fidInvoiceAmount', '請求金額（税込）', 'money'),
    part('fidInvoiceNet10', '10%対象 税抜', 'money'),
    part('fidInvoiceTax10', '10%対象 消費税', 'money'),
    part('fidInvoiceGross10', '10%対象 税込', 'money'),
    part('fidInvoiceNet8', '8%対象（軽減） 税抜', 'money'),
    part('fidInvoiceTax8', '8%対象（軽減） 消費税', 'money'),
    part('fidInvoiceGross8', '8%対象（軽減） 税込', 'money'),
    part('fidAttachment1', '請求書', 'attachment'),
  ],
  tables: { 明細: lineItems },
};

function seededRoutes(): SimRoute[] {
  const route = (id: number, title: string, form: SimForm, phases: SimRoute['phases']): SimRoute => ({
    id,
    title,
    description: `SSS から起票される${title}`,
    category: { id: 1, name: '営業' },
    form,
    numberPrefix: 'RINGI',
    phases,
    applicants: [],
    takebackAfterDecision: false,
    webhooks: [],
  });
  return [
    route(SEEDED_ROUTE_IDS.estimate, '見積稟議', projectForm(1, '見積稟議書'), [
      { number: 1, title: '事業部長承認', judges: ['takahashi'], rule: 'all' },
      { number: 2, title: '営業管理部確認', judges: ['watanabe', 'nakamura'], rule: 'any' },
    ]),
    route(SEEDED_ROUTE_IDS.proposal, '提案稟議', projectForm(2, '提案稟議書'), [
      { number: 1, title: '営業部長承認', judges: ['ito'], rule: 'all' },
      { number: 2, title: '事業部長承認', judges: ['takahashi'], rule: 'all' },
    ]),
    route(SEEDED_ROUTE_IDS.order, '受注稟議', projectForm(3, '受注稟議書'), [
      { number: 1, title: '事業部長決裁', judges: ['takahashi'], rule: 'all' },
      { number: 2, title: '営業管理部長確認', judges: ['watanabe'], rule: 'all' },
    ]),
    route(SEEDED_ROUTE_IDS.earlyStart, '先行着手稟議', projectForm(4, '先行着手稟議書'), [
      { number: 1, title: '事業部長承認', judges: ['takahashi'], rule: 'all' },
      { number: 2, title: '営業管理部長承認', judges: ['watanabe'], rule: 'all' },
    ]),
    route(SEEDED_ROUTE_IDS.salesCheck, '売上実績・請求チェック', salesCheckForm, [
      { number: 1, title: '営管室長確認', judges: ['kobayashi'], rule: 'all' },
    ]),
  ];
}

/** The seeded user with admin permission (reads forms and their parts). */
export const SEED_ADMIN_LOGIN = 'kato';

/** Every seeded user's password (for the `login:password` auth form). */
export const SEED_PASSWORD = 'password';

export function seedTenant(instance: string, apiKey: string, shape: TenantShape = {}): Tenant {
  const tenant: Tenant = {
    instance,
    apiKey,
    appCd: shape.appCd ?? 1,
    shape,
    users: new Map(),
    groups: new Map(),
    routes: new Map(),
    documents: new Map(),
    files: new Map(),
    nextDocumentId: 1001,
    numberSerials: new Map(),
  };
  for (const g of groups) tenant.groups.set(g.code, { ...g, id: productId('group', g.code) });
  const extra = Array.from({ length: shape.extraUsers ?? 0 }, (_, i) => ({ loginid: extraUserLogin(i + 1), name: `判定者 ${i + 1}`, groupCode: 'EIKAN', titleName: '判定者', auditor: false }));
  for (const u of [...users, ...extra]) {
    tenant.users.set(u.loginid, {
      ...u,
      id: productId('user', u.loginid),
      email: `${u.loginid}@example.co.jp`,
      password: SEED_PASSWORD,
    });
  }
  for (const r of seededRoutes().map((route) => reshapeRoute(route, shape))) {
    const unknown = r.phases.flatMap((p) => p.judges).filter((j) => !tenant.users.has(j));
    if (unknown.length > 0) throw new SimError(400, `shape: route ${r.id} names unknown judges ${unknown.join(', ')}`);
    tenant.routes.set(r.id, r);
  }
  return tenant;
}
