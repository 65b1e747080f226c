import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { History, HistoryEntry } from '@sss/contracts/common';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { employeeRow, estimateContent, newProject, projectRefs, type ProjectRefs } from '../support/projects.ts';
import { deriveSalesPlan, salesActual } from '../support/sales.ts';
import { approveAsProcessManager } from '../support/history.ts';
import { CODE_LABELS } from '@sss/write-side/history/code-labels';

/**
 * Every aggregate's history through the API, read as the auditor: each event in words, its field-level
 * before → after, the actor by name (system parts in words), and the 稟議 behind what the 稟議 decided.
 */
const test = suite<{ sss: RunningSss; sales: Session; admin: Session; auditor: Session; sysadmin: Session; refs: ProjectRefs }>('history API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.admin = await login(context.sss, DEMO.salesAdmin);
  context.auditor = await login(context.sss, DEMO.auditor);
  context.sysadmin = await login(context.sss, DEMO.admin);
  context.refs = await projectRefs(context.sss, context.sales);
});
test.after(async ({ sss }) => sss.stop());

type Answer = { id: string; revision: string; position: string };
let keys = 0;
const key = () => ({ 'idempotency-key': `history-${Date.now()}-${keys++}` });

/** Every code any aggregate's state takes (`awaiting_invoice`, `estimate_in_ringi`, …): none may reach the auditor raw. */
const RAW_CODES = new Set(Object.values(CODE_LABELS).flatMap((table) => Object.values(table).flatMap((codes) => Object.keys(codes))).filter((code) => /^[a-z][a-z0-9_]*$/.test(code)));

/** Every history answered here is in words: no raw code in before → after, no raw field name (camelCase) in a label. */
function assertInWords(history: History): void {
  for (const entry of history.events) {
    for (const change of entry.changes) {
      for (const value of [change.before, change.after, change.beforeEn, change.afterEn]) assert.not.ok(value !== null && RAW_CODES.has(value), `${entry.type} ${change.field}: raw code ${value}`);
      // Form values are keyed by the tenant's CollaboFlow part ids, the names its form designer shows.
      if (change.field.startsWith('values.')) continue;
      for (const label of [change.label.ja, change.label.en]) assert.not.match(label, /(^|\s)[a-z]+[A-Z]\w*/, `${entry.type} ${change.field}: raw field name in "${label}"`);
    }
  }
}

async function historyOf(sss: RunningSss, session: Session, url: string): Promise<History> {
  const response = await as(sss, session)({ method: 'GET', url });
  assert.is(response.statusCode, 200, `${url}: ${response.body}`);
  const history = response.json<History>();
  assertInWords(history);
  return history;
}

const ofType = (history: History, type: string): HistoryEntry => {
  const entry = history.events.find((e) => e.type === type);
  assert.ok(entry, `${history.streamName} has a ${type}: ${history.events.map((e) => e.type).join(', ')}`);
  return entry;
};

const change = (entry: HistoryEntry, field: string) => {
  const found = entry.changes.find((c) => c.field === field);
  assert.ok(found, `${entry.type} changes ${field}: ${entry.changes.map((c) => c.field).join(', ')}`);
  return found;
};

