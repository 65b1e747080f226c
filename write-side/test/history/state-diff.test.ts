import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { systemActorName } from '@sss/contracts/history/system-actors';
import { historyFoldOf } from '../../src/history/aggregates.ts';
import { describeChanges, diffStates, referencesIn, stateChanges } from '../../src/history/state-diff.ts';
import { refKey, type Names } from '../../src/history/name-resolver.ts';
import { summarize } from '../../src/history/summary.ts';
import { MONTHLY_SALES_STATUS_LABELS } from '@sss/contracts/sales/status';
import { CODE_LABELS, type CodeTable } from '../../src/history/code-labels.ts';

/** Before → after by folding a decider, for any event type, with labels from the aggregate's table. */

test('an order edit is one change, in yen, labelled in both languages, and worded', () => {
  const fold = historyFoldOf('order-o1')!;
  const terms = { customerPoNumber: 'PO-1', orderDate: '2026-03-25', orderAmount: 1_000_000, labourAmount: 1_000_000, periodStart: '2026-04-01', periodEnd: '2026-06-30', notes: '' };
  const registered = fold.evolve(fold.initialState, { type: 'OrderRegistered', data: { orderId: 'o1', projectId: 'p1', projectNumber: '20260001', ...terms } });
  const edited = fold.evolve(registered, { type: 'OrderEdited', data: { orderId: 'o1', changed: ['orderAmount'], ...terms, orderAmount: 1_100_000 } });
  const changes = stateChanges(registered, edited, fold.vocabulary);
  assert.equal(changes, [{ field: 'terms.orderAmount', label: { ja: '受注内容 受注金額', en: 'Terms Order amount' }, before: '¥1,000,000', after: '¥1,100,000', beforeEn: '¥1,000,000', afterEn: '¥1,100,000' }]);
  assert.equal(summarize({ ja: '受注変更', en: 'Order edited' }, changes), {
    ja: '受注変更：受注内容 受注金額を ¥1,000,000 → ¥1,100,000 に変更',
    en: 'Order edited: Terms Order amount changed from ¥1,000,000 to ¥1,100,000',
  });
});

test('月毎明細 rows are keyed by their number: removing one row is one row of changes, not a shift', () => {
  const labels = historyFoldOf('project-p1')!.vocabulary;
  const row = (resourceNo: number, effort: Record<string, string>) => ({ resourceNo, effort });
  const before = { resources: [row(1, { '2026-04': '1' }), row(2, { '2026-04': '0.5' })] };
  const after = { resources: [row(2, { '2026-04': '0.5' })] };
  assert.equal(stateChanges(before, after, labels).map((c) => [c.field, c.before, c.after]), [
    ['resources.#1.resourceNo', '1', null],
    ['resources.#1.effort.2026-04', '1', null],
  ]);
  const effort = stateChanges(after, { resources: [row(2, { '2026-04': '0.75' })] }, labels)[0]!;
  assert.equal([effort.label.ja, effort.before, effort.after], ['明細 #2 工数 2026-04', '0.5', '0.75']);
});

test('a password hash only says that it changed; bookkeeping (exists) is not a change', () => {
  const changes = stateChanges({ exists: false, passwordHash: 'a' }, { exists: true, passwordHash: 'b' }, historyFoldOf('user-u1')!.vocabulary);
  assert.equal(changes, [{ field: 'passwordHash', label: { ja: 'パスワード', en: 'Password' }, before: '••••••', after: '••••••', beforeEn: '••••••', afterEn: '••••••' }]);
});

const CHECKING = MONTHLY_SALES_STATUS_LABELS.checking;

test('codes are shown as words in both languages, never raw: statuses, kinds, outcomes, roles, tax bases', () => {
  const words = (stream: string, before: unknown, after: unknown) => stateChanges(before, after, historyFoldOf(stream)!.vocabulary).map((c) => [c.label.ja, c.before, c.after, c.beforeEn, c.afterEn]);
  assert.equal(words('monthlysales-p1_2026-04', { status: 'checking' }, { status: 'awaiting_invoice' }), [['ステータス', CHECKING, '請求待ち', 'Checking', 'Awaiting invoice']]);
  assert.equal(words('project-p1', { status: 'proposing' }, { status: 'estimate_in_ringi' }), [['ステータス', '提案検討中', '見積稟議中', 'Proposing', 'Estimate in approval']]);
  assert.equal(words('project-p1', {}, { approvalOutcomes: { r1: 'sent_back' } }), [['稟議結果 不明（r1）', null, '差し戻し', null, 'Sent back']]);
  assert.equal(words('project-p1', {}, { pendingApproval: { kind: 'early_start', requestedFrom: 'estimate_approved' } }), [
    ['申請中の稟議 種別', null, '先行着手稟議', null, 'Early start approval'],
    ['申請中の稟議 申請時ステータス', null, '承認', null, 'Estimate approved'],
  ]);
  assert.equal(words('user-u1', { roles: ['sales'] }, { roles: ['sales', 'auditor'] }), [['ロール', '営業', '営業、監査', 'Sales', 'Sales, Auditor']]);
  assert.equal(words('monthlysales-p1_2026-04', {}, { approved: { byRate: [{ taxRate: 10, basis: 'excluded' }] } }), [
    ['承認された金額 税率別 #1 税率', null, '10%', null, '10%'],
    ['承認された金額 税率別 #1 税の扱い', null, '外税', null, 'Tax excluded'],
  ]);
  assert.equal(words('ringi-r1', {}, { requestedAt: '2026-03-31T15:00:00.000Z' }), [['依頼日時', null, '2026-04-01 00:00', null, '2026-04-01 00:00 JST']]);
  assert.equal(words('project-p1', {}, { basics: { name: '案件A', leader: { name: '佐藤 健一' } } }).map((w) => w[0]), ['基本情報 案件名', '基本情報 案件リーダー 氏名']);
});

