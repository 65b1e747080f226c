import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrderView, ProjectDetail } from '@sss/contracts/project/views';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';
import { employeeRow, expenseRow, newProject, projectRefs, type ProjectRefs } from '../support/projects.ts';

/** The project (案件) API through fastify's inject: registration, numbers, bad input, status rules, conflicts. */
const test = suite<{ sss: RunningSss; sales: Session; admin: Session; finance: Session; refs: ProjectRefs }>('project API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.admin = await login(context.sss, DEMO.salesAdmin);
  context.finance = await login(context.sss, DEMO.finance);
  context.refs = await projectRefs(context.sss, context.sales);
});
test.after(async ({ sss }) => sss.stop());

type Answer = { id: string; revision: string; position: string };
/**
 * Streams of this context written after `head`. Other subscribers (the 稟議 process manager, bus
 * consumers) may append to their own streams at any moment, so "nothing appended" is asked of ours.
 */
const OURS = /^(project|projectnumber|estimate|order|idempotency)-/;
const oursSince = async (sss: RunningSss, head: bigint) => (await sss.events.readAll({ after: head })).filter((e) => OURS.test(e.streamName)).map((e) => `${e.streamName} ${e.type}`);

const problem = (body: string) => JSON.parse(body) as { code: string; errors?: { field: string; message: string }[]; currentRevision?: string; status?: number; currentStatus?: string };

async function register(sss: RunningSss, session: Session, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await as(sss, session)({ method: 'POST', url: '/api/projects', payload: body, headers });
  assert.is(response.statusCode, 201, response.body);
  return response.json<Answer>();
}

const detail = async (sss: RunningSss, session: Session, id: string, position: string) =>
  (await as(sss, session)({ method: 'GET', url: `/api/projects/${id}`, headers: { 'x-sss-min-position': position } })).json<ProjectDetail>();

test('registering issues year + 4-digit numbers in order, shown in the list and detail with read-your-writes', async ({ sss, sales, refs }) => {
  const a = await register(sss, sales, newProject(refs, { name: '番号テストA' }));
  const b = await register(sss, sales, newProject(refs, { name: '番号テストB' }));
  const da = await detail(sss, sales, a.id, a.position);
  const db = await detail(sss, sales, b.id, b.position);
  assert.match(da.projectNumber, /^\d{8}$/);
  assert.is(Number(db.projectNumber), Number(da.projectNumber) + 1);
  assert.is(da.status, 'proposing');
  assert.is(da.statusHistory.length, 1);
  assert.is(da.customer.id, refs.customerId);
  assert.ok(da.supervisingOrgUnit.name !== refs.orgUnitId, 'org unit name resolved');
  const list = await as(sss, sales)({ method: 'GET', url: '/api/projects?q=番号テスト&sort=projectNumber', headers: { 'x-sss-min-position': b.position } });
  assert.equal(list.json<{ items: { id: string }[] }>().items.map((i) => i.id), [a.id, b.id]);
});

test('bad input is a 400 naming the field, and appends nothing (no number is spent)', async ({ sss, sales, refs }) => {
  const head = await sss.events.headPosition();
  const cases: Array<[Record<string, unknown>, string]> = [
    [newProject(refs, { name: 123 }), 'name'],
    [newProject(refs, { resale: 'yes' }), 'resale'],
    [newProject(refs, { startDate: '2025-07-01', endDate: '2025-06-30' }), 'endDate'],
    [newProject(refs, { customerCompanyId: 'no-such-company' }), 'customerCompanyId'],
    [newProject(refs, { customerCompanyId: refs.partnerOnlyCompanyId }), 'customerCompanyId'],
    [newProject(refs, { supervisingOrgUnitId: 'no-such-unit' }), 'supervisingOrgUnitId'],
    [newProject(refs, { salesInfo: { serviceType: 'x', contractType: '請け負い', revenueRecognition: 'y' } }), 'salesInfo.contractType'],
  ];
  for (const [payload, field] of cases) {
    const response = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload });
    assert.is(response.statusCode, 400, `${field}: ${response.body}`);
    const body = problem(response.body);
    assert.is(body.code, 'validation_failed');
    assert.ok(body.errors?.some((e) => e.field === field || e.field.endsWith(field.split('.').pop()!)), `error on ${field}: ${response.body}`);
  }
  assert.equal(await oursSince(sss, head), [], 'nothing appended');
});