test('project, estimate, order and 稟議: events in words, 月毎明細 before → after, 稟議連携 as the actor, the order linked to its 稟議', async ({ sss, sales, admin, auditor, refs }) => {
  const call = as(sss, sales);
  const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '履歴テスト案件' }) })).json<Answer>();
  const row = await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs) });
  assert.ok(row.statusCode < 300, row.body);
  const before = await historyOf(sss, auditor, `/api/projects/${project.id}/history`);
  const line = ofType(before, 'ResourceAdded').changes.find((c) => /^resources\.#\d+\.effort\./.test(c.field));
  assert.ok(line, 'the added row shows its monthly effort');
  const [resourceNo, month] = [line.field.split('.')[1]!.slice(1), line.field.split('.')[3]!];
  const effort = await call({ method: 'PUT', url: `/api/projects/${project.id}/resources/${resourceNo}/effort`, payload: { efforts: { [month]: '0.5' } } });
  assert.ok(effort.statusCode < 300, effort.body);

  const estimate = await call({ method: 'POST', url: '/api/estimates', payload: { projectId: project.id, content: estimateContent() } });
  assert.is(estimate.statusCode, 201, estimate.body);
  const estimateRingi = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします' }, headers: key() })).json<Answer>().id;
  await approveAsProcessManager(sss, estimateRingi, 'RINGI-E-1');

  const terms = { customerPoNumber: 'PO-H-1', orderDate: '2026-03-25', orderAmount: 1_000_000, labourAmount: 1_000_000, periodStart: '2026-04-01', periodEnd: '2026-06-30' };
  assert.is((await call({ method: 'POST', url: '/api/orders', payload: { projectId: project.id, terms } })).statusCode, 201);
  const edited = await call({ method: 'PUT', url: `/api/orders/${project.id}`, payload: { ...terms, orderAmount: 1_100_000, labourAmount: 1_100_000 } });
  assert.ok(edited.statusCode < 300, edited.body);
  const orderRingi = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'order' }, headers: key() })).json<Answer>().id;
  await approveAsProcessManager(sss, orderRingi, 'RINGI-O-1');

  const projectHistory = await historyOf(sss, auditor, `/api/projects/${project.id}/history`);
  const effortSet = ofType(projectHistory, 'MonthlyEffortSet');
  const effortChange = change(effortSet, `resources.#${resourceNo}.effort.${month}`);
  assert.is(effortChange.after, '0.5');
  assert.ok(effortChange.before !== '0.5' && effortChange.before !== null, 'the effort before the change');
  assert.match(effortChange.label.ja, /明細 #\d+ 工数/);
  assert.match(effortSet.summary.ja, /^月毎工数変更：明細 #\d+ 工数 \S+を .+ → 0\.5 に変更/);
  const granted = ofType(projectHistory, 'ProjectApprovalGranted');
  assert.equal([granted.actor, granted.actorName, granted.actorNameEn], ['system:ringi', '稟議連携', 'CollaboFlow integration']);
  assert.ok(granted.links.some((l) => l.kind === 'ringi' && l.id === estimateRingi), 'the approval links to its 稟議');
  const registered = ofType(projectHistory, 'ProjectRegistered');
  assert.is(registered.actorName, '佐藤 健一');
  assert.is(change(registered, 'basics.name').after, '履歴テスト案件');
  assert.ok(projectHistory.chainValid);
  assert.ok(projectHistory.events.every((e) => e.verification.state === 'unanchored'), 'no whole-store verification has run yet');

  const orderHistory = await historyOf(sss, auditor, `/api/orders/${project.id}/history`);
  const orderEdited = ofType(orderHistory, 'OrderEdited');
  assert.equal([change(orderEdited, 'terms.orderAmount').before, change(orderEdited, 'terms.orderAmount').after], ['¥1,000,000', '¥1,100,000']);
  assert.match(orderEdited.summary.ja, /受注内容 受注金額を ¥1,000,000 → ¥1,100,000 に変更/);
  assert.match(orderEdited.summary.en, /Terms Order amount changed from ¥1,000,000 to ¥1,100,000/);
  const confirmed = ofType(orderHistory, 'OrderConfirmed');
  assert.is(confirmed.actorName, '稟議連携');
  assert.is(confirmed.correlationId, orderRingi);
  const link = confirmed.links.find((l) => l.kind === 'ringi');
  assert.equal(link?.id, orderRingi, 'the confirmation links to the 受注稟議 that caused it');

  const estimateHistory = await historyOf(sss, auditor, `/api/estimates/${project.id}/history`);
  assert.ok(ofType(estimateHistory, 'EstimateDrafted').changes.length > 0);
  assert.is(ofType(estimateHistory, 'EstimateDrafted').actorName, '佐藤 健一');

  const ringiHistory = await historyOf(sss, auditor, `/api/ringis/${orderRingi}/history`);
  const requested = ofType(ringiHistory, 'RingiRequested');
  assert.is(requested.typeLabel.ja, '稟議依頼');
  assert.ok(requested.changes.some((c) => c.field === 'kind' && c.after === '受注稟議' && c.afterEn === 'Order'));
  const statusChanged = ofType(projectHistory, 'ProjectStatusChanged');
  assert.ok(statusChanged.changes.some((c) => c.field === 'status' && c.before === '提案検討中' && c.beforeEn === 'Proposing'), 'a status in words, not proposing');

  // 営業管理 reads the same; a role outside the table does not exist for histories, so an unknown 稟議 is a 404.
  assert.is((await as(sss, admin)({ method: 'GET', url: `/api/ringis/${orderRingi}/history` })).statusCode, 200);
  assert.is((await as(sss, auditor)({ method: 'GET', url: '/api/ringis/no-such-ringi/history' })).statusCode, 404);
});

