import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';

/** The company API through fastify's inject: the rules a client can rely on. */
const test = suite<{ sss: RunningSss; sales: Session; finance: Session }>('company API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.finance = await login(context.sss, DEMO.finance);
});
test.after(async ({ sss }) => sss.stop());

const problem = (body: string) => JSON.parse(body) as { code: string; status: number; errors?: { field: string; message: string }[]; currentRevision?: string };

test('without a session every company route answers 401 with a problem', async ({ sss }) => {
  for (const [method, url] of [['GET', '/api/companies'], ['POST', '/api/companies'], ['GET', '/api/companies/x/history']] as const) {
    const response = await as(sss, null)({ method, url, ...(method === 'POST' ? { payload: newCompany('A1') } : {}) });
    assert.is(response.statusCode, 401, `${method} ${url}`);
    assert.match(String(response.headers['content-type']), 'application/problem+json');
    assert.is(problem(response.body).code, 'unauthenticated');
  }
});

test('a role that may not register companies gets 403 and nothing is appended', async ({ sss, finance }) => {
  const head = await sss.events.headPosition();
  const response = await as(sss, finance)({ method: 'POST', url: '/api/companies', payload: newCompany('F1') });
  assert.is(response.statusCode, 403);
  assert.is(problem(response.body).code, 'forbidden');
  assert.equal(await appendedByPeopleSince(sss, head), []);
});

test('bad input is a 400 naming each field in Japanese, and appends nothing', async ({ sss, sales }) => {
  const head = await sss.events.headPosition();
  const cases: Array<[Record<string, unknown>, string, RegExp]> = [
    [newCompany('B1', { name: '' }), 'name', /名称/],
    [newCompany('B2', { isCustomer: 'yes' }), 'isCustomer', /顧客会社/],
    [newCompany('B3', { code: 'x'.repeat(51) }), 'code', /50文字以内/],
    [newCompany('B4', { invoiceRegistrationNumber: 'T123' }), 'invoiceRegistrationNumber', /形式/],
    [newCompany('B5', { invoiceRegistrationNumber: 'T1000012050002' }), 'invoiceRegistrationNumber', /チェックデジット/],
    [newCompany('B6', { isCustomer: false, isPartner: false }), 'isCustomer', /どちらか/],
    [newCompany('B7', { ndaSignedOn: '2025-02-30' }), 'ndaSignedOn', /実在する日付/],
    [newCompany('B8', { unexpected: 1 }), 'unexpected', /受け付けていません/],
    [{ code: 'B9' }, 'name', /必須/],
  ];
  for (const [payload, field, message] of cases) {
    const response = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload });
    assert.is(response.statusCode, 400, `${field}: ${response.body}`);
    const body = problem(response.body);
    assert.is(body.code, 'validation_failed');
    const error = body.errors?.find((e) => e.field === field);
    assert.ok(error, `expected an error on ${field}: ${response.body}`);
    assert.match(error!.message, message);
  }
  const notJson = await as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'content-type': 'application/json' }, payload: '{"code":' });
  assert.is(notJson.statusCode, 400);
  assert.equal(await appendedByPeopleSince(sss, head), [], 'nothing appended');
});

test('registering answers id, revision and position; the list shows it at once with read-your-writes', async ({ sss, sales }) => {
  const created = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('RYW1', { name: '読み書き一致テスト' }) });
  assert.is(created.statusCode, 201, created.body);
  const { id, revision, position } = created.json<{ id: string; revision: string; position: string }>();
  assert.is(revision, '0');
  const list = await as(sss, sales)({ method: 'GET', url: '/api/companies?q=読み書き一致', headers: { 'x-sss-min-position': position } });
  assert.is(list.statusCode, 200);
  assert.equal(list.json<{ items: { id: string }[] }>().items.map((c) => c.id), [id]);
  const detail = await as(sss, sales)({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': position } });
  assert.is(detail.json<{ name: string; active: boolean }>().name, '読み書き一致テスト');
});

