import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { todayInJapan } from '@sss/contracts/domain/dates';
import type { InvoiceView } from '@sss/contracts/sales/views';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { issueCustomerInvoice } from '../support/invoices.ts';
import { newProject, projectRefs } from '../support/projects.ts';

/** The 監査 searches over HTTP: every event by period + actor + type + free text, its CSV, and 電子帳簿保存法 invoice search. */
const test = suite<{ sss: RunningSss; auditor: Session; sales: Session; salesId: string; companyId: string; position: string }>('監査 searches API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.auditor = await login(context.sss, DEMO.auditor);
  context.sales = await login(context.sss, DEMO.sales);
  context.salesId = (await as(context.sss, context.sales)({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>().id;
  // A name a spreadsheet would run as a formula: the CSV must neutralise it.
  const created = await as(context.sss, context.sales)({ method: 'POST', url: '/api/companies', payload: newCompany('AUD-SEARCH-1', { name: '監査索引テスト商事', formalName: '=HYPERLINK("http://x")監査索引' }), headers: { 'idempotency-key': 'audit-search-1' } });
  assert.is(created.statusCode, 201, created.body);
  context.companyId = created.json<{ id: string }>().id;
  context.position = created.json<{ position: string }>().position;
});
test.after(async ({ sss }) => sss.stop());

const search = (sss: RunningSss, session: Session, query: Record<string, string>, position?: string) =>
  as(sss, session)({ method: 'GET', url: `/api/audit/events?${new URLSearchParams(query).toString()}`, ...(position ? { headers: { 'x-sss-min-position': position } } : {}) });

test('period + actor + type + free text combined find exactly the event, newest first with a total', async ({ sss, auditor, salesId, companyId, position }) => {
  const today = todayInJapan();
  const query = { from: today, to: `${today}T23:59`, actor: salesId, type: 'CompanyRegistered', q: '監査索引テスト' };
  const found = await search(sss, auditor, query, position);
  assert.is(found.statusCode, 200, found.body);
  const page = found.json<{ items: { streamName: string; actorName: string; position: string; category: string; entityId: string }[]; total: number }>();
  assert.is(page.total, 1);
  assert.is(page.items[0]!.streamName, `company-${companyId}`);
  assert.is(page.items[0]!.category, 'company');
  assert.is(page.items[0]!.entityId, companyId);
  assert.is(page.items[0]!.actorName, '佐藤 健一');
  assert.is(page.items[0]!.position, position);
  // Each criterion narrows: change any one and the event is gone.
  assert.is((await search(sss, auditor, { ...query, actor: 'system:demo-data' })).json<{ total: number }>().total, 0, 'another actor');
  assert.is((await search(sss, auditor, { ...query, type: 'CompanyEdited' })).json<{ total: number }>().total, 0, 'another type');
  assert.is((await search(sss, auditor, { ...query, to: '2020-01-01' , from: '2019-01-01' })).json<{ total: number }>().total, 0, 'another period');
  assert.is((await search(sss, auditor, { ...query, q: '存在しない語句' })).json<{ total: number }>().total, 0, 'another text');
  // Two characters fall back to a scan and still find it; numbers in the data are text too.
  assert.is((await search(sss, auditor, { ...query, q: '索引' })).json<{ total: number }>().total, 1, 'short text');
  assert.is((await search(sss, auditor, { q: 'AUD-SEARCH-1', category: 'company', entityId: companyId })).json<{ total: number }>().total, 1, 'entity + code');
  // Without an actor or entity to narrow the rows, the text goes through the trigram index.
  assert.is((await search(sss, auditor, { type: 'CompanyRegistered', q: '監査索引テスト' })).json<{ total: number }>().total, 1, 'text through the index');
  // As of a moment: the log as it stood at a position (the UI's as-of view), or at an instant.
  assert.is((await search(sss, auditor, { ...query, asOf: position })).json<{ total: number }>().total, 1, 'as of its own position');
  assert.is((await search(sss, auditor, { ...query, asOf: String(BigInt(position) - 1n) })).json<{ total: number }>().total, 0, 'as of just before it');
  assert.is((await search(sss, auditor, { ...query, asOf: '2020-01-01T00:00:00+09:00' })).json<{ total: number }>().total, 0, 'as of an instant before it');
});

test('all events page newest first, and the total is the whole count, not the page', async ({ sss, auditor, position }) => {
  const page = (await search(sss, auditor, { pageSize: '5' }, position)).json<{ items: { position: string }[]; total: number }>();
  assert.is(page.items.length, 5);
  assert.ok(page.total > 5, `total ${page.total}`);
  const positions = page.items.map((i) => BigInt(i.position));
  assert.equal(positions, [...positions].sort((a, b) => (a > b ? -1 : 1)));
  const upToPosition = (await sss.events.readAll({ maxCount: 100_000 })).filter((e) => e.position <= BigInt(position)).length;
  assert.ok(page.total >= upToPosition, `total ${page.total} counts every indexed event (${upToPosition} up to ${position})`);
});

test('CSV: the header, and a formula-looking value neutralised', async ({ sss, auditor, companyId, position }) => {
  const csv = await as(sss, auditor)({ method: 'GET', url: `/api/audit/events/export.csv?category=company&entityId=${companyId}`, headers: { 'x-sss-min-position': position } });
  assert.is(csv.statusCode, 200, csv.body);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  const text = csv.rawPayload.subarray(3).toString('utf8');
  const [header, row] = text.split('\r\n');
  assert.is(header, '"位置","日時","操作者","操作者ID","対象の種類","対象ID","対象","リビジョン","イベント種別","データ"');
  assert.ok(row!.includes('"CompanyRegistered"'), row);
  assert.ok(row!.includes(`"${companyId}","監査索引テスト商事","`), `the label column beside the id: ${row}`);
  assert.match(row!, /\+09:00"/);
  // The data cell holds the JSON; a cell that starts like a formula gets a leading quote.
  const search2 = await as(sss, auditor)({ method: 'GET', url: `/api/audit/events/export.csv?q=${encodeURIComponent('=HYPERLINK')}&type=CompanyRegistered` });
  assert.is(search2.statusCode, 200);
  assert.ok(!/(^|,)"=/.test(search2.rawPayload.toString('utf8')), 'no cell starts with =');
});

test('each row names its entity in words, the id kept for the links: a project by number and name, a company by name', async ({ sss, auditor, sales, companyId, position }) => {
  const refs = await projectRefs(sss, sales);
  const created = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '監査ラベル 基幹システム刷新' }), headers: { 'idempotency-key': 'audit-search-label-project' } });
  assert.is(created.statusCode, 201, created.body);
  const { id: projectId, position: projectPosition } = created.json<{ id: string; position: string }>();
  const detail = await as(sss, auditor)({ method: 'GET', url: `/api/projects/${projectId}`, headers: { 'x-sss-min-position': projectPosition } });
  const { projectNumber } = detail.json<{ projectNumber: string }>();
  assert.match(projectNumber, /^\d{8}$/);
  type Row = { category: string; entityId: string; entityLabel: string };
  const rows = async (query: Record<string, string>, at: string) => {
    const response = await search(sss, auditor, query, at);
    assert.is(response.statusCode, 200, response.body);
    return response.json<{ items: Row[] }>().items;
  };
  const [project] = await rows({ category: 'project', entityId: projectId, type: 'ProjectRegistered' }, projectPosition);
  assert.equal(project, { ...project!, category: 'project', entityId: projectId, entityLabel: `${projectNumber} 監査ラベル 基幹システム刷新` });
  const [company] = await rows({ category: 'company', entityId: companyId }, position);
  assert.equal(company, { ...company!, entityId: companyId, entityLabel: '監査索引テスト商事' });
  // A stream no read model names (the project-number counter) keeps its id rather than a blank.
  const counters = await rows({ category: 'projectnumber', pageSize: '1' }, projectPosition);
  assert.ok(counters.length === 1 && counters[0]!.entityLabel === counters[0]!.entityId, JSON.stringify(counters));
});

