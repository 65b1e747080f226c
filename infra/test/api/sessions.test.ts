import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';
import { buildHttpApp, type HttpApp } from '../../src/main/http-app.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';

/**
 * Issue #11 item 6 and #14 item 3: sessions are recorded server-side, so logout, "sign out
 * everywhere" and idleness end them for good, on every API instance; lockout is per account with a
 * much higher per-address limit, and says when to retry. The clock is real time plus an offset the
 * tests move, so idleness and lock expiry need no waiting.
 */
const test = suite<{ sss: RunningSss; other: HttpApp }>('sessions and lockout');

const SECRET = 'sessions-test-secret-'.padEnd(40, 'x');
let offsetMs = 0;
const MINUTE = 60_000;

test.before(async (context) => {
  context.sss = await startTestSss({ SESSION_SECRET: SECRET }, { clock: () => new Date(Date.now() + offsetMs) });
  // A second API instance over the same store, as a scaled-out deployment runs it.
  context.other = await buildHttpApp({ events: context.sss.events, sessionSecret: SECRET, logLevel: 'silent' });
});
test.after(async ({ sss, other }) => {
  await other.close();
  await sss.stop();
});
test.before.each(() => {
  offsetMs = 0;
});

const cookiesOf = (response: LightMyRequestResponse): Session => Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
const me = (sss: RunningSss, session: Session) => as(sss, session)({ method: 'GET', url: '/api/auth/me' });
const meOn = (app: HttpApp, session: Session) => app.inject({ method: 'GET', url: '/api/auth/me', cookies: session });
const post = (app: HttpApp, url: string, session: Session) => app.inject({ method: 'POST', url, cookies: session, headers: { 'content-type': 'application/json' } });
const signIn = (sss: RunningSss, email: string, password: string, address: string) =>
  sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: address });

function assertUnauthenticated(response: LightMyRequestResponse, why: string) {
  assert.is(response.statusCode, 401, `${why}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /application\/problem\+json/);
  assert.is(response.json<{ code: string }>().code, 'unauthenticated');
}

test('a cookie replayed after logout is refused', async ({ sss }) => {
  const session = await login(sss, DEMO.sales);
  assert.is((await me(sss, session)).statusCode, 200);
  const logout = await as(sss, session)({ method: 'POST', url: '/api/auth/logout' });
  assert.is(logout.statusCode, 204, logout.body);
  assertUnauthenticated(await me(sss, session), 'the copied cookie after logout');
  assert.is((await me(sss, await login(sss, DEMO.sales))).statusCode, 200, 'signing in again works');
});

test('a logout on one instance is refused by another within a second', async ({ sss, other }) => {
  const session = await login(sss, DEMO.salesAdmin);
  assert.is((await meOn(other, session)).statusCode, 200, 'the other instance accepts the session (and now has it cached)');
  assert.is((await post(sss.app, '/api/auth/logout', session)).statusCode, 204);
  await waitUntil('the other instance to refuse the ended session', async () => (await meOn(other, session)).statusCode === 401, { timeoutMs: 1_000 });
});

test('sign out everywhere ends the sessions of every browser, on every instance', async ({ sss, other }) => {
  const laptop = await login(sss, DEMO.finance);
  const phone = await login(sss, DEMO.finance);
  const colleague = await login(sss, DEMO.auditor);
  assert.is((await meOn(other, phone)).statusCode, 200);
  const ended = await post(other, '/api/auth/sessions/end-all', laptop);
  assert.is(ended.statusCode, 204, ended.body);
  assertUnauthenticated(await me(sss, phone), 'another browser of the same person');
  assertUnauthenticated(await me(sss, laptop), 'the browser that asked');
  await waitUntil('the other instance to refuse the phone', async () => (await meOn(other, phone)).statusCode === 401, { timeoutMs: 1_000 });
  assert.is((await me(sss, colleague)).statusCode, 200, 'other people keep theirs');
  assert.is((await me(sss, await login(sss, DEMO.finance))).statusCode, 200, 'a new sign-in works');
});

test('an idle session is refused; using it slides the idle time', async ({ sss }) => {
  const first = await login(sss, DEMO.divisionHead);
  offsetMs = 20 * MINUTE;
  const used = await me(sss, first);
  assert.is(used.statusCode, 200);
  const slid = cookiesOf(used);
  assert.ok(slid.sss_session, 'the cookie is re-issued with a fresh last-use time');
  const again = await me(sss, slid);
  assert.is(again.cookies.length, 0, 'not re-issued again within the minute');
  offsetMs = 40 * MINUTE;
  assertUnauthenticated(await me(sss, first), 'unused for 40 minutes');
  assert.is((await me(sss, slid)).statusCode, 200, 'used 20 minutes ago');
  offsetMs = 71 * MINUTE;
  assertUnauthenticated(await me(sss, slid), 'unused for 51 minutes');
});

test('five failures lock the account, not the address; the 429 says when to retry, the same for any password', async ({ sss }) => {
  const office = '10.0.0.7';
  for (let i = 0; i < 5; i++) assert.is((await signIn(sss, DEMO.admin, `wrong-${i}`, office)).statusCode, 401);
  offsetMs = 5 * MINUTE;
  const right = await signIn(sss, DEMO.admin, DEMO_PASSWORD, office);
  const wrong = await signIn(sss, DEMO.admin, 'wrong-again', office);
  for (const locked of [right, wrong]) {
    assert.is(locked.statusCode, 429, locked.body);
    assert.is(locked.headers['retry-after'], '600', 'ten of the fifteen minutes are left');
    const problem = locked.json<{ code: string; detail: string; retryAfterSeconds: number }>();
    assert.is(problem.code, 'too_many_attempts');
    assert.is(problem.retryAfterSeconds, 600);
    assert.match(problem.detail, /約10分後/);
  }
  assert.equal(right.json(), wrong.json(), 'a locked account does not tell a right password from a wrong one');
  assert.is((await signIn(sss, DEMO.sales, DEMO_PASSWORD, office)).statusCode, 200, 'a colleague behind the same address still signs in');
  assert.is((await signIn(sss, DEMO.admin, DEMO_PASSWORD, '10.0.0.8')).statusCode, 429, 'the account is locked from anywhere');
  offsetMs = 15 * MINUTE;
  assert.is((await signIn(sss, DEMO.admin, DEMO_PASSWORD, office)).statusCode, 200, 'open again after fifteen minutes');
});

test('one address is locked after fifty failures across accounts', async ({ sss }) => {
  const guesser = '10.0.9.9';
  for (let i = 0; i < 49; i++) assert.is((await signIn(sss, `nobody-${i}@example.co.jp`, 'guess-2025', guesser)).statusCode, 401);
  assert.is((await signIn(sss, DEMO.auditor, DEMO_PASSWORD, guesser)).statusCode, 200, 'below the address limit');
  assert.is((await signIn(sss, 'nobody-49@example.co.jp', 'guess-2025', guesser)).statusCode, 401);
  const locked = await signIn(sss, DEMO.auditor, DEMO_PASSWORD, guesser);
  assert.is(locked.statusCode, 429, locked.body);
  assert.is(locked.headers['retry-after'], '900');
  assert.is((await signIn(sss, DEMO.auditor, DEMO_PASSWORD, '10.0.9.10')).statusCode, 200, 'the account itself is not locked');
});

test.run();