test('会社一覧 exports as CSV with the list filters: every match (not one page), Excel-ready, dates as 2026/12/01', async ({ sss, sales }) => {
  const registered = [];
  for (const n of [1, 2, 3]) registered.push(await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany(`CSV${n}`, { name: `CSV出力テスト${n}` }) }));
  for (const r of registered) assert.is(r.statusCode, 201, r.body);
  const position = registered.at(-1)!.json<{ position: string }>().position;
  const page = await as(sss, sales)({ method: 'GET', url: '/api/companies?q=CSV出力テスト&pageSize=2', headers: { 'x-sss-min-position': position } });
  assert.is(page.json<{ total: number }>().total, 3);
  const csv = await as(sss, sales)({ method: 'GET', url: '/api/companies/export.csv?q=CSV出力テスト&sort=-code', headers: { 'x-sss-min-position': position } });
  assert.is(csv.statusCode, 200, csv.body);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.equal([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = csv.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
  assert.match(lines[0]!, /^"会社コード","会社名"/);
  assert.equal(lines.slice(1).map((l) => l.split(',')[1]), ['"CSV出力テスト3"', '"CSV出力テスト2"', '"CSV出力テスト1"'], 'all three, in the list order');
  assert.match(lines[1]!, /"\d{4}\/\d{2}\/\d{2}"/);
  assert.not.match(lines.join('\n'), /"\d{4}-\d{2}-\d{2}"/);
  const paged = await as(sss, sales)({ method: 'GET', url: '/api/companies/export.csv?page=2' });
  assert.is(paged.statusCode, 400, 'the export has no pages: a closed query refuses page');
});

test('a position the read model has not reached answers 503 read_model_lagging after a bounded wait', async ({ sss, sales }) => {
  const response = await as(sss, sales)({ method: 'GET', url: '/api/companies', headers: { 'x-sss-min-position': '999999999' } });
  assert.is(response.statusCode, 503);
  assert.is(problem(response.body).code, 'read_model_lagging');
});

test('a company code is unique: the second registration is a 409 on the code field', async ({ sss, sales }) => {
  assert.is((await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('DUP1') })).statusCode, 201);
  const head = await sss.events.headPosition();
  const second = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('dup1') });
  assert.is(second.statusCode, 409, second.body);
  assert.is(problem(second.body).errors?.[0]?.field, 'code');
  assert.equal(await appendedByPeopleSince(sss, head), []);
});

test('an edit with a stale If-Match is a 409 with the current revision, and appends nothing', async ({ sss, sales }) => {
  const created = (await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('REV1') })).json<{ id: string }>();
  const first = await as(sss, sales)({ method: 'PUT', url: `/api/companies/${created.id}`, headers: { 'if-match': '"0"' }, payload: newCompany('REV1', { name: '一人目の編集' }) });
  assert.is(first.statusCode, 200, first.body);
  assert.is(first.json<{ revision: string }>().revision, '1');
  const head = await sss.events.headPosition();
  const stale = await as(sss, sales)({ method: 'PUT', url: `/api/companies/${created.id}`, headers: { 'if-match': '"0"' }, payload: newCompany('REV1', { name: '二人目の編集' }) });
  assert.is(stale.statusCode, 409);
  const body = problem(stale.body);
  assert.is(body.code, 'revision_conflict');
  assert.is(body.currentRevision, '1');
  assert.equal(await appendedByPeopleSince(sss, head), []);
});

test('an Idempotency-Key replays the first answer and appends nothing more; reusing it for another request is refused', async ({ sss, sales }) => {
  const key = randomUUID();
  const send = (code: string) => as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'idempotency-key': key }, payload: newCompany(code) });
  const first = await send('IDEM1');
  assert.is(first.statusCode, 201);
  const head = await sss.events.headPosition();
  const replay = await send('IDEM1');
  assert.is(replay.statusCode, 201);
  assert.is(replay.headers['idempotent-replayed'], 'true');
  assert.equal(replay.json(), first.json());
  assert.equal(await appendedByPeopleSince(sss, head), [], 'the replay appended nothing');
  const other = await send('IDEM2');
  assert.is(other.statusCode, 422);
  assert.is(problem(other.body).code, 'idempotency_key_reused');
});

