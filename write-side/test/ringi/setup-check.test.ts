import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { FormDirectory, TenantPart } from '../../src/ringi/form-directory.ts';
import { DEFAULT_FORM_MAPPING, parseFormMapping, toFormValues } from '../../src/ringi/form-mapping.ts';
import { checkSetup, formatSetupReport, refusalFor } from '../../src/ringi/setup-check.ts';

const p = (partId: string, type: string, required = false, table: string | null = null): TenantPart => ({ partId, name: partId, type, required, table });

/** A tenant whose forms use their own part ids: every route on form 1, except 105 on form 5. */
function tenant(form1: TenantPart[], form5: TenantPart[] = form1): FormDirectory & { reads: number } {
  const dir = {
    reads: 0,
    listRoutes: async () => [101, 102, 103, 104, 105].map((routeId) => ({ routeId, title: `経路${routeId}`, formId: routeId === 105 ? 5 : 1, formName: 'f' })),
    getFormParts: async (_login: string, formId: number) => {
      dir.reads += 1;
      return formId === 5 ? form5 : form1;
    },
  };
  return dir;
}

const mapping = parseFormMapping({
  appCd: 3,
  keyPartId: 'fid_ref',
  kinds: {
    estimate: { parts: { projectNumber: 'fid_no', amount: { partId: 'fid_kingaku', type: 'number' }, periodFrom: null } },
  },
});

test('a mapping names only what differs: defaults fill the rest, null drops a field', () => {
  assert.is(mapping.appCd, 3);
  assert.equal(mapping.kinds.estimate.parts.projectNumber, { partId: 'fid_no', type: 'text' });
  assert.equal(mapping.kinds.estimate.parts.amount, { partId: 'fid_kingaku', type: 'number' });
  assert.is(mapping.kinds.estimate.parts.periodFrom, undefined);
  assert.equal(mapping.kinds.order, DEFAULT_FORM_MAPPING.kinds.order);
  assert.equal(toFormValues(mapping.kinds.estimate, { projectNumber: 'P-1', amount: 1200, periodFrom: '2026-01-01', summary: '' }), { fid_no: 'P-1', fid_kingaku: 1200 });
});

test('a malformed mapping is refused with every problem named', () => {
  assert.throws(
    () => parseFormMapping({ appCd: 0, kinds: { nope: {}, order: { parts: { amount: { partId: 'x', type: 'weird' }, colour: 'y' } } } }),
    (e: Error) => /appCd/.test(e.message) && /nope/.test(e.message) && /weird/.test(e.message) && /colour/.test(e.message),
  );
});

test('the check reports missing and mistyped parts, the missing key part and unmapped required parts', async () => {
  const form1 = [p('fid_no', 'text', true), p('fid_kingaku', 'money', true), p('fidProjectName', 'text'), p('fid_approval_memo', 'textarea', true), p('fid_row', 'text', true, '明細')];
  const report = await checkSetup(tenant(form1), mapping, { adminLogin: 'admin', webhookUrl: 'https://sss.example.co.jp/api/webhooks/collaboflow' });
  assert.not.ok(report.ok);
  const estimate = report.kinds.find((k) => k.kind === 'estimate')!;
  const text = estimate.problems.join('\n');
  assert.match(text, /連携キーのパーツ fid_ref/);
  assert.match(text, /amount → 「fid_kingaku」\(fid_kingaku, money\): 設定の型は number/);
  assert.match(text, /customer → fidCustomer: フォームにこのパーツがありません/);
  assert.match(text, /必須パーツ 「fid_approval_memo」/);
  assert.not.match(text, /fid_row/, 'table parts are not the mapping’s business');
  assert.match(refusalFor(report, 'estimate') ?? '', /^見積稟議のコラボフロー設定に問題があるため起票しません/);
  assert.match(report.webhookSettings[0] ?? '', /https:\/\/sss\.example\.co\.jp\/api\/webhooks\/collaboflow/);
  assert.match(formatSetupReport(report), /✗ 見積稟議（経路 101 経路101）/);
});

