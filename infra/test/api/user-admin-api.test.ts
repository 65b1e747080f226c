import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrgTree } from '@sss/contracts/organization/schemas';
import type { UserView } from '@sss/contracts/user/schemas';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';

/** User administration through the API, and what it does to sessions already handed out. */
const test = suite<{ sss: RunningSss; admin: Session }>('user administration API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.admin = await login(context.sss, DEMO.admin);
});
test.after(async ({ sss }) => sss.stop());

const problem = (body: string) => JSON.parse(body) as { code: string; errors?: { field: string; message: string }[] };
const PASSWORD = 'initial-pass-2025';

async function newUser(sss: RunningSss, admin: Session, email: string, roles = ['sales']) {
  const created = await as(sss, admin)({ method: 'POST', url: '/api/users', payload: { email, name: 'テスト 花子', roles, password: PASSWORD } });
  assert.is(created.statusCode, 201, created.body);
  return created.json<{ id: string; position: string }>();
}
const me = (sss: RunningSss, session: Session) => as(sss, session)({ method: 'GET', url: '/api/auth/me' });

test('the list shows each demo user with the name of their unit today', async ({ sss, admin }) => {
  const list = await as(sss, admin)({ method: 'GET', url: '/api/users' });
  assert.is(list.statusCode, 200, list.body);
  const sato = list.json<{ items: UserView[] }>().items.find((u) => u.email === DEMO.sales)!;
  assert.is(sato.orgUnitName, '第1営業部');
  assert.equal(sato.roles, ['sales']);
  assert.is(sato.active, true);
  assert.not.ok(JSON.stringify(list.json()).includes('argon2'), 'no password hash in the read model');
  const admin_ = list.json<{ items: UserView[] }>().items.find((u) => u.email === DEMO.admin)!;
  assert.ok(admin_.lastSignInAt, 'sign-ins are recorded');
  assert.is(admin_.lastSignInVia, 'password');
});

test('a deactivated user is signed out at once and cannot sign in; reactivation lets them back', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'leaver@example.co.jp');
  const session = await login(sss, 'leaver@example.co.jp', PASSWORD);
  assert.is((await me(sss, session)).statusCode, 200);
  const deactivated = await as(sss, admin)({ method: 'POST', url: `/api/users/${id}/deactivate` });
  assert.is(deactivated.statusCode, 200, deactivated.body);
  assert.is((await me(sss, session)).statusCode, 401, 'the existing session stopped working');
  assert.is((await as(sss, session)({ method: 'GET', url: '/api/companies' })).statusCode, 401);
  const relogin = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'leaver@example.co.jp', password: PASSWORD } });
  assert.is(relogin.statusCode, 401);
  const detail = await as(sss, admin)({ method: 'GET', url: `/api/users/${id}`, headers: { 'x-sss-min-position': deactivated.json<{ position: string }>().position } });
  assert.is(detail.json<UserView>().active, false);
  assert.is((await as(sss, admin)({ method: 'POST', url: `/api/users/${id}/reactivate` })).statusCode, 200);
  assert.is((await me(sss, session)).statusCode, 401, 'an old session stays ended after reactivation');
  await login(sss, 'leaver@example.co.jp', PASSWORD);
});

test('a role change ends older sessions, so new roles apply from the next sign-in', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'promoted@example.co.jp');
  const before = await login(sss, 'promoted@example.co.jp', PASSWORD);
  assert.is((await as(sss, before)({ method: 'POST', url: '/api/companies/x/credit-limit', payload: { creditLimit: 1, reviewedOn: '2025-04-01' } })).statusCode, 403);
  const changed = await as(sss, admin)({ method: 'PUT', url: `/api/users/${id}/roles`, payload: { roles: ['sales', 'finance'] } });
  assert.is(changed.statusCode, 200, changed.body);
  assert.is((await me(sss, before)).statusCode, 401);
  const after = await login(sss, 'promoted@example.co.jp', PASSWORD);
  assert.equal((await me(sss, after)).json<{ roles: string[] }>().roles, ['sales', 'finance']);
});