test('a refused keyed command appends nothing at all and replays as the same refusal', async ({ sss, sales }) => {
  const key = randomUUID();
  const send = () => as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'idempotency-key': key }, payload: newCompany('IDEM3', { invoiceRegistrationNumber: 'T1000012050002' }) });
  const head = await sss.events.headPosition();
  const first = await send();
  const second = await send();
  assert.is(first.statusCode, 400);
  assert.is(second.statusCode, 400);
  assert.equal(problem(second.body).errors, problem(first.body).errors);
  assert.equal(await appendedByPeopleSince(sss, head), [], 'no idempotency key and no code reservation for a refused registration');
  // Once corrected, the same code registers at once: the refusal claimed nothing.
  assert.is((await as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'idempotency-key': randomUUID() }, payload: newCompany('IDEM3') })).statusCode, 201);
  const taken = await as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'idempotency-key': randomUUID() }, payload: newCompany('idem3') });
  assert.is(taken.statusCode, 409);
  assert.is(problem(taken.body).errors?.[0]?.field, 'code');
  const afterTaken = await sss.events.headPosition();
  assert.is((await as(sss, sales)({ method: 'POST', url: '/api/companies', headers: { 'idempotency-key': randomUUID() }, payload: newCompany('IDEM3') })).statusCode, 409);
  assert.equal(await appendedByPeopleSince(sss, afterTaken), [], 'a taken code appends nothing either');
});

