import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ROLES, type Role } from '@sss/contracts/http/auth';
import { ROUTE_ACCESS, type Access } from '@sss/contracts/http/authorization';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';

/**
 * The authorization table, route by route and role by role: a role the table allows is never
 * refused with 401/403, a role it does not allow always is, and no session gets 401 except on
 * public routes. Every registered route must be in the table (startup refuses otherwise), and
 * every entry of the table must be a real route.
 */
const test = suite<{ sss: RunningSss; sessions: Map<Role, Session> }>('authorization table');

const LOGIN_OF: Record<Role, string> = {
  sales: DEMO.sales, sales_admin: DEMO.salesAdmin, division_head: DEMO.divisionHead, finance: DEMO.finance, auditor: DEMO.auditor, admin: DEMO.admin,
};

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sessions = new Map();
  for (const role of ROLES) context.sessions.set(role, await login(context.sss, LOGIN_OF[role]));
});
test.after(async ({ sss }) => sss.stop());

const allows = (access: Access, role: Role) => access === 'public' || access === 'authenticated' || access.includes(role);

test('every table entry is a registered route', async ({ sss }) => {
  for (const entry of Object.keys(ROUTE_ACCESS)) {
    const [method, url] = entry.split(' ') as [string, string];
    assert.ok(sss.app.hasRoute({ method: method as 'GET', url }), `${entry} is in the table but not registered`);
  }
});

test('each route admits exactly the roles the table names', async ({ sss, sessions }) => {
  for (const [entry, access] of Object.entries(ROUTE_ACCESS)) {
    const [method, pattern] = entry.split(' ') as ['GET' | 'POST' | 'PUT', string];
    if (pattern === '/api/auth/logout' || pattern === '/api/auth/sessions/end-all') continue; // checked below: they would end the session under test
    const url = pattern.replace(/:(\w+)/g, 'no-such-$1');
    const payload = method === 'GET' ? undefined : {};
    const anonymous = await as(sss, null)({ method, url, ...(payload ? { payload } : {}) });
    if (access === 'public') assert.is.not(anonymous.statusCode, 401, `${entry} is public`);
    else assert.is(anonymous.statusCode, 401, `${entry} without a session`);
    for (const role of ROLES) {
      const response = await as(sss, sessions.get(role)!)({ method, url, ...(payload ? { payload } : {}) });
      if (allows(access, role)) assert.ok(![401, 403].includes(response.statusCode), `${entry} must admit ${role}, got ${response.statusCode} ${response.body}`);
      else assert.is(response.statusCode, 403, `${entry} must refuse ${role}`);
    }
  }
});

/**
 * The auditor reads everything and writes nothing (issue 12): every GET route, also as of a past
 * moment, and no command, except what concerns the auditor's own session and the ledger check,
 * which records its outcome but changes no business record.
 */
const AUDITOR_MAY_POST = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/sessions/end-all', 'POST /api/auth/password', 'POST /api/audit/verifications', 'POST /api/webhooks/collaboflow']);

test('the auditor reads every GET route, as of a moment too, and is refused every command', async ({ sss, sessions }) => {
  const auditor = as(sss, sessions.get('auditor')!);
  for (const [entry, access] of Object.entries(ROUTE_ACCESS)) {
    const [method, pattern] = entry.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
    const url = pattern.replace(/:(\w+)/g, 'no-such-$1');
    if (method === 'GET') {
      assert.ok(allows(access, 'auditor'), `${entry}: the table must admit the auditor`);
      for (const asOf of ['', '?asOf=1', `?asOf=${encodeURIComponent('2026-03-31T23:59:00+09:00')}`]) {
        const response = await auditor({ method, url: `${url}${asOf}` });
        assert.ok(![401, 403].includes(response.statusCode), `${entry}${asOf} must admit the auditor, got ${response.statusCode}`);
      }
    } else if (!AUDITOR_MAY_POST.has(entry)) {
      assert.not.ok(allows(access, 'auditor'), `${entry}: the table must not admit the auditor`);
      const response = await auditor({ method, url, payload: {} });
      assert.is(response.statusCode, 403, `${entry} must refuse the auditor`);
    }
  }
});

test('a deactivated user\'s session is refused on every route that is not public', async ({ sss, sessions }) => {
  const admin = as(sss, sessions.get('admin')!);
  const created = await admin({ method: 'POST', url: '/api/users', payload: { email: 'all-roles@example.co.jp', name: '全権 一郎', roles: [...ROLES], password: 'every-role-2025' } });
  assert.is(created.statusCode, 201, created.body);
  const session = await login(sss, 'all-roles@example.co.jp', 'every-role-2025');
  assert.is((await as(sss, session)({ method: 'GET', url: '/api/auth/me' })).statusCode, 200);
  assert.is((await admin({ method: 'POST', url: `/api/users/${created.json<{ id: string }>().id}/deactivate` })).statusCode, 200);
  for (const [entry, access] of Object.entries(ROUTE_ACCESS)) {
    if (access === 'public') continue;
    const [method, pattern] = entry.split(' ') as ['GET' | 'POST' | 'PUT', string];
    const response = await as(sss, session)({ method, url: pattern.replace(/:(\w+)/g, 'no-such-$1'), ...(method === 'GET' ? {} : { payload: {} }) });
    assert.is(response.statusCode, 401, `${entry} must refuse a deactivated user's session`);
  }
});

// Last: signing out everywhere also ends the sessions the tests above share.
test('logout and signing out everywhere need a session, and any signed-in role may do both', async ({ sss }) => {
  for (const url of ['/api/auth/logout', '/api/auth/sessions/end-all']) {
    assert.is((await as(sss, null)({ method: 'POST', url })).statusCode, 401, url);
    for (const role of ROLES) {
      const own = await login(sss, LOGIN_OF[role]);
      assert.is((await as(sss, own)({ method: 'POST', url })).statusCode, 204, `${url} for ${role}`);
    }
  }
});

test.run();