test('password reset by an admin and one’s own change: rules apply, old sessions end, the changer keeps a fresh one', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'forgetful@example.co.jp');
  const weak = await as(sss, admin)({ method: 'POST', url: `/api/users/${id}/password-reset`, payload: { newPassword: 'short1' } });
  assert.is(weak.statusCode, 400);
  assert.ok(problem(weak.body).errors?.some((e) => e.field === 'newPassword'));
  const reset = await as(sss, admin)({ method: 'POST', url: `/api/users/${id}/password-reset`, payload: { newPassword: 'reset-pass-2025' } });
  assert.is(reset.statusCode, 200, reset.body);
  const session = await login(sss, 'forgetful@example.co.jp', 'reset-pass-2025');
  const other = await login(sss, 'forgetful@example.co.jp', 'reset-pass-2025');

  const wrong = await as(sss, session)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'nope-nope-1', newPassword: 'mine-pass-2025' } });
  assert.is(wrong.statusCode, 400);
  assert.ok(problem(wrong.body).errors?.some((e) => e.field === 'currentPassword'));
  const changed = await as(sss, session)({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'reset-pass-2025', newPassword: 'mine-pass-2025' } });
  assert.is(changed.statusCode, 200, changed.body);
  const fresh = Object.fromEntries(changed.cookies.map((c) => [c.name, c.value]));
  assert.is((await me(sss, fresh)).statusCode, 200, 'the browser that changed it stays signed in');
  assert.is((await me(sss, other)).statusCode, 401, 'other sessions end');
  await login(sss, 'forgetful@example.co.jp', 'mine-pass-2025');
});

test('bad input on every user command is a 4xx naming the field, and appends nothing', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'target@example.co.jp');
  const all = await as(sss, admin)({ method: 'GET', url: '/api/org-units?asOf=2025-04-01&activeOnly=false' });
  const dissolved = all.json<OrgTree>().units.find((u) => u.code === 'S200')!;
  const adminId = (await me(sss, admin)).json<{ id: string }>().id;
  const head = await sss.events.headPosition();
  const cases: Array<['PUT' | 'POST', string, unknown, number, string | null]> = [
    ['PUT', `/api/users/${id}/roles`, { roles: [] }, 400, 'roles'],
    ['PUT', `/api/users/${id}/roles`, { roles: ['king'] }, 400, 'roles.0'],
    ['PUT', `/api/users/${adminId}/roles`, { roles: ['sales'] }, 422, 'roles'],
    ['PUT', `/api/users/${id}/org-unit`, { orgUnitId: 'no-such-unit' }, 400, 'orgUnitId'],
    ['PUT', `/api/users/${id}/org-unit`, { orgUnitId: dissolved.id }, 400, 'orgUnitId'],
    ['PUT', `/api/users/${id}/org-unit`, {}, 400, 'orgUnitId'],
    ['POST', `/api/users/${id}/password-reset`, { newPassword: 'onlyletters' }, 400, 'newPassword'],
    ['POST', `/api/users/${id}/password-reset`, { newPassword: 'target-2025-pass' }, 400, 'newPassword'],
    ['POST', `/api/users/${adminId}/deactivate`, undefined, 422, null],
    ['POST', '/api/users/no-such-user/deactivate', undefined, 404, null],
    ['POST', '/api/users', { email: 'x@example.co.jp', name: 'x', roles: ['sales'], orgUnitId: 'no-such-unit', password: 'good-pass-2025' }, 400, 'orgUnitId'],
    ['POST', '/api/users', { email: 'y@example.co.jp', name: 'y', roles: ['sales', 'sales'], password: 'good-pass-2025' }, 400, 'roles'],
    ['POST', '/api/users', { email: 'z@example.co.jp', name: 'z', roles: ['sales', 'sales_admin', 'division_head', 'finance', 'auditor', 'admin', 'sales'], password: 'good-pass-2025' }, 400, 'roles'],
    ['POST', '/api/auth/password', { currentPassword: 'demo-pass-2025' }, 400, 'newPassword'],
  ];
  for (const [method, url, payload, status, field] of cases) {
    const response = await as(sss, admin)({ method, url, ...(payload ? { payload: payload as object } : {}) });
    assert.is(response.statusCode, status, `${url} ${JSON.stringify(payload)}: ${response.body}`);
    if (field) assert.ok(problem(response.body).errors?.some((e) => e.field === field), `expected ${field}: ${response.body}`);
  }
  assert.equal(await appendedByPeopleSince(sss, head), [], 'nothing appended');
});

