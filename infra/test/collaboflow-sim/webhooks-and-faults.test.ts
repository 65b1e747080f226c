import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { ESTIMATE, estimateValues, startReceiver, startTestSim, type Receiver, type TestSim } from './helpers.ts';

let sim: TestSim;
let receiver: Receiver;
test.before(async () => {
  sim = await startTestSim();
  receiver = await startReceiver();
  assert.is((await sim.admin('PATCH', `/routes/${ESTIMATE}`, { webhooks: [receiver.url] })).status, 200);
});
test.after(async () => {
  await sim.stop();
  await receiver.close();
});
test.before.each(async () => {
  receiver.received.length = 0;
  await sim.admin('DELETE', '/faults');
});

const put = (as: string, id: number, body: Record<string, unknown>) => sim.api(as, 'PUT', `/documents/${id}`, body);
const kinds = (hooks: Record<string, unknown>[]) => hooks.map((h) => `${h.action_type}/${h.flow_status}`);

test('request, accept and the final decision each notify, with the route-webhook payload', async () => {
  const id = await sim.fileEstimate();
  await put('takahashi', id, { action: 'accept', comment: 'OK' });
  await put('watanabe', id, { action: 'accept' });
  const hooks = await receiver.waitFor(4);
  assert.equal(kinds(hooks), ['request/flow', 'accept/flow', 'accept/decision', 'end/decision']);
  const [requested, , , end] = hooks as Record<string, unknown>[];
  assert.is(requested?.process_id, ESTIMATE); // `process_id` in webhooks, `processes_id` in REST
  assert.is(requested?.document_id, id);
  assert.match(String(requested?.document_number), /^RINGI\d{4}-\d{6}$/);
  assert.is(requested?.app_cd, 1);
  assert.equal((requested?.request_user as { loginid: string }).loginid, 'yamada');
  assert.equal((requested?.request_group as { code: string }).code, 'EIGYO1');
  assert.equal(
    (requested?.determs as { determ_user: { name: string }; determ_status: string }[]).map((d) => [d.determ_user.name, d.determ_status]),
    [['高橋 健一', 'undeterm']],
  );
  assert.is((requested?.contents as Record<string, { value: string }>).fidProjectNo?.value, 'P-2026-0042');
  assert.is(requested?.end_date, '');
  assert.match(String(end?.end_date), /Z$/);
  assert.is(new Set(hooks.map((h) => h.id)).size, 4); // every notification has its own id
});

test('remand, rerequest, reject and takeback notify; reject and takeback also end the route', async () => {
  const a = await sim.fileEstimate();
  await put('takahashi', a, { action: 'remand', comment: '見直し', phase_number: 0 });
  await put('yamada', a, { action: 'rerequest' });
  await put('takahashi', a, { action: 'reject', comment: '却下' });
  const b = await sim.fileEstimate();
  await put('yamada', b, { action: 'takeback', comment: '取り下げ' });
  const hooks = await receiver.waitFor(8);
  assert.equal(kinds(hooks), ['request/flow', 'remand/remand', 'request/flow', 'reject/reject', 'end/reject', 'request/flow', 'takeback/takeback', 'end/takeback']);
});

test('a draft notifies nobody until it is requested', async () => {
  const created = await sim.api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: estimateValues });
  await sim.admin('GET', '/webhooks'); // answers once every queued delivery was attempted
  assert.is(receiver.received.length, 0);
  await put('yamada', Number(created.body.document_id), { action: 'request' });
  assert.equal(kinds(await receiver.waitFor(1)), ['request/flow']);
});

test('faults: dropped, duplicated and reordered webhooks', async () => {
  await sim.admin('PUT', '/faults', { webhooks: { drop: 1, duplicate: 1 } });
  const id = await sim.fileEstimate(); // request: dropped
  await put('takahashi', id, { action: 'accept' }); // accept: sent twice
  const hooks = await receiver.waitFor(2);
  assert.equal(kinds(hooks), ['accept/flow', 'accept/flow']);
  assert.is(hooks[0]?.id, hooks[1]?.id); // a duplicate is the same notification
  const log = (await sim.admin('GET', '/webhooks')).body.deliveries as { outcome: string; actionType: string }[];
  assert.ok(log.some((d) => d.outcome === 'dropped' && d.actionType === 'request'));

  receiver.received.length = 0;
  await sim.admin('PUT', '/faults', { webhooks: { reorder: 2 } });
  await put('watanabe', id, { action: 'accept' }); // accept/decision then end/decision, held and reversed
  assert.equal(kinds(await receiver.waitFor(2)), ['end/decision', 'accept/decision']);
});

test('faults: a given number of 5xx answers, then normal service', async () => {
  await sim.admin('PUT', '/faults', { http: [{ method: 'GET', path: '/mydrafts', times: 2, status: 503 }] });
  const first = await sim.api('yamada', 'GET', '/mydrafts');
  assert.is(first.status, 503);
  assert.is(first.body.error, true);
  assert.is((await sim.api('yamada', 'GET', '/mydrafts')).status, 503);
  assert.is((await sim.api('yamada', 'GET', '/mydrafts')).status, 200);
  assert.equal((await sim.admin('GET', '/faults')).body.http, []);
});

test('faults: an answer delayed after the work was done (the ambiguous failure)', async () => {
  await sim.admin('PUT', '/faults', { http: [{ method: 'POST', path: '/documents', times: 1, delayMs: 1500, when: 'after' }] });
  const count = async () => ((await sim.admin('GET', '/state')).body.documents as unknown[]).length;
  const before = await count();
  let answered = false;
  const attempt = sim
    .api('yamada', 'POST', '/documents', { processes_id: ESTIMATE, app_cd: 1, action: 'draft', document: {} })
    .finally(() => (answered = true));
  await waitUntil('the simulator to store the draft before it answers', async () => (await count()) !== before);
  assert.is(answered, false); // the draft exists while its answer is still on the way
  assert.is((await attempt).status, 201);
  assert.is(await count(), before + 1);
});

test('faults: `/_sim/faults` addresses the first instance', async () => {
  const set = await fetch(`${sim.url}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ http: [{ status: 500 }] }) });
  assert.is(set.status, 200);
  assert.is((await sim.api('yamada', 'GET', '/mydrafts')).status, 500);
  assert.is((await sim.api('yamada', 'GET', '/mydrafts')).status, 200);
});

test('faults: latency on every answer, and bad fault specs are refused', async () => {
  await sim.admin('PUT', '/faults', { latencyMs: 120 });
  const started = Date.now();
  await sim.api('yamada', 'GET', '/mydrafts');
  assert.ok(Date.now() - started >= 100);
  assert.is((await sim.admin('PUT', '/faults', { http: [{ status: 200 }] })).status, 400);
  assert.is((await sim.admin('PUT', '/faults', { latencyMs: -1 })).status, 400);
});

test.run();
