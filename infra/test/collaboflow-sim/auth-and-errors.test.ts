import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SEED_PASSWORD } from '../../src/collaboflow-sim/index.ts';
import { ESTIMATE, startTestSim, type TestSim } from './helpers.ts';

let sim: TestSim;
test.before(async () => {
  sim = await startTestSim();
});
test.after(async () => {
  await sim.stop();
});

const raw = (path: string, headers: Record<string, string> = {}) => fetch(`${sim.apiBase}/v1${path}`, { headers });
const basic = (s: string) => `Basic ${Buffer.from(s, 'utf8').toString('base64')}`;
const unknownUser = { error: true, messages: ['不明なユーザーによるアクセスです。'] };

test('no credentials: 401 with the standard error body', async () => {
  const res = await raw('/mydrafts?app_cd=1');
  assert.is(res.status, 401);
  assert.equal(await res.json(), unknownUser);
});

test('a wrong API key, an unknown login or a wrong password are all 401', async () => {
  for (const credentials of ['yamada/apikey:wrong', 'nobody/apikey:test-api-key', 'yamada:wrong', 'garbage']) {
    const res = await raw('/mydrafts?app_cd=1', { 'x-collaboflow-authorization': basic(credentials) });
    assert.is(res.status, 401, credentials);
    assert.equal(await res.json(), unknownUser);
  }
});

test('the standard Authorization header is not what the product reads', async () => {
  const res = await raw('/mydrafts?app_cd=1', { authorization: basic('yamada/apikey:test-api-key') });
  assert.is(res.status, 401);
});

test('both the API-key form and the password form authenticate', async () => {
  const byKey = await raw('/mydrafts?app_cd=1', { 'x-collaboflow-authorization': basic('yamada/apikey:test-api-key') });
  const byPassword = await raw('/mydrafts?app_cd=1', { 'x-collaboflow-authorization': basic(`yamada:${SEED_PASSWORD}`) });
  assert.is(byKey.status, 200);
  assert.is(byPassword.status, 200);
  assert.is(((await byKey.json()) as { error: boolean }).error, false);
});

test('an unknown path under the API root is 400 "Unkown API", as upstream spells it', async () => {
  const res = await sim.api('yamada', 'GET', '/no/such/thing');
  assert.is(res.status, 400);
  assert.equal(res.body, { error: true, messages: ['Unkown API'] });
});

test('a missing document is 404 with the product error code; a malformed id is 400', async () => {
  const missing = await sim.api('yamada', 'GET', '/documents/999999');
  assert.is(missing.status, 404);
  assert.equal(missing.body.messages, ['文書が見つかりませんでした。', 'ErrorCode:CLZ20202']);
  const malformed = await sim.api('yamada', 'GET', '/documents/abc');
  assert.is(malformed.status, 400);
  assert.equal(malformed.body.messages, ['文書IDが不正です。']);
});

test('app_cd is checked', async () => {
  const res = await sim.api('yamada', 'GET', '/mydrafts?app_cd=2');
  assert.is(res.status, 400);
  const post = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, document: {} });
  assert.is(post.status, 400);
});

test('an invalid route or unknown part is 400 and files nothing', async () => {
  const before = (await sim.admin('GET', '/state')).body.documents as unknown[];
  const badRoute = await sim.api('yamada', 'POST', '/documents', { processes_id: 9999, app_cd: 1, document: {} });
  assert.is(badRoute.status, 400);
  const badPart = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: { fidNope: 'x' } });
  assert.is(badPart.status, 400);
  assert.equal(badPart.body.error, true);
  const after = (await sim.admin('GET', '/state')).body.documents as unknown[];
  assert.is(after.length, before.length);
});

test('malformed JSON is answered 500 with the error body, as the product does', async () => {
  const res = await fetch(`${sim.apiBase}/v1/documents`, {
    method: 'POST',
    headers: { 'x-collaboflow-authorization': basic('yamada/apikey:test-api-key'), 'content-type': 'application/json' },
    body: '{not json',
  });
  assert.is(res.status, 500);
  assert.is(((await res.json()) as { error: boolean }).error, true);
});

test.run();
