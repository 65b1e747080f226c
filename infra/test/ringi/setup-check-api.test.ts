import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CollaboflowCheck } from '@sss/contracts/ringi/setup-check';
import type { RingiWorld } from '../support/ringi.ts';
import { startRingiWorld, userIdOf } from '../support/ringi.ts';
import { as, DEMO, login } from '../support/sss.ts';

/**
 * Issue #18 item 2 on the admin screen: `GET /api/admin/collaboflow/check` reads the simulator's
 * routes and forms over HTTP and reports, per 稟議 type, what is missing — here a tenant whose forms
 * lack the 取引先 part — and which users who file or approve 稟議 have no CollaboFlow login.
 */
const test = suite<{ broken: RingiWorld }>('the CollaboFlow setup check for administrators');

test.before(async (context) => {
  context.broken = await startRingiWorld({ COLLABOFLOW_ADMIN_LOGIN: 'kato' }, { dropParts: ['fidCustomer'] });
});
test.after(async ({ broken }) => {
  await broken.stop();
});

const check = async (world: RingiWorld, recheck = false) => {
  const admin = await login(world.sss, DEMO.admin);
  const response = await as(world.sss, admin)({ method: 'GET', url: `/api/admin/collaboflow/check${recheck ? '?recheck=true' : ''}` });
  assert.is(response.statusCode, 200, response.body);
  return response.json<CollaboflowCheck>();
};

test('a form without a mapped part fails its type’s check, naming the part and what to fix', async ({ broken }) => {
  const report = await check(broken);
  assert.ok(report.configured);
  assert.is(report.ok, false);
  const row = (id: string) => report.checks.find((c) => c.id === id)!;
  assert.ok(row('connection').ok, row('connection').message);
  const estimate = row('kind:estimate');
  assert.is(estimate.ok, false);
  assert.match(estimate.name, /見積稟議/);
  assert.match(estimate.message, /起票しません/);
  assert.ok(estimate.fixes.some((f) => f.includes('fidCustomer') && f.includes('パーツがありません')), estimate.fixes.join('\n'));
  assert.ok(report.webhookSettings.every((w) => w.includes('/api/webhooks/collaboflow')));
});

test('active users who file or approve 稟議 without a CollaboFlow login are listed until one is set', async ({ broken }) => {
  const before = await check(broken);
  const emails = before.unmappedUsers.map((u) => u.email).sort();
  assert.equal(emails, [DEMO.admin, DEMO.sales, DEMO.salesAdmin, DEMO.divisionHead].sort(), 'finance and the auditor neither file nor approve');
  const logins = before.checks.find((c) => c.id === 'user-logins')!;
  assert.is(logins.ok, false);
  assert.match(logins.message, /4人/);

  const admin = await login(broken.sss, DEMO.admin);
  const sato = await userIdOf(broken.sss, DEMO.sales);
  const { revision } = (await as(broken.sss, admin)({ method: 'GET', url: `/api/users/${sato}` })).json<{ revision: string }>();
  const set = await as(broken.sss, admin)({ method: 'PUT', url: `/api/users/${sato}/workflow-login`, headers: { 'if-match': `"${revision}"` }, payload: { workflowLogin: 'sato' } });
  assert.is(set.statusCode, 200, set.body);
  const position = set.json<{ position: string }>().position;
  await as(broken.sss, admin)({ method: 'GET', url: '/api/users', headers: { 'x-sss-min-position': position } });
  const after = await check(broken, true);
  assert.not.ok(after.unmappedUsers.some((u) => u.email === DEMO.sales));
  assert.is(after.unmappedUsers.length, 3);
});

test('only administrators may run the check', async ({ broken }) => {
  const sales = await login(broken.sss, DEMO.salesAdmin);
  const response = await as(broken.sss, sales)({ method: 'GET', url: '/api/admin/collaboflow/check' });
  assert.is(response.statusCode, 403);
  assert.match(String(response.headers['content-type']), /problem\+json/);
});

test.run();