test('月毎明細: negative cost or effort and effort outside the period are refused; totals follow the rows', async ({ sss, sales, refs }) => {
  const p = await register(sss, sales, newProject(refs, { name: '明細テスト' }));
  const call = as(sss, sales);
  const head = await sss.events.headPosition();
  for (const [payload, field] of [
    [employeeRow(refs, { cost: -1 }), 'cost'],
    [employeeRow(refs, { effort: { '2025-04': '-1' } }), 'effort'],
    [employeeRow(refs, { effort: { '2025-04': 0.5 } }), 'effort'],
    [employeeRow(refs, { employeeId: 'nobody' }), 'employeeId'],
  ] as const) {
    const response = await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload });
    assert.is(response.statusCode, 400, `${field}: ${response.body}`);
    assert.ok(problem(response.body).errors?.some((e) => e.field.includes(field)), `${field}: ${response.body}`);
  }
  assert.equal(await oursSince(sss, head), [], 'nothing appended');
  await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload: employeeRow(refs) });
  const last = (await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload: expenseRow() })).json<Answer>();
  const d = await detail(sss, sales, p.id, last.position);
  assert.is(d.resources.length, 2);
  // 1.8 人月 × 1,200,000 + 2 × 180,000; cost 1.8 × 800,000 + 2 × 150,000
  assert.is(d.summary.total.revenue, 2_160_000 + 360_000);
  assert.is(d.summary.total.cost, 1_440_000 + 300_000);
  assert.is(d.summary.total.grossProfit, 2_520_000 - 1_740_000);
  assert.equal(d.summary.byMonth.map((m) => m.month), ['2025-04', '2025-05', '2025-06']);
  const effort = await call({ method: 'PUT', url: `/api/projects/${p.id}/resources/1/effort`, payload: { efforts: { '2025-09': '1' } } });
  assert.is(effort.statusCode, 400, effort.body);
});

test('the same Idempotency-Key registers once and answers the first result; another body is a 422', async ({ sss, sales, refs }) => {
  const key = `reg-${Date.now()}`;
  const first = await register(sss, sales, newProject(refs, { name: '冪等テスト' }), { 'idempotency-key': key });
  const head = await sss.events.headPosition();
  const again = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '冪等テスト' }), headers: { 'idempotency-key': key } });
  assert.is(again.statusCode, 201);
  assert.equal(again.json<Answer>(), first);
  assert.is(again.headers['idempotent-replayed'], 'true');
  assert.equal(await oursSince(sss, head), [], 'nothing appended on replay');
  const other = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '別の内容' }), headers: { 'idempotency-key': key } });
  assert.is(other.statusCode, 422);
});

test('concurrent registrations never share a number, and numbers are never reused', async ({ sss, sales, refs }) => {
  const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => register(sss, sales, newProject(refs, { name: `並行登録${i}` }))));
  const last = answers.map((a) => BigInt(a.position)).reduce((x, y) => (x > y ? x : y));
  const numbers = await Promise.all(answers.map(async (a) => (await detail(sss, sales, a.id, last.toString())).projectNumber));
  assert.is(new Set(numbers).size, numbers.length, numbers.join(','));
  const next = await register(sss, sales, newProject(refs, { name: '並行登録の後' }));
  const n = (await detail(sss, sales, next.id, next.position)).projectNumber;
  assert.ok(numbers.every((x) => Number(x) < Number(n)), 'a later project gets a higher number');
});

test('illegal transitions are 409; a stale If-Match is a 409 revision_conflict carrying the current revision', async ({ sss, sales, refs }) => {
  const p = await register(sss, sales, newProject(refs, { name: '遷移テスト' }));
  const call = as(sss, sales);
  const order = await call({ method: 'POST', url: `/api/projects/${p.id}/approvals`, payload: { kind: 'order' } });
  assert.is(order.statusCode, 409, order.body);
  assert.is(problem(order.body).code, 'illegal_transition');
  const complete = await call({ method: 'POST', url: `/api/projects/${p.id}/status`, payload: { to: 'completed', reason: 'テスト' } });
  assert.is(complete.statusCode, 409, complete.body);
  const edit = await call({ method: 'PUT', url: `/api/projects/${p.id}`, payload: newProject(refs, { name: '遷移テスト（改）' }), headers: { 'if-match': '"0"' } });
  assert.is(edit.statusCode, 200, edit.body);
  const stale = await call({ method: 'PUT', url: `/api/projects/${p.id}`, payload: newProject(refs, { name: '遷移テスト（古い画面）' }), headers: { 'if-match': '"0"' } });
  assert.is(stale.statusCode, 409);
  assert.is(problem(stale.body).code, 'revision_conflict');
  assert.is(problem(stale.body).currentRevision, '1');
});