test('the employee profile: the admin sets it, the users list and the staff picker carry it, the history says it in words; bad input appends nothing', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'staffer@example.co.jp');
  const other = await newUser(sss, admin, 'colleague@example.co.jp');
  const sales = await login(sss, DEMO.sales);
  const head = await sss.events.headPosition();
  const url = `/api/users/${id}/employee-profile`;
  const good = { employeeNo: 'E2040', classRank: 'S2', monthlyCost: 720_000 };
  const cases: Array<[string, unknown, number, string | null]> = [
    [url, { ...good, monthlyCost: -1 }, 400, 'monthlyCost'],
    [url, { ...good, monthlyCost: 1_000_000_000 }, 400, 'monthlyCost'],
    [url, { ...good, monthlyCost: '720000' }, 400, 'monthlyCost'],
    [url, { ...good, employeeNo: '' }, 400, 'employeeNo'],
    [url, { ...good, employeeNo: 'E 20' }, 400, 'employeeNo'],
    [url, { ...good, classRank: 'S\u202e2' }, 400, 'classRank'],
    [url, { ...good, classRank: 'x'.repeat(21) }, 400, 'classRank'],
    [url, { employeeNo: 'E2040', classRank: 'S2' }, 400, 'monthlyCost'],
    [url, { ...good, salary: 1 }, 400, 'salary'],
    ['/api/users/no-such-user/employee-profile', good, 404, null],
  ];
  for (const [path, payload, status, field] of cases) {
    const response = await as(sss, admin)({ method: 'PUT', url: path, payload: payload as object });
    assert.is(response.statusCode, status, `${JSON.stringify(payload)}: ${response.body}`);
    assert.is(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    if (field) assert.ok(problem(response.body).errors?.some((e) => e.field === field), `expected ${field}: ${response.body}`);
  }
  assert.is((await as(sss, sales)({ method: 'PUT', url, payload: good })).statusCode, 403, 'only the admin keeps the employee master');
  assert.equal(await appendedByPeopleSince(sss, head), [], 'nothing appended');

  const set = await as(sss, admin)({ method: 'PUT', url, payload: good });
  assert.is(set.statusCode, 200, set.body);
  // 社員番号 names one person: another user cannot take it, whatever its spelling's case
  const taken = await as(sss, admin)({ method: 'PUT', url: `/api/users/${other.id}/employee-profile`, payload: { ...good, employeeNo: 'e2040' } });
  assert.is(taken.statusCode, 409, taken.body);
  assert.ok(problem(taken.body).errors?.some((e) => e.field === 'employeeNo'));

  const position = set.json<{ position: string }>().position;
  const detail = (await as(sss, admin)({ method: 'GET', url: `/api/users/${id}`, headers: { 'x-sss-min-position': position } })).json<UserView>();
  assert.equal([detail.employeeNo, detail.classRank, detail.monthlyCost], ['E2040', 'S2', 720_000]);
  const auditor = await login(sss, DEMO.auditor);
  const seen = await as(sss, auditor)({ method: 'GET', url: '/api/users?q=E2040', headers: { 'x-sss-min-position': position } });
  assert.equal(seen.json<{ items: UserView[] }>().items.map((u) => u.email), ['staffer@example.co.jp'], 'the auditor finds the user by 社員番号');
  const staff = await as(sss, sales)({ method: 'GET', url: '/api/project-staff?q=e2040', headers: { 'x-sss-min-position': position } });
  assert.equal(staff.json<{ items: unknown[] }>().items, [{ id, name: 'テスト 花子', email: 'staffer@example.co.jp', employeeNo: 'E2040', classRank: 'S2', monthlyCost: 720_000 }]);
  // the demo admin (E0008) and auditor (E0102) have profiles too, yet are never offered as staff
  for (const number of ['E0008', 'E0102']) {
    const none = await as(sss, sales)({ method: 'GET', url: `/api/project-staff?q=${number}`, headers: { 'x-sss-min-position': position } });
    assert.equal(none.json<{ items: unknown[] }>().items, [], `${number} is not offered as staff`);
  }
  const sato = await as(sss, sales)({ method: 'GET', url: '/api/project-staff?q=E1024', headers: { 'x-sss-min-position': position } });
  assert.equal(sato.json<{ items: { name: string }[] }>().items.map((p) => p.name), ['佐藤 健一'], 'a demo salesperson is found by 社員番号');
  // a user without a profile reads as before: no profile fields, nothing invented
  const plain = (await as(sss, sales)({ method: 'GET', url: '/api/project-staff?q=colleague', headers: { 'x-sss-min-position': position } })).json<{ items: Record<string, unknown>[] }>().items;
  assert.equal(plain.map((p) => Object.keys(p).sort()), [['email', 'id', 'name']]);

  const history = (await as(sss, auditor)({ method: 'GET', url: `/api/users/${id}/history` })).body;
  assert.ok(history.includes('EmployeeProfileSet'), history);
});

test('a user history hides password hashes', async ({ sss, admin }) => {
  const { id } = await newUser(sss, admin, 'audited@example.co.jp');
  const history = await as(sss, admin)({ method: 'GET', url: `/api/users/${id}/history` });
  assert.is(history.statusCode, 200);
  assert.not.ok(history.body.includes('argon2'));
});

test.run();