test('a reference is shown by the name it was resolved to, with the record for a link; a record keyed by id is named in the label', () => {
  const fold = historyFoldOf('project-p1')!;
  const names: Names = new Map([
    [refKey('company', 'c1'), { kind: 'company', id: 'c1', name: { ja: '鈴木商事', en: '鈴木商事' } }],
    [refKey('orgUnit', 'u1'), { kind: 'orgUnit', id: 'u1', name: { ja: '第一営業部', en: '第一営業部' } }],
    [refKey('ringi', 'r1'), { kind: 'ringi', id: 'r1', name: { ja: '稟議「見積」', en: 'Ringi “見積”' } }],
  ]);
  const raw = diffStates({}, { basics: { customerCompanyId: 'c1', supervisingOrgUnitId: 'u1' }, approvalOutcomes: { r1: 'approved' } });
  assert.equal(referencesIn(raw, fold.vocabulary), [{ kind: 'company', id: 'c1' }, { kind: 'orgUnit', id: 'u1' }, { kind: 'ringi', id: 'r1' }]);
  const changes = describeChanges(raw, fold.vocabulary, names);
  assert.equal(changes.map((c) => [c.label.ja, c.after, c.afterRefs?.map((r) => `${r.kind}:${r.id}`)]), [
    ['基本情報 顧客会社', '鈴木商事', ['company:c1']],
    ['基本情報 主管部', '第一営業部', ['orgUnit:u1']],
    ['稟議結果 稟議「見積」', '承認', undefined],
  ]);
  // A partner's companies: a list of references, each named.
  const partner = describeChanges(diffStates({ companyIds: ['c1'] }, { companyIds: ['c1', 'c9'] }), historyFoldOf('partner-x')!.vocabulary, names);
  assert.equal(partner.map((c) => [c.before, c.after]), [['鈴木商事', '鈴木商事、不明（c9）']]);
});

test('every code table has words in both languages for every code', () => {
  for (const [aggregate, table] of Object.entries(CODE_LABELS)) {
    for (const [field, codes] of Object.entries(table as CodeTable)) {
      for (const [code, [ja, en]] of Object.entries(codes)) assert.ok(ja.trim() !== '' && en.trim() !== '' && en !== code, `${aggregate}.${field}.${code}: ${ja} / ${en}`);
    }
  }
});

test('system actors in words; people are not system actors', () => {
  assert.equal(systemActorName('system:ringi'), { ja: '稟議連携', en: 'CollaboFlow integration' });
  assert.equal(systemActorName('system:forwarder-kafka'), { ja: 'イベント転送（kafka）', en: 'Event forwarder (kafka)' });
  assert.equal(systemActorName('system:something-new'), { ja: 'システム（something-new）', en: 'System (something-new)' });
  assert.is(systemActorName('0190a1b2-user'), null);
});

test('a month\'s plan names the order it came from, never the source event\'s id; an issued 売上連絡票 in words', () => {
  const fold = historyFoldOf('monthlysales-p1_2026-04')!;
  const planned = fold.evolve(fold.initialState, { type: 'MonthlyPlanSet', data: { projectId: 'p1', month: '2026-04', projectNumber: '20260001', orderId: 'o1', revenue: 1_000_000, cost: 600_000, sourceEventId: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' } });
  const raw = diffStates(fold.initialState, planned);
  assert.equal(referencesIn(raw, fold.vocabulary), [{ kind: 'order', id: 'o1' }]);
  const names: Names = new Map([[refKey('order', 'o1'), { kind: 'order', id: 'o1', name: { ja: '受注 20260001', en: 'Order 20260001' } }]]);
  const changes = describeChanges(raw, fold.vocabulary, names);
  assert.equal(changes.map((c) => [c.label.ja, c.after, c.label.en, c.afterEn]), [
    ['受注', '受注 20260001', 'Order', 'Order 20260001'],
    ['売上計画', '¥1,000,000', 'Planned revenue', '¥1,000,000'],
    ['原価計画', '¥600,000', 'Planned cost', '¥600,000'],
  ]);
  assert.not.ok(JSON.stringify(changes).includes('0193a1b2'), 'the source event id is shown nowhere');
  const content = { projectNumber: '20260001', projectName: 'x', customerId: 'c1', customerName: 'y', month: '2026-04', contractType: '準委任', planRevenue: 0, labourSales: 0, settlement: { amount: 0, reason: '' }, taxRate: 10, expenses: [], expenseSales: 0, actualNet: 0, actualTax: 0, actualGross: 0, recipientName: '', invoiceDate: '', dueDate: '', paymentTerms: '', poNumber: '' };
  const issued = fold.evolve(planned, { type: 'SalesReportIssued', data: { projectId: 'p1', month: '2026-04', report: { issueNo: 1, issuedOn: '2026-04-30', contentHash: 'ab'.repeat(32), content } } });
  assert.equal(stateChanges(planned, issued, fold.vocabulary).map((c) => [c.label.ja, c.after]), [['売上連絡票 発行番号', '1'], ['売上連絡票 発行日', '2026-04-30'], ['売上連絡票 内容のハッシュ', 'ab'.repeat(32)]]);
});

test('bookkeeping streams have no history fold', () => {
  assert.is(historyFoldOf('idempotency-x'), null);
  assert.ok(historyFoldOf('monthlysales-p1_2026-04'));
});

test.run();