test('提案 → 見積稟議 → 承認 → 受注稟議 → 受注確定: status history, sales plan, 受注一覧 and its CSV', async ({ sss, sales, admin, finance, refs }) => {
  const call = as(sss, sales);
  const p = await register(sss, sales, newProject(refs, { name: '受注フローテスト' }));
  await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload: employeeRow(refs) });
  const requested = await call({ method: 'POST', url: `/api/projects/${p.id}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします' } });
  assert.is(requested.statusCode, 201, requested.body);
  const ringiId = requested.json<Answer>().id;
  const outcome = { ringiId, outcome: 'approved', decidedBy: '田中 誠', decidedAt: '2025-03-20T10:00:00+09:00' };
  const bySales = await call({ method: 'POST', url: `/api/projects/${p.id}/approvals/outcome`, payload: outcome });
  assert.is(bySales.statusCode, 403, 'sales may not record an outcome');
  const approved = await as(sss, admin)({ method: 'POST', url: `/api/projects/${p.id}/approvals/outcome`, payload: outcome });
  assert.is(approved.statusCode, 200, approved.body);
  const d1 = await detail(sss, sales, p.id, approved.json<Answer>().position);
  assert.is(d1.status, 'estimate_approved');
  assert.equal(d1.statusHistory.map((h) => h.to), ['proposing', 'estimate_in_ringi', 'estimate_approved']);

  const terms = { customerPoNumber: 'PO-2025-001', orderDate: '2025-03-25', orderAmount: 2_160_000, labourAmount: 2_160_000, periodStart: '2025-04-01', periodEnd: '2025-06-30' };
  const registered = await call({ method: 'POST', url: '/api/orders', payload: { projectId: p.id, terms } });
  assert.is(registered.statusCode, 201, registered.body);
  const orderRingi = (await call({ method: 'POST', url: `/api/projects/${p.id}/approvals`, payload: { kind: 'order' } })).json<Answer>().id;
  await as(sss, admin)({ method: 'POST', url: `/api/projects/${p.id}/approvals/outcome`, payload: { ...outcome, ringiId: orderRingi, ringiNumber: 'JU-0042' } });
  const confirmed = await as(sss, admin)({ method: 'POST', url: `/api/orders/${p.id}/confirm`, payload: { ringiId: orderRingi, ringiNumber: 'JU-0042', approvedAt: '2025-03-28T09:00:00+09:00' } });
  assert.is(confirmed.statusCode, 200, confirmed.body);
  const position = confirmed.json<Answer>().position;
  const order = (await as(sss, finance)({ method: 'GET', url: `/api/orders/${p.id}`, headers: { 'x-sss-min-position': position } })).json<OrderView>();
  assert.is(order.status, 'confirmed');
  // Issue #11: the order's state used to travel as `status` and overwrite the HTTP status (a 500).
  const cancel = await call({ method: 'POST', url: `/api/orders/${p.id}/cancel`, payload: { reason: '確定後の取消' } });
  assert.is(cancel.statusCode, 409, cancel.body);
  assert.equal([problem(cancel.body).code, problem(cancel.body).status, problem(cancel.body).currentStatus], ['illegal_transition', 409, 'confirmed']);
  assert.equal(order.salesPlan.map((m) => m.revenue), [1_200_000, 600_000, 360_000]);
  assert.is(order.differenceFromOrderAmount, 0);
  const d2 = await detail(sss, sales, p.id, position);
  assert.is(d2.status, 'ordered');
  assert.is(d2.orderId, p.id);
  const list = await as(sss, finance)({ method: 'GET', url: '/api/orders?q=受注フローテスト', headers: { 'x-sss-min-position': position } });
  assert.is(list.json<{ total: number }>().total, 1);
  const csv = await as(sss, finance)({ method: 'GET', url: '/api/orders/export.csv?q=受注フローテスト' });
  assert.is(csv.statusCode, 200);
  assert.equal([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = csv.rawPayload.subarray(3).toString('utf8');
  assert.ok(text.includes('\r\n'), 'CRLF');
  assert.ok(text.includes('"JU-0042"') && text.includes('"2160000"'), text);
  assert.not.match(text, /"\d{4}-\d{2}-\d{2}/, 'dates as 2025/04/01, as every export writes them');
  const projectsCsv = await as(sss, finance)({ method: 'GET', url: '/api/projects/export.csv?status=ordered' });
  const projectsText = projectsCsv.rawPayload.subarray(3).toString('utf8');
  assert.ok(projectsText.includes('受注フローテスト'));
  // 更新日時 in Japanese time with its offset, not UTC
  assert.match(projectsText, /"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00"/);
  assert.not.match(projectsText, /Z"/);
  const history = await as(sss, finance)({ method: 'GET', url: `/api/projects/${p.id}/history` });
  assert.is(history.statusCode, 200);
  assert.ok(history.json<{ chainValid: boolean }>().chainValid);
});

test('a partner row must name an active 要員 of that 協力会社', async ({ sss, sales, refs }) => {
  const call = as(sss, sales);
  const p = await register(sss, sales, newProject(refs, { name: 'パートナーテスト' }));
  const head = (await sss.events.headPosition()).toString();
  const partners = (await call({ method: 'GET', url: '/api/partners?pageSize=100', headers: { 'x-sss-min-position': head } })).json<{ items: { id: string; name: string; affiliations: { companyId: string }[] }[] }>().items;
  const partner = partners.find((x) => x.affiliations.length === 1)!;
  const other = partners.flatMap((x) => x.affiliations.map((a) => a.companyId)).find((c) => c !== partner.affiliations[0]!.companyId)!;
  const row = { kind: 'partner', partnerId: partner.id, partnerCompanyId: partner.affiliations[0]!.companyId, name: partner.name, cost: 600_000, quotedUnitPrice: 900_000, effort: { '2025-04': '1' } };
  const before = await sss.events.headPosition();
  for (const [payload, field] of [[{ ...row, partnerCompanyId: other }, 'partnerCompanyId'], [{ ...row, partnerId: 'nobody' }, 'partnerId']] as const) {
    const response = await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload });
    assert.is(response.statusCode, 400, response.body);
    assert.ok(problem(response.body).errors?.some((e) => e.field === field), response.body);
  }
  assert.equal(await oursSince(sss, before), []);
  const added = await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload: row });
  assert.is(added.statusCode, 200, added.body);
  const d = await detail(sss, sales, p.id, added.json<Answer>().position);
  assert.is(d.resources[0]!.partnerCompany?.id, row.partnerCompanyId);
  assert.is(d.summary.partners[0]!.total.revenue, 900_000);
});

test('staff a project may name are listed for every role (ids are user ids)', async ({ sss, finance, refs }) => {
  const response = await as(sss, finance)({ method: 'GET', url: '/api/project-staff?q=佐藤' });
  assert.is(response.statusCode, 200, response.body);
  assert.ok(response.json<{ items: { id: string }[] }>().items.some((m) => m.id === refs.leaderId));
});

test('copy gets a new number and the rows, not the status', async ({ sss, sales, refs }) => {
  const call = as(sss, sales);
  const p = await register(sss, sales, newProject(refs, { name: 'コピー元' }));
  await call({ method: 'POST', url: `/api/projects/${p.id}/resources`, payload: employeeRow(refs) });
  const copied = await call({ method: 'POST', url: `/api/projects/${p.id}/copy`, payload: {} });
  assert.is(copied.statusCode, 201, copied.body);
  const c = copied.json<Answer>();
  const d = await detail(sss, sales, c.id, c.position);
  assert.is(d.name, 'コピー元（コピー）');
  assert.is(d.resources.length, 1);
  assert.ok(d.copiedFrom);
  const src = await detail(sss, sales, p.id, c.position);
  assert.is.not(d.projectNumber, src.projectNumber);
});

test.run();
