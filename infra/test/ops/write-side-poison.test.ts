import { mkdtempSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import type { Role } from '@sss/contracts/http/auth';
import type { SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { decorate } from '@sss/contracts/ports/decorate';
import { streams } from '@sss/contracts/streams/names';
import { COMPANY_TOPIC } from '@sss/contracts/integration/company-v1';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { recordSignIn } from '@sss/write-side/auth/sign-in-record';
import { createKafkaBus } from '@sss/write-side/bus/kafka-bus';
import { createParkingLots, type ParkingLots } from '@sss/write-side/ops/parking-lot';
import { parkedConsumer } from '@sss/write-side/ops/parked-consumer';
import { startSalesPolicies } from '@sss/write-side/sales/policies';
import { startForwarder, type RunningForwarder } from '@sss/write-side/integration/forwarder';
import { toIntegrationMessage } from '@sss/write-side/integration/mapping';
import { startCompanyCopyConsumer } from '@sss/write-side/partner/company-copy-consumer';
import { startRingiProcessManager, type RunningRingiProcessManager } from '@sss/write-side/ringi/process-manager';
import { FakeWorkflow } from '../../../write-side/test/ringi/fake-workflow.ts';
import { buildHttpApp, type HttpApp } from '../../src/main/http-app.ts';
import { createSubscriberRegistry } from '../../src/subscribers/registry.ts';
import { createMetrics } from '../../src/observability/prometheus.ts';

/**
 * The write side's poison rule (#15 item 2): a policy, the forwarder, a Kafka consumer and the 稟議
 * process manager each park an event (message) they fail on three times in a row, go on with the
 * next, show it in the console's API, and let an admin skip it or — once the cause is fixed — retry
 * it, which applies it exactly once; both are recorded with who and why. Real SQLite store and Kafka;
 * each subscriber's failure is injected in this composition (a refused append, a failing mapping, a
 * message out of order, a login that cannot be found), since the shipped handlers have no known poison.
 */
const brokers = process.env.KAFKA_BROKERS ?? '';

interface Context {
  events: EventStore;
  lots: ParkingLots;
  bus: MessageBus;
  app: HttpApp;
  stoppers: Array<() => Promise<void>>;
  forwarder: RunningForwarder;
  consumer: RunningConsumer;
  ringi: RunningRingiProcessManager;
  admin: Record<string, string>;
  group: string;
}
const test = suite<Context>('write-side subscribers park poison events');

/** What is broken now (the forwarder's by `<stream>#<type>`); each test fixes its own. */
const broken = { policyStream: '', forwarderStream: new Set<string>(), ringiEmail: new Set<string>() };
const meta = { actor: 'system:write-poison-test', correlationId: 'write-poison-test' };
const run = randomUUID().slice(0, 8);

test.before(async (context) => {
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run through `npm run test:only -- write-side-poison`, which starts Kafka.');
  const dir = mkdtempSync(join(tmpdir(), 'sss-write-poison-'));
  const store = openSqliteEventStore(join(dir, 'events.db'));
  context.events = store;
  context.stoppers = [];
  context.lots = createParkingLots({ events: store });
  const subscribers = createSubscriberRegistry({ events: store });
  // The policy's command is refused by the store for one stream while that stream is "broken".
  const refusing = decorate<EventStore>(store, {
    append: (stream, events, expected) => (stream === broken.policyStream ? Promise.reject(new Error(`append to ${stream} refused`)) : store.append(stream, events, expected)),
  });
  const policies = startSalesPolicies({ events: refusing, subscribers, parking: context.lots });
  context.stoppers.push(() => policies.stop());

  const kafka = await createKafkaBus({ brokers: brokers.split(','), clientId: `write-poison-${run}` });
  context.bus = kafka;
  await kafka.ensureTopics([COMPANY_TOPIC, `${COMPANY_TOPIC}.dead-letter`]);
  // The same wiring as integration/runtime.ts, with a consumer group of this run's own.
  context.group = `sss.test.write-poison-${run}`;
  const parkingBus = decorate<MessageBus>(kafka, { consume: (consumer) => kafka.consume(parkedConsumer(consumer, context.lots)) });
  context.consumer = await startCompanyCopyConsumer({ events: store, bus: parkingBus, groupId: context.group });
  context.forwarder = await startForwarder({
    events: store,
    bus: kafka,
    parking: context.lots,
    toMessage: (event) => {
      if (broken.forwarderStream.has(`${event.streamName}#${event.type}`)) throw new Error(`cannot map ${event.type} of ${event.streamName}`);
      return toIntegrationMessage(event);
    },
  });
  context.ringi = await startRingiProcessManager({
    events: store,
    workflow: new FakeWorkflow(),
    routes: { estimate: 101, proposal: 102, order: 103, early_start: 104, sales_check: 105 },
    loginOf: (email) => {
      if (broken.ringiEmail.has(email)) throw new Error(`no CollaboFlow login for ${email}`);
      return email.split('@')[0]!;
    },
    parking: context.lots,
    subscribers,
    timers: { tickMs: 3_600_000 },
  });
  context.app = await buildHttpApp({ events: store, subscribers, parking: context.lots, metrics: createMetrics(() => subscribers.status()), sessionSecret: 'write-poison-secret', logLevel: 'silent' });
  context.admin = await sessionOf(context, 'admin-1', ['admin']);
});

test.after(async (context) => {
  await context.app.close();
  await context.ringi.stop();
  await context.forwarder.stop();
  await context.consumer.stop();
  for (const stop of context.stoppers) await stop();
  await context.bus.close();
  await context.events.close();
});

async function sessionOf(context: Context, id: string, roles: Role[]) {
  await context.events.append(streams.user(id), [{ type: 'UserRegistered', data: { email: `${id}@example.co.jp`, name: id, roles }, metadata: meta }], 'any');
  const sid = await recordSignIn(context.events, id, 'password', '127.0.0.1');
  const claims = { sub: id, name: id, email: `${id}@example.co.jp`, roles, exp: Date.now() + 3_600_000, iat: Date.now() + 1000, sid, seen: Date.now() };
  return { sss_session: context.app.signCookie(JSON.stringify(claims)) };
}

const writeConsole = async ({ app, admin }: Context) => {
  const response = await app.inject({ method: 'GET', url: '/api/admin/write-subscribers', cookies: admin });
  assert.is(response.statusCode, 200, response.body);
  return response.json<SubscribersView>();
};
const parkedFor = async (context: Context, subscriber: string, streamName?: string) =>
  (await writeConsole(context)).parked.filter((p) => p.subscriber === subscriber && (streamName === undefined || p.streamName === streamName));
const awaitParked = (context: Context, subscriber: string, streamName: string) =>
  waitUntil(`${subscriber} to park the event of ${streamName}`, async () => (await parkedFor(context, subscriber, streamName))[0], { timeoutMs: 30_000 });
const settle = (context: Context, action: 'retry' | 'skip', subscriber: string, eventId: string, reason: string) =>
  context.app.inject({ method: 'POST', url: `/api/admin/subscribers/${encodeURIComponent(subscriber)}/parked/${eventId}/${action}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ reason }), cookies: context.admin });
const typesIn = async (events: EventStore, stream: string) => (await events.readStream(stream)).map((e) => e.type);

/** The last record of a subscriber's dead-letter stream says who settled which event, how and why. */
async function assertSettled(context: Context, subscriber: string, eventId: string, type: 'ParkedEventRetried' | 'ParkedEventSkipped', reason: string) {
  const record = (await context.events.readStream(streams.parked(subscriber))).filter((e) => (e.data as { eventId: string }).eventId === eventId);
  assert.equal(record.map((e) => e.type), ['SubscriberEventParked', type]);
  const data = record[1]!.data as { by: string; reason: string };
  assert.is(data.by, 'admin-1');
  assert.is(data.reason, reason);
  assert.is(record[1]!.metadata.actor, 'admin-1');
}

const plan = (projectId: string) => ({
  type: 'SalesPlanDerived',
  data: { orderId: `o-${projectId}`, projectId, projectNumber: `P-${projectId}`, months: [{ month: '2026-04', revenue: 1000, cost: 600 }], totalRevenue: 1000, totalCost: 600, orderAmount: 1000, differenceFromOrderAmount: 0 },
  metadata: meta,
});

test('a policy parks the event its command keeps failing on, goes on, and applies it once when retried after the fix', async (context) => {
  const [bad, good, skipped] = [`pp-${run}-1`, `pp-${run}-2`, `pp-${run}-3`];
  broken.policyStream = streams.monthlySales(bad, '2026-04');
  await context.events.append(streams.order(`o-${bad}`), [plan(bad)], 'any');
  await context.events.append(streams.order(`o-${good}`), [plan(good)], 'any');
  const parked = await awaitParked(context, 'policy:sales-plan', streams.order(`o-${bad}`));
  assert.is(parked.attempts, 3);
  assert.is(parked.eventType, 'SalesPlanDerived');
  assert.match(parked.error, /refused/);
  await waitUntil('the event after the poison one to be applied', async () => (await typesIn(context.events, streams.monthlySales(good, '2026-04'))).includes('MonthlyPlanSet'));
  assert.equal(await typesIn(context.events, streams.monthlySales(bad, '2026-04')), []);
  // The whole console (and the process's metrics and readiness) count it too.
  const all = (await context.app.inject({ method: 'GET', url: '/api/admin/subscribers', cookies: context.admin })).json<SubscribersView>();
  assert.ok(all.parked.some((p) => p.eventId === parked.eventId));
  const metrics = await context.app.inject({ method: 'GET', url: '/metrics', cookies: context.admin });
  assert.match(metrics.body, /sss_subscriber_parked\{subscriber="policy:sales-plan"\} 1/);

  const still = await settle(context, 'retry', 'policy:sales-plan', parked.eventId, '再試行');
  assert.is(still.statusCode, 422, still.body);
  assert.match(still.json<{ detail: string }>().detail, /refused/);
  broken.policyStream = '';
  const retried = await settle(context, 'retry', 'policy:sales-plan', parked.eventId, 'ストアの設定を直したため');
  assert.is(retried.statusCode, 200, retried.body);
  assert.equal(await typesIn(context.events, streams.monthlySales(bad, '2026-04')), ['MonthlyPlanSet']);
  await assertSettled(context, 'policy:sales-plan', parked.eventId, 'ParkedEventRetried', 'ストアの設定を直したため');
  assert.is((await settle(context, 'retry', 'policy:sales-plan', parked.eventId, 'もう一度')).statusCode, 404);
  assert.equal(await typesIn(context.events, streams.monthlySales(bad, '2026-04')), ['MonthlyPlanSet'], 'applied exactly once');

  broken.policyStream = streams.monthlySales(skipped, '2026-04');
  await context.events.append(streams.order(`o-${skipped}`), [plan(skipped)], 'any');
  const second = await awaitParked(context, 'policy:sales-plan', streams.order(`o-${skipped}`));
  const skip = await settle(context, 'skip', 'policy:sales-plan', second.eventId, '受注が取り消されたため不要');
  assert.is(skip.statusCode, 200, skip.body);
  await assertSettled(context, 'policy:sales-plan', second.eventId, 'ParkedEventSkipped', '受注が取り消されたため不要');
  assert.equal(await parkedFor(context, 'policy:sales-plan'), []);
  broken.policyStream = '';
});

const company = (id: string, code: string) => ({
  type: 'CompanyRegistered',
  data: { companyId: id, code, name: `会社${code}`, kana: 'カイシャ', formalName: `株式会社${code}`, shortName: code, isCustomer: true, isPartner: true, registeredOn: '2026-04-01' },
  metadata: meta,
});
const abolished = (id: string) => ({ type: 'CompanyAbolished', data: { companyId: id, abolishedOn: '2026-05-01', reason: '廃業' }, metadata: meta });

test('the forwarder parks an event it cannot map and publishes the rest; a Kafka consumer parks a message it cannot apply; each retried after the fix applies once', async (context) => {
  const [x, y] = [randomUUID(), randomUUID()];
  // X's registration cannot be mapped: the forwarder parks it and still publishes X's abolition and Y.
  broken.forwarderStream.add(`${streams.company(x)}#CompanyRegistered`);
  await context.events.append(streams.company(x), [company(x, `X${run}`)], 'no_stream');
  await context.events.append(streams.company(x), [abolished(x)], 0n);
  await context.events.append(streams.company(y), [company(y, `Y${run}`)], 'no_stream');
  const parkedEvent = await awaitParked(context, 'forwarder:integration', streams.company(x));
  assert.is(parkedEvent.eventType, 'CompanyRegistered');
  assert.is(parkedEvent.attempts, 3);
  await waitUntil('Y to reach the partner context over Kafka', async () => (await typesIn(context.events, streams.companyCopy(y))).length === 1);

  // X's abolition arrives before its registration: the consumer cannot apply it and parks the message (and dead-letters it, as before).
  const consumerName = `consumer:${context.group}`;
  const parkedMessage = await waitUntil('the consumer to park X\'s abolition', async () => (await parkedFor(context, consumerName)).find((p) => p.eventType === 'CompanyAbolished' && (p.error.includes(x))), { timeoutMs: 30_000 });
  assert.is(parkedMessage.attempts, 3);
  assert.equal(await typesIn(context.events, streams.companyCopy(x)), []);

  // Fixed: the registration is published on retry and applied once; then the parked abolition applies on its retry.
  broken.forwarderStream.delete(`${streams.company(x)}#CompanyRegistered`);
  const forwarded = await settle(context, 'retry', 'forwarder:integration', parkedEvent.eventId, 'マッピングの不具合を修正');
  assert.is(forwarded.statusCode, 200, forwarded.body);
  await assertSettled(context, 'forwarder:integration', parkedEvent.eventId, 'ParkedEventRetried', 'マッピングの不具合を修正');
  await waitUntil('X\'s registration to reach the partner context', async () => (await typesIn(context.events, streams.companyCopy(x))).length === 1);
  const applied = await settle(context, 'retry', consumerName, parkedMessage.eventId, '登録が届いたので再適用');
  assert.is(applied.statusCode, 200, applied.body);
  await assertSettled(context, consumerName, parkedMessage.eventId, 'ParkedEventRetried', '登録が届いたので再適用');
  const copy = await context.events.readStream(streams.companyCopy(x));
  assert.equal(copy.map((e) => (e.data as { sourceType: string }).sourceType), ['CompanyRegistered', 'CompanyAbolished'], 'each applied exactly once, in the end in order');

  // Skips: a forwarder event and a malformed message, each with who and why.
  const w = randomUUID();
  broken.forwarderStream.add(`${streams.company(w)}#CompanyRegistered`);
  await context.events.append(streams.company(w), [company(w, `W${run}`)], 'no_stream');
  const parkedW = await awaitParked(context, 'forwarder:integration', streams.company(w));
  assert.is((await settle(context, 'skip', 'forwarder:integration', parkedW.eventId, '試験用の会社')).statusCode, 200);
  await assertSettled(context, 'forwarder:integration', parkedW.eventId, 'ParkedEventSkipped', '試験用の会社');
  broken.forwarderStream.delete(`${streams.company(w)}#CompanyRegistered`);

  const junkKey = `junk-${run}`;
  await context.bus.publish([{ topic: COMPANY_TOPIC, key: junkKey, value: { junk: run } }]);
  const junk = await waitUntil('the consumer to park the malformed message', async () => (await context.lots.get(consumerName)!.parked()).find((p) => p.message?.key === junkKey), { timeoutMs: 30_000 });
  assert.is((await settle(context, 'skip', consumerName, junk.eventId, '壊れたメッセージ')).statusCode, 200);
  await assertSettled(context, consumerName, junk.eventId, 'ParkedEventSkipped', '壊れたメッセージ');
});

const approval = (projectId: string, ringiId: string, by: string) => ({
  type: 'ProjectApprovalRequested',
  data: { projectId, ringiId, kind: 'estimate', requestedFrom: 'proposing', comment: '', estimateId: null, estimateVersion: null, by, at: new Date().toISOString() },
  metadata: meta,
});

test('the 稟議 process manager parks a trigger it cannot open, opens the next 稟議, and opens the parked one once on retry', async (context) => {
  for (const user of ['bad', 'good', 'worse']) await context.events.append(streams.user(`${user}-${run}`), [{ type: 'UserRegistered', data: { email: `${user}-${run}@example.co.jp`, name: user, roles: ['sales'] }, metadata: meta }], 'any');
  broken.ringiEmail.add(`bad-${run}@example.co.jp`);
  const [bad, good] = [randomUUID(), randomUUID()];
  await context.events.append(streams.project(`rp-${run}-1`), [approval(`rp-${run}-1`, bad, `bad-${run}`)], 'any');
  await context.events.append(streams.project(`rp-${run}-2`), [approval(`rp-${run}-2`, good, `good-${run}`)], 'any');
  const parked = await awaitParked(context, 'process-manager:ringi', streams.project(`rp-${run}-1`));
  assert.is(parked.attempts, 3);
  assert.match(parked.error, /no CollaboFlow login/);
  await waitUntil('the next 稟議 to be opened', async () => (await typesIn(context.events, `ringi-${good}`)).includes('RingiRequested'));
  assert.equal(await typesIn(context.events, `ringi-${bad}`), []);

  broken.ringiEmail.delete(`bad-${run}@example.co.jp`);
  const retried = await settle(context, 'retry', 'process-manager:ringi', parked.eventId, 'CollaboFlow のログインを登録した');
  assert.is(retried.statusCode, 200, retried.body);
  await assertSettled(context, 'process-manager:ringi', parked.eventId, 'ParkedEventRetried', 'CollaboFlow のログインを登録した');
  assert.is((await typesIn(context.events, `ringi-${bad}`)).filter((t) => t === 'RingiRequested').length, 1, 'opened exactly once');

  broken.ringiEmail.add(`worse-${run}@example.co.jp`);
  const worse = randomUUID();
  await context.events.append(streams.project(`rp-${run}-3`), [approval(`rp-${run}-3`, worse, `worse-${run}`)], 'any');
  const second = await awaitParked(context, 'process-manager:ringi', streams.project(`rp-${run}-3`));
  assert.is((await settle(context, 'skip', 'process-manager:ringi', second.eventId, '案件が中止されたため')).statusCode, 200);
  await assertSettled(context, 'process-manager:ringi', second.eventId, 'ParkedEventSkipped', '案件が中止されたため');
  assert.equal(await typesIn(context.events, `ringi-${worse}`), []);
});

test.run();
