import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { Role } from '@sss/contracts/http/auth';
import type { SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { streams } from '@sss/contracts/streams/names';
import type { Projection } from '@sss/read-side/projector/projection';
import { startReadModels, type ReadModels } from '@sss/read-side/projector/runtime';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { recordSignIn } from '@sss/write-side/auth/sign-in-record';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import { buildHttpApp, type HttpApp } from '../../src/main/http-app.ts';
import { createSubscriberRegistry } from '../../src/subscribers/registry.ts';
import { subscriberLog } from '../../src/observability/subscriber-log.ts';
import { createLogger } from '@sss/http-kit/server-kit';

/**
 * A poison event — one a projection throws on every time — is parked after a few attempts instead
 * of holding every later event back forever; an admin sees it in the console's API and retries it
 * (once the cause is fixed) or skips it, each with a reason recorded as an event with who and why.
 */

interface Context {
  dir: string;
  events: EventStore;
  store: ReadStore;
  readModels: ReadModels;
  app: HttpApp;
  broken: { now: boolean };
  admin: Record<string, string>;
  sales: Record<string, string>;
  /** The subscribers' JSON log lines. */
  lines: string[];
}
const test = suite<Context>('poison events are parked, retried and skipped');

const PROBE = 'ProbeRecorded';
const meta = { actor: 'system:poison-test', correlationId: 'poison-test' };
const probe = (id: string, poison = false) => [{ type: PROBE, data: { id, poison }, metadata: meta }];

const projectionOf = (broken: { now: boolean }): Projection => ({
  name: 'poison-probe',
  version: 1,
  collections: { probes: [] },
  project(event) {
    if (event.type !== PROBE) return [];
    const data = event.data as { id: string; poison: boolean };
    if (data.poison && broken.now) throw new Error(`probe ${data.id} cannot be projected`);
    return [{ op: 'put', collection: 'probes', doc: { _id: data.id } }];
  },
});

async function start(context: Context) {
  const subscribers = createSubscriberRegistry({ events: context.events });
  const log = subscriberLog(createLogger('info', { write: (line) => void context.lines.push(line) }));
  context.readModels = await startReadModels(context.events, context.store, [projectionOf(context.broken)], log, subscribers);
  context.app = await buildHttpApp({ readModels: context.readModels, subscribers, sessionEvents: context.events, sessionSecret: 'poison-test-secret', logLevel: 'silent' });
}

/** A user who exists in the log with a recorded sign-in (sessions are server-side records) and a cookie signed for that session. */
async function sessionOf(context: Context, id: string, roles: Role[]) {
  await context.events.append(streams.user(id), [{ type: 'UserRegistered', data: { email: `${id}@example.co.jp`, name: id, roles }, metadata: meta }], 'any');
  const sid = await recordSignIn(context.events, id, 'password', '127.0.0.1');
  const claims = { sub: id, name: id, email: `${id}@example.co.jp`, roles, exp: Date.now() + 3_600_000, iat: Date.now() + 1000, sid, seen: Date.now() };
  return { sss_session: context.app.signCookie(JSON.stringify(claims)) };
}

test.before(async (context) => {
  context.dir = mkdtempSync(join(tmpdir(), 'sss-poison-'));
  context.events = openSqliteEventStore(join(context.dir, 'events.db'));
  context.store = openEmbeddedReadStore(join(context.dir, 'read.db'));
  context.broken = { now: true };
  context.lines = [];
  await start(context);
  context.admin = await sessionOf(context, 'admin-1', ['admin']);
  context.sales = await sessionOf(context, 'sales-1', ['sales']);
});

test.after(async ({ app, readModels, events, store }) => {
  await app.close();
  await readModels.stop();
  await store.close();
  await events.close();
});

const consoleOf = async ({ app, admin }: Context) => (await app.inject({ method: 'GET', url: '/api/admin/subscribers', cookies: admin })).json<SubscribersView>();
const settle = (context: Context, action: 'retry' | 'skip', eventId: string, body: unknown, cookies = context.admin) =>
  context.app.inject({ method: 'POST', url: `/api/admin/subscribers/poison-probe/parked/${eventId}/${action}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body), cookies });
const parkedStream = (events: EventStore) => events.readStream(streams.parked('poison-probe'));

test('a poison event is parked after three attempts and the projector moves on', async (context) => {
  await context.events.append('probe-a', probe('a', true), 'any');
  await context.events.append('probe-b', probe('b'), 'any');
  await waitUntil('the event after the poison one to be projected', async () => context.store.get('probes', 'b'));
  const { parked } = await consoleOf(context);
  assert.is(parked.length, 1);
  assert.is(parked[0]!.subscriber, 'poison-probe');
  assert.is(parked[0]!.streamName, 'probe-a');
  assert.is(parked[0]!.eventType, PROBE);
  assert.is(parked[0]!.attempts, 3);
  assert.match(parked[0]!.error, /probe a cannot be projected/);
  assert.is(await context.store.get('probes', 'a'), null);
  // Past the poison event, nothing holds it back: it is running again, not failed or stalled.
  await waitUntil('the projector to be running', async () => (await consoleOf(context)).subscribers.find((s) => s.name === 'poison-probe')!.state === 'running');
  const recorded = await parkedStream(context.events);
  assert.equal(recorded.map((e) => e.type), ['SubscriberEventParked']);

  // The log says the same as JSON an operator can filter: which subscriber, which event, where, whose.
  const lines = context.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const park = lines.find((l) => typeof l.msg === 'string' && l.msg.includes('parked'));
  assert.ok(park, context.lines.join(''));
  assert.is(park!.level, 50);
  assert.is(park!.component, 'subscriber');
  assert.is(park!.subscriber, 'poison-probe');
  assert.is(park!.eventId, parked[0]!.eventId);
  assert.is(park!.position, parked[0]!.position);
  assert.is(park!.streamName, 'probe-a');
  assert.is(park!.correlationId, 'poison-test');
  assert.is(park!.actor, 'system:poison-test');
  assert.match(String((park!.err as { message: string }).message), /probe a cannot be projected/);
  const retried = lines.filter((l) => typeof l.msg === 'string' && l.msg.startsWith('projection poison-probe failed'));
  assert.is(retried.length, 2, 'the two failed attempts before parking');
  for (const line of retried) assert.ok(line.subscriber === 'poison-probe' && typeof line.attempt === 'number' && 'position' in line, JSON.stringify(line));
});

test('retry and skip are for admins only and need a reason', async (context) => {
  const [entry] = (await consoleOf(context)).parked;
  assert.is((await settle(context, 'retry', entry!.eventId, { reason: '原因を修正した' }, context.sales)).statusCode, 403);
  const noReason = await settle(context, 'skip', entry!.eventId, {});
  assert.is(noReason.statusCode, 400);
  assert.is(noReason.json<{ errors: Array<{ field: string }> }>().errors[0]!.field, 'reason');
  assert.is((await settle(context, 'skip', entry!.eventId, { reason: '   ' })).statusCode, 400);
  assert.is((await settle(context, 'skip', entry!.eventId, { reason: 'x', extra: 1 })).statusCode, 400);
  assert.is((await parkedStream(context.events)).length, 1, 'refused requests append nothing');
});

test('a retry that still fails records nothing; once fixed it applies the event and records who and why', async (context) => {
  const [entry] = (await consoleOf(context)).parked;
  const still = await settle(context, 'retry', entry!.eventId, { reason: '再試行' });
  assert.is(still.statusCode, 422, still.body);
  assert.match(still.json<{ detail: string }>().detail, /probe a cannot be projected/);
  assert.is((await parkedStream(context.events)).length, 1);

  context.broken.now = false;
  const retried = await settle(context, 'retry', entry!.eventId, { reason: '変換の不具合を修正したため' });
  assert.is(retried.statusCode, 200, retried.body);
  assert.ok(await context.store.get('probes', 'a'), 'the retried event is applied');
  assert.equal((await consoleOf(context)).parked, []);
  const [, record] = await parkedStream(context.events);
  assert.is(record!.type, 'ParkedEventRetried');
  assert.equal(record!.data, { subscriber: 'poison-probe', eventId: entry!.eventId, by: 'admin-1', reason: '変換の不具合を修正したため', at: (record!.data as { at: string }).at });
  assert.is((await settle(context, 'retry', entry!.eventId, { reason: 'もう一度' })).statusCode, 404);
});

test('a skipped event leaves the list with who and why, and a restart neither parks nor applies it again', async (context) => {
  context.broken.now = true;
  await context.events.append('probe-c', probe('c', true), 'any');
  const parked = await waitUntil('the second poison event to be parked', async () => (await consoleOf(context)).parked[0]);
  const skipped = await settle(context, 'skip', parked.eventId, { reason: '不要なデータのため' });
  assert.is(skipped.statusCode, 200, skipped.body);
  assert.equal((await consoleOf(context)).parked, []);
  const types = (await parkedStream(context.events)).map((e) => e.type);
  assert.equal(types, ['SubscriberEventParked', 'ParkedEventRetried', 'SubscriberEventParked', 'ParkedEventSkipped']);
  assert.is((await settle(context, 'skip', parked.eventId, { reason: '二度目' })).statusCode, 404);

  // Replay everything from the start: settled events are passed over, not parked again.
  await context.app.close();
  await context.readModels.stop();
  await context.store.apply([], { name: 'poison-probe', position: 0n });
  await start(context);
  await context.events.append('probe-d', probe('d'), 'any');
  await waitUntil('the replay to reach the new event', async () => context.store.get('probes', 'd'));
  assert.equal((await parkedStream(context.events)).map((e) => e.type), types);
  assert.is(await context.store.get('probes', 'c'), null);
});

test.run();