const PER_RATE = ['fidInvoiceNet10', 'fidInvoiceTax10', 'fidInvoiceGross10', 'fidInvoiceNet8', 'fidInvoiceTax8', 'fidInvoiceGross8'];

test('a 売上実績・請求チェック form without the per-rate invoice parts is reported: the approval must cover what is issued', async () => {
  const seedLike = [p('fidSssKey', 'text'), p('fidProjectNo', 'text'), p('fidProjectName', 'text'), p('fidCustomer', 'text'), p('fidAmount', 'money'), p('fidPeriodFrom', 'date'), p('fidPeriodTo', 'date'), p('fidSummary', 'textarea'), p('fidAttachment1', 'attachment'), p('fidAttachment2', 'attachment')];
  const sales = [p('fidSssKey', 'text'), p('fidProjectNo', 'text'), p('fidProjectName', 'text'), p('fidCustomer', 'text'), p('fidTargetMonth', 'text'), p('fidSalesAmount', 'money'), p('fidInvoiceAmount', 'money'), p('fidInvoiceGross8', 'date')];
  const report = await checkSetup(tenant(seedLike, sales), DEFAULT_FORM_MAPPING, { adminLogin: 'admin' });
  const problems = report.kinds.find((k) => k.kind === 'sales_check')!.problems.join('\n');
  for (const field of ['invoiceNet10', 'invoiceTax10', 'invoiceGross10', 'invoiceNet8', 'invoiceTax8']) assert.match(problems, new RegExp(`${field} → fid\\w+: フォームにこのパーツがありません`));
  assert.match(problems, /invoiceGross8 → 「fidInvoiceGross8」\(fidInvoiceGross8, date\): 設定の型は money/);
  assert.match(refusalFor(report, 'sales_check') ?? '', /起票しません/);
});

test('a tenant matching the mapping passes, each form read once, nothing refused', async () => {
  const seedLike = [p('fidSssKey', 'text'), p('fidProjectNo', 'text', true), p('fidProjectName', 'text', true), p('fidCustomer', 'text', true), p('fidAmount', 'money', true), p('fidPeriodFrom', 'date'), p('fidPeriodTo', 'date'), p('fidSummary', 'textarea'), p('fidAttachment1', 'attachment'), p('fidAttachment2', 'attachment')];
  const sales = [p('fidSssKey', 'text'), p('fidProjectNo', 'text', true), p('fidProjectName', 'text'), p('fidCustomer', 'text'), p('fidTargetMonth', 'text', true), p('fidSalesAmount', 'money', true), p('fidInvoiceAmount', 'money'), ...PER_RATE.map((id) => p(id, 'money'))];
  const dir = tenant(seedLike, sales);
  const report = await checkSetup(dir, DEFAULT_FORM_MAPPING, { adminLogin: 'admin' });
  assert.equal(report.kinds.flatMap((k) => k.problems), []);
  assert.ok(report.ok);
  assert.is(dir.reads, 2);
  assert.is(refusalFor(report, 'order'), null);
});

test('a route that is not there, or parts that cannot be read, are reported for that type', async () => {
  const dir: FormDirectory = {
    listRoutes: async () => [{ routeId: 101, title: 'x', formId: 1, formName: 'f' }],
    getFormParts: async () => {
      throw new Error('403 この操作を行う権限がありません。');
    },
  };
  const report = await checkSetup(dir, DEFAULT_FORM_MAPPING, { adminLogin: 'sato' });
  assert.match(report.kinds.find((k) => k.kind === 'estimate')!.problems[0] ?? '', /パーツを読めません: 403/);
  assert.match(report.kinds.find((k) => k.kind === 'order')!.problems[0] ?? '', /経路 103 が見つかりません/);
});

test.run();
