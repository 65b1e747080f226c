import { RINGI_KIND_LABELS, RINGI_KINDS, type RingiKind } from '@sss/contracts/ringi/events';
import type { FormDirectory, TenantPart, TenantRoute } from './form-directory.ts';
import { SSS_FIELDS, type FormMapping, type PartType, type SssField } from './form-mapping.ts';

/**
 * Compares the form mapping with the tenant, before anything is filed: per 稟議 type, the route
 * and every mapped part must exist with the mapped type, the correlation key part must be there,
 * and no part the tenant requires may be left unmapped (CollaboFlow would refuse every request).
 * Webhooks cannot be read through the API, so the report lists the settings to make by hand.
 */

export interface KindReport {
  readonly kind: RingiKind;
  readonly routeId: number;
  readonly routeTitle: string | null;
  readonly problems: readonly string[];
}

export interface SetupReport {
  readonly ok: boolean;
  readonly kinds: readonly KindReport[];
  /** Problems not tied to one type (credentials, permissions). */
  readonly general: readonly string[];
  /** 経路設定 > Webhook, to be made in CollaboFlow's admin screens. */
  readonly webhookSettings: readonly string[];
}

export interface SetupCheckOptions {
  /** A login with settings or admin permission (form parts are not readable otherwise). */
  readonly adminLogin: string;
  /** Where CollaboFlow must send route webhooks (`{SSS}/api/webhooks/collaboflow`). */
  readonly webhookUrl?: string;
}

/** Which tenant part types can hold each kind of SSS value. */
const COMPATIBLE: Record<PartType, readonly string[]> = {
  text: ['text', 'textarea'],
  textarea: ['textarea', 'text'],
  number: ['number', 'number_v2', 'money'],
  number_v2: ['number', 'number_v2', 'money'],
  money: ['money', 'number', 'number_v2'],
  date: ['date'],
  attachment: ['attachment'],
};

const describe = (p: TenantPart) => `「${p.name}」(${p.partId}, ${p.type})`;

function checkKind(kind: RingiKind, mapping: FormMapping, route: TenantRoute | undefined, parts: readonly TenantPart[] | Error | undefined): KindReport {
  const m = mapping.kinds[kind];
  const problems: string[] = [];
  const base = { kind, routeId: m.routeId, routeTitle: route?.title ?? null };
  if (!route) return { ...base, problems: [`経路 ${m.routeId} が見つかりません（設定の routeId を確認してください）`] };
  if (parts instanceof Error) return { ...base, problems: [`フォーム ${route.formId} のパーツを読めません: ${parts.message}`] };
  const byId = new Map((parts ?? []).filter((p) => p.table === null).map((p) => [p.partId, p]));
  const key = byId.get(mapping.keyPartId);
  if (!key) problems.push(`連携キーのパーツ ${mapping.keyPartId}（テキスト）がありません: 重複起票の防止と Webhook の照合に必要です`);
  else if (!['text', 'textarea'].includes(key.type)) problems.push(`連携キーのパーツ ${describe(key)} はテキストである必要があります`);
  for (const [field, ref] of Object.entries(m.parts) as [SssField, { partId: string; type: PartType }][]) {
    if (!COMPATIBLE[SSS_FIELDS[field]].includes(ref.type)) problems.push(`${field} → ${ref.partId}: 型 ${ref.type} には SSS の値（${SSS_FIELDS[field]}）を入れられません`);
    const part = byId.get(ref.partId);
    if (!part) problems.push(`${field} → ${ref.partId}: フォームにこのパーツがありません`);
    else if (part.type !== ref.type) problems.push(`${field} → ${describe(part)}: 設定の型は ${ref.type} です`);
  }
  const mapped = new Set([mapping.keyPartId, ...Object.values(m.parts).map((r) => r.partId)]);
  for (const p of byId.values()) {
    if (p.required && !mapped.has(p.partId) && p.type !== 'calculate') problems.push(`必須パーツ ${describe(p)} に SSS の値が割り当てられていません（申請が拒否されます）`);
  }
  return { ...base, problems };
}

export async function checkSetup(directory: FormDirectory, mapping: FormMapping, options: SetupCheckOptions): Promise<SetupReport> {
  const general: string[] = [];
  let routes: readonly TenantRoute[] = [];
  try {
    routes = await directory.listRoutes(options.adminLogin);
  } catch (error) {
    general.push(`${options.adminLogin} として経路一覧を読めません: ${error instanceof Error ? error.message : String(error)}`);
  }
  const forms = new Map<number, readonly TenantPart[] | Error>();
  const kinds: KindReport[] = [];
  for (const kind of RINGI_KINDS) {
    const route = routes.find((r) => r.routeId === mapping.kinds[kind].routeId);
    if (route && !forms.has(route.formId)) {
      forms.set(route.formId, await directory.getFormParts(options.adminLogin, route.formId).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    }
    kinds.push(checkKind(kind, mapping, route, route ? forms.get(route.formId) : undefined));
  }
  const hook = options.webhookUrl ?? '{SSS のアドレス}/api/webhooks/collaboflow';
  const webhookSettings = [...new Set(RINGI_KINDS.map((k) => mapping.kinds[k].routeId))].map(
    (id) => `経路 ${id}: 経路設定 > Webhook に ${hook} を登録し、申請者の操作・判定者の操作・経路終了時の通知を有効にする`,
  );
  return { ok: general.length === 0 && kinds.every((k) => k.problems.length === 0), kinds, general, webhookSettings };
}

/** Why a type must not be filed, or null when its mapping checked out. */
export function refusalFor(report: SetupReport, kind: RingiKind): string | null {
  const problems = [...report.general, ...(report.kinds.find((k) => k.kind === kind)?.problems ?? [])];
  if (problems.length === 0) return null;
  return `${RINGI_KIND_LABELS[kind]}のコラボフロー設定に問題があるため起票しません（npm run collaboflow:check で確認できます）: ${problems.join(' / ')}`;
}

/** The report as lines for a terminal or a log. */
export function formatSetupReport(report: SetupReport): string {
  const lines: string[] = [report.ok ? 'コラボフロー設定: 問題ありません' : 'コラボフロー設定: 問題があります'];
  for (const g of report.general) lines.push(`  ✗ ${g}`);
  for (const k of report.kinds) {
    lines.push(`${k.problems.length === 0 ? '✓' : '✗'} ${RINGI_KIND_LABELS[k.kind]}（経路 ${k.routeId}${k.routeTitle ? ` ${k.routeTitle}` : ''}）`);
    for (const p of k.problems) lines.push(`    - ${p}`);
  }
  lines.push('Webhook（API では確認できないため、コラボフローの管理画面で設定してください）:');
  for (const w of report.webhookSettings) lines.push(`  - ${w}`);
  return lines.join('\n');
}