test('credit limit, anti-social check and abolition are recorded with who did it; history verifies its hash chain', async ({ sss }) => {
  const admin = await login(sss, DEMO.salesAdmin);
  const call = as(sss, admin);
  const { id } = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('HIST1', { registeredOn: '2025-01-01' }) })).json<{ id: string }>();
  assert.is((await call({ method: 'POST', url: `/api/companies/${id}/credit-limit`, payload: { creditLimit: 10_000_000, reviewedOn: '2025-04-01' } })).statusCode, 200);
  assert.is((await call({ method: 'POST', url: `/api/companies/${id}/anti-social-checks`, payload: { checkedOn: '2025-04-02', result: 'clear' } })).statusCode, 200);
  const abolished = await call({ method: 'POST', url: `/api/companies/${id}/abolish`, payload: { abolishedOn: '2025-05-01' } });
  const position = abolished.json<{ position: string }>().position;
  const again = await call({ method: 'POST', url: `/api/companies/${id}/abolish`, payload: { abolishedOn: '2025-06-01' } });
  assert.is(again.statusCode, 409);
  assert.is(problem(again.body).code, 'illegal_transition');

  const detail = (await call({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': position } })).json<{ credit: { creditLimit: number; updatedByName: string }; antiSocialCheck: { checkedByName: string }; active: boolean; abolishedOn: string }>();
  assert.is(detail.credit.creditLimit, 10_000_000);
  assert.is(detail.credit.updatedByName, '鈴木 美咲');
  assert.is(detail.antiSocialCheck.checkedByName, '鈴木 美咲');
  assert.is(detail.abolishedOn, '2025-05-01');
  assert.is(detail.active, false);

  const history = (await call({ method: 'GET', url: `/api/companies/${id}/history` })).json<{ chainValid: boolean; events: { type: string; actorName: string }[] }>();
  assert.ok(history.chainValid);
  assert.equal(history.events.map((e) => e.type), ['CompanyRegistered', 'CreditLimitChanged', 'AntiSocialCheckRecorded', 'CompanyAbolished']);
  assert.ok(history.events.every((e) => e.actorName === '鈴木 美咲'));
});

test('the list filters, searches by kana, sorts and pages', async ({ sss, sales }) => {
  const call = as(sss, sales);
  const q = async (query: string) => (await call({ method: 'GET', url: `/api/companies?${query}` })).json<{ items: { code: string }[]; total: number }>();
  const partners = await q('partner=true&active=true&sort=code');
  assert.equal(partners.items.map((c) => c.code), ['C0005', 'C0006', 'C0007']);
  assert.equal((await q('q=ホクト')).items.map((c) => c.code), ['C0002']);
  assert.equal((await q('active=false&q=C000')).items.map((c) => c.code), ['C0008']);
  const page2 = await q('customer=true&sort=code&page=2&pageSize=2');
  assert.equal(page2.items.map((c) => c.code), ['C0003', 'C0004']);
  const bad = await call({ method: 'GET', url: '/api/companies?sort=password' });
  assert.is(bad.statusCode, 400);
  assert.is(problem(bad.body).errors?.[0]?.field, 'querystring.sort');
});

test('health, readiness with projector lag, and the OpenAPI document', async ({ sss }) => {
  assert.is((await as(sss, null)({ method: 'GET', url: '/healthz' })).statusCode, 200);
  const ready = await as(sss, null)({ method: 'GET', url: '/readyz' });
  assert.is(ready.statusCode, 200);
  assert.ok(ready.json<{ projections: { name: string; lag: string }[] }>().projections.some((p) => p.name === 'companies'));
  const openapi = (await as(sss, null)({ method: 'GET', url: '/api/openapi.json' })).json<{ openapi: string; paths: Record<string, unknown> }>();
  assert.is(openapi.openapi, '3.1.0');
  assert.ok(openapi.paths['/api/companies']);
  assert.ok(openapi.paths['/api/companies/{id}/credit-limit']);
});

test('login refuses a wrong password with one message for every cause, and logout ends the session', async ({ sss }) => {
  const wrong = await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.auditor, password: 'nope' } });
  const unknown = await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.co.jp', password: 'nope' } });
  assert.is(wrong.statusCode, 401);
  assert.is(problem(wrong.body).code, 'invalid_credentials');
  assert.is(wrong.json<{ detail: string }>().detail, unknown.json<{ detail: string }>().detail);
  const session = await login(sss, DEMO.auditor);
  const me = await as(sss, session)({ method: 'GET', url: '/api/auth/me' });
  assert.equal(me.json<{ roles: string[] }>().roles, ['auditor']);
  const logout = await as(sss, session)({ method: 'POST', url: '/api/auth/logout' });
  assert.is(logout.statusCode, 204);
  const cleared = logout.cookies.find((c) => c.name === 'sss_session');
  assert.ok(cleared && (cleared.value === '' || (cleared.expires && cleared.expires.getTime() < Date.now())), 'the session cookie is cleared');
});

test('the session cookie is httpOnly and SameSite, and a forged cookie is refused', async ({ sss }) => {
  const response = await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.sales, password: 'demo-pass-2025' } });
  const cookie = response.cookies.find((c) => c.name === 'sss_session')!;
  assert.ok(cookie.httpOnly);
  assert.is(cookie.sameSite, 'Lax');
  const forged = JSON.stringify({ sub: 'x', name: 'x', email: 'x', roles: ['admin'], exp: Date.now() + 1e6 });
  const attempt = await as(sss, { sss_session: forged })({ method: 'GET', url: '/api/companies' });
  assert.is(attempt.statusCode, 401);
});

test('five wrong passwords lock the account for a while (429), even with the right password', async ({ sss }) => {
  for (let i = 0; i < 5; i++) await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.divisionHead, password: `wrong-${i}` } });
  const locked = await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.divisionHead, password: 'demo-pass-2025' } });
  assert.is(locked.statusCode, 429);
  assert.is(problem(locked.body).code, 'too_many_attempts');
});

test.run();