test('a bad period is a problem naming the field in Japanese; nothing else answers', async ({ sss, auditor }) => {
  const bad = await search(sss, auditor, { from: '2026-02-30' });
  assert.is(bad.statusCode, 400);
  const body = bad.json<{ code: string; errors: { field: string; message: string }[] }>();
  assert.is(body.code, 'validation_failed');
  assert.is(body.errors[0]!.field, 'from');
  assert.match(body.errors[0]!.message, /実在する日付/);
  const reversed = await search(sss, auditor, { from: '2026-03-31', to: '2026-03-01' });
  assert.is(reversed.statusCode, 400);
  assert.is(reversed.json<{ errors: { field: string }[] }>().errors[0]!.field, 'to');
  const unknown = await search(sss, auditor, { colour: 'red' });
  assert.is(unknown.statusCode, 400, 'closed query');
});

test('電子帳簿保存法: 取引年月日 range + 金額 range + 取引先 combined, and the correction history', async ({ sss, auditor }) => {
  const target = await issueCustomerInvoice(sss, { month: '2026-04', recipientName: '電帳法検索商事株式会社', correctedReason: '件名の誤記' });
  const query = { from: '2026-04-01', to: '2026-04-30', minAmount: String(target.gross - 1), maxAmount: String(target.gross + 1), customerId: target.customerId };
  const find = async (q: Record<string, string>) => {
    const response = await as(sss, auditor)({ method: 'GET', url: `/api/invoices?${new URLSearchParams(q).toString()}`, headers: { 'x-sss-min-position': target.position } });
    assert.is(response.statusCode, 200, response.body);
    return response.json<{ items: InvoiceView[] }>().items.map((i) => i.invoiceNumber);
  };
  assert.equal(await find(query), [target.invoiceNumber]);
  assert.equal(await find({ ...query, minAmount: String(target.gross + 1), maxAmount: String(target.gross + 10) }), [], 'amount range');
  assert.equal(await find({ ...query, from: '2026-05-01', to: '2026-05-31' }), [], 'date range');
  assert.equal(await find({ ...query, customerId: 'no-such-customer' }), [], '取引先');
  const both = await find({ ...query, includeReplaced: 'true' });
  assert.is(both.length, 2, 'the corrected original is found too');

  const history = await as(sss, auditor)({ method: 'GET', url: `/api/audit/invoices/${target.invoiceNumber}/corrections` });
  assert.is(history.statusCode, 200, history.body);
  const versions = history.json<{ items: InvoiceView[] }>().items;
  assert.equal(versions.map((v) => v.state), ['replaced', 'current']);
  assert.is(versions[1]!.replaces, versions[0]!.invoiceNumber);
  assert.is(versions[1]!.correctionReason, '件名の誤記');
  const missing = await as(sss, auditor)({ method: 'GET', url: '/api/audit/invoices/INV-999999/corrections' });
  assert.is(missing.statusCode, 404);
});

test.run();