test('monthly sales and its invoice: the plan by 売上予定の自動作成, the invoice by 請求書番号, amounts as yen', async ({ sss, admin, auditor, sysadmin }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-04', revenue: 1_500_000 }]);
  const base = `/api/monthly-sales/${projectId}/2026-04`;
  await waitUntil('the sales plan policy to set the month', async () => ((await as(sss, auditor)({ method: 'GET', url: `${base}/history` })).statusCode === 200 ? true : null));
  assert.is((await as(sss, admin)({ method: 'PUT', url: `${base}/actual`, payload: salesActual(), headers: key() })).statusCode, 200);
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  assert.is((await as(sss, sysadmin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-H-1' }, headers: key() })).statusCode, 200);
  const issued = await as(sss, admin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-04-30' }, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);

  const month = await historyOf(sss, auditor, `${base}/history`);
  const plan = ofType(month, 'MonthlyPlanSet');
  assert.equal([plan.actorName, plan.actorNameEn], ['売上予定の自動作成', 'Sales plan automation']);
  const actual = ofType(month, 'SalesActualRecorded');
  assert.is(change(actual, 'totals.net').after, '¥1,610,000');
  const checked = change(ofType(month, 'SalesCheckApproved'), 'status');
  assert.equal([checked.after, checked.afterEn], ['請求待ち', 'Awaiting invoice']);
  const invoiceIssued = ofType(month, 'InvoiceIssued');
  const invoiceNumber = change(invoiceIssued, 'invoice.invoiceNumber').after;
  assert.match(invoiceNumber ?? '', /^INV-\d{6}$/);

  const invoice = await historyOf(sss, auditor, `/api/invoices/${invoiceNumber}/history`);
  assert.is(invoice.streamName, month.streamName, "an invoice's history is that of the month it was issued from");
  assert.is((await as(sss, auditor)({ method: 'GET', url: '/api/invoices/INV-999999/history' })).statusCode, 404);
});

test('company, partner, user and organization: the same shape, people by name', async ({ sss, sales, auditor }) => {
  const call = as(sss, sales);
  const company = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('HIST-A') })).json<Answer>();
  const edited = await call({ method: 'PUT', url: `/api/companies/${company.id}`, payload: newCompany('HIST-A', { name: '履歴商事' }), headers: { 'if-match': `"${company.revision}"` } });
  assert.is(edited.statusCode, 200, edited.body);
  const companyHistory = await historyOf(sss, auditor, `/api/companies/${company.id}/history`);
  const companyEdited = ofType(companyHistory, 'CompanyEdited');
  assert.equal([change(companyEdited, 'details.name').before, change(companyEdited, 'details.name').after], ['テスト商事', '履歴商事']);
  assert.match(companyEdited.summary.ja, /会社情報 名称を テスト商事 → 履歴商事 に変更/);
  assert.is(companyEdited.actorName, '佐藤 健一');

  const partners = (await as(sss, auditor)({ method: 'GET', url: '/api/partners' })).json<{ items: { id: string }[] }>();
  const partner = await historyOf(sss, auditor, `/api/partners/${partners.items[0]!.id}/history`);
  assert.ok(change(ofType(partner, 'PartnerRegistered'), 'name').after);

  const me = (await call({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>();
  const user = await historyOf(sss, auditor, `/api/users/${me.id}/history`);
  const registered = ofType(user, 'UserRegistered');
  assert.is(change(registered, 'name').after, '佐藤 健一');
  const password = registered.changes.find((c) => c.field === 'passwordHash');
  assert.ok(!password || password.after === '••••••', 'a password hash is never shown');

  const organization = await historyOf(sss, auditor, '/api/organization/history');
  assert.ok(organization.events.length > 0 && organization.events.every((e) => e.summary.ja.length > 0 && e.summary.en.length > 0));
});

/** An id as SSS makes them (UUID): none may be a value, a label or a summary of a reference's history. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function assertNoRawIds(history: History): void {
  for (const entry of history.events) {
    assert.not.match(entry.summary.ja, UUID, `${entry.type}: an id in "${entry.summary.ja}"`);
    for (const c of entry.changes) for (const text of [c.label.ja, c.before, c.after]) assert.not.ok(text !== null && UUID.test(text), `${entry.type} ${c.field}: an id in "${text}"`);
  }
}

const refsOf = (entry: HistoryEntry, field: string) => (change(entry, field).afterRefs ?? []).map((r) => [r.kind, r.id, r.name.ja]);

test('references by name, each with its record: 顧客会社, 主管部, 社員, 稟議, 案件, 所属会社, 所属組織', async ({ sss, sales, auditor, refs }) => {
  const call = as(sss, sales);
  const customer = (await as(sss, auditor)({ method: 'GET', url: `/api/companies/${refs.customerId}` })).json<{ name: string }>().name;
  const unit = (await as(sss, auditor)({ method: 'GET', url: `/api/org-units/${refs.orgUnitId}` })).json<{ name: string }>().name;
  const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '名前で見る案件' }) })).json<Answer>();
  assert.ok((await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs) })).statusCode < 300);
  const ringi = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '名前の確認' }, headers: key() })).json<Answer>().id;
  await approveAsProcessManager(sss, ringi, 'RINGI-N-1');
  assert.is((await call({ method: 'POST', url: '/api/estimates', payload: { projectId: project.id, content: estimateContent() } })).statusCode, 201);

  const history = await historyOf(sss, auditor, `/api/projects/${project.id}/history`);
  assertNoRawIds(history);
  const registered = ofType(history, 'ProjectRegistered');
  assert.equal(refsOf(registered, 'basics.customerCompanyId'), [['company', refs.customerId, customer]]);
  assert.is(change(registered, 'basics.customerCompanyId').after, customer);
  assert.equal(refsOf(registered, 'basics.supervisingOrgUnitId'), [['orgUnit', refs.orgUnitId, unit]]);
  assert.equal(refsOf(registered, 'basics.leader.employeeId'), [['user', refs.leaderId, refs.leaderName]]);
  const projectNumber = refsOf(registered, 'projectId')[0]![2] as string;
  assert.match(projectNumber, /^\d{8} 名前で見る案件$/, 'the project itself by number and name');
  const added = ofType(history, 'ResourceAdded');
  assert.ok(added.changes.some((c) => /^resources\.#\d+\.employeeId$/.test(c.field) && c.after === refs.leaderName && c.afterRefs?.[0]?.kind === 'user'), 'the 明細 row names its 社員');
  const requested = ofType(history, 'ProjectApprovalRequested');
  assert.equal(refsOf(requested, 'pendingApproval.ringiId'), [['ringi', ringi, change(requested, 'pendingApproval.ringiId').after]]);
  assert.match(change(requested, 'pendingApproval.ringiId').after ?? '', /^稟議「.+」$/);
  const granted = ofType(history, 'ProjectApprovalGranted');
  assert.ok(granted.changes.some((c) => c.field === `approvalOutcomes.${ringi}` && /^稟議結果 稟議「.+」$/.test(c.label.ja)), 'the outcome keyed by its 稟議, named');

  const estimate = await historyOf(sss, auditor, `/api/estimates/${project.id}/history`);
  assertNoRawIds(estimate);
  assert.equal(refsOf(ofType(estimate, 'EstimateDrafted'), 'projectId'), [['project', project.id, projectNumber]]);

  const company = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('REF-P', { name: '所属先商事', isPartner: true }) })).json<Answer>();
  // The partner context knows the company once its copy has arrived over the bus.
  const partner = await waitUntil('the partner context to know the new company', async () => {
    const answer = await call({ method: 'POST', url: '/api/partners', payload: { name: '名前 確認', kana: 'ナマエ カクニン', registeredOn: '2026-04-01', companyIds: [company.id] } });
    return answer.statusCode < 300 ? answer.json<Answer>() : null;
  });
  const partnerHistory = await historyOf(sss, auditor, `/api/partners/${partner.id}/history`);
  assertNoRawIds(partnerHistory);
  assert.equal(refsOf(ofType(partnerHistory, 'PartnerRegistered'), 'companyIds'), [['company', company.id, '所属先商事']]);

  const me = (await call({ method: 'GET', url: '/api/auth/me' })).json<{ id: string; orgUnitId: string | null }>();
  const user = await historyOf(sss, auditor, `/api/users/${me.id}/history`);
  assertNoRawIds(user);
  const unitRef = ofType(user, 'UserRegistered').changes.find((c) => c.field === 'orgUnitId')?.afterRefs?.[0];
  assert.ok(unitRef === undefined || (unitRef.kind === 'orgUnit' && !UUID.test(unitRef.name.ja)), 'the user\'s 所属組織 by name');
});

test('after a whole-store verification the events it covered are verified, later ones not yet', async ({ sss, sales, auditor }) => {
  const call = as(sss, sales);
  const company = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('HIST-V') })).json<Answer>();
  const started = await as(sss, auditor)({ method: 'POST', url: '/api/audit/verifications', payload: {} });
  assert.ok(started.statusCode < 300, started.body);
  await waitUntil('the verification to be recorded', async () => {
    const status = (await as(sss, auditor)({ method: 'GET', url: '/api/audit/verifications/latest' })).json<{ running: unknown; latest: { intact: boolean } | null }>();
    return status.running === null && status.latest ? status.latest : null;
  }, { timeoutMs: 30_000 });
  const edited = await call({ method: 'PUT', url: `/api/companies/${company.id}`, payload: newCompany('HIST-V', { name: '検証後の編集' }), headers: { 'if-match': `"${company.revision}"` } });
  assert.is(edited.statusCode, 200, edited.body);

  const history = await historyOf(sss, auditor, `/api/companies/${company.id}/history`);
  const registered = ofType(history, 'CompanyRegistered');
  assert.is(registered.verification.state, 'verified', registered.verification.detail.ja);
  assert.match(registered.verification.detail.ja, /署名付きチェックポイント/);
  assert.is(ofType(history, 'CompanyEdited').verification.state, 'unanchored');
});

test.run();
