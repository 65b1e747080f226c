import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { startRingiProcessManager, type RunningRingiProcessManager } from '../../src/ringi/process-manager.ts';
import { FakeWorkflow } from './fake-workflow.ts';

/**
 * Durable timers: every due time lives in the 稟議's stream, so a manager started after a restart
 * (a new instance on the same store) keeps the same schedule — it neither forgets a reminder nor
 * polls early — and a CollaboFlow outage shows as 滞留 and heals by itself.
 */
const test = suite('ringi process manager timers');
const DAY = 24 * 60 * 60 * 1000;
const ROUTES = { estimate: 101, proposal: 102, order: 103, early_start: 104, sales_check: 105 };

let now = Date.parse('2026-04-01T00:00:00.000Z');
const clock = () => new Date(now);

async function world() {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'ringi-timers-')), 'events.db'));
  const ringiId = '01a20000-0000-7000-8000-000000000001';
  await events.append('user-u1', [{ type: 'UserRegistered', data: { userId: 'u1', email: 'sato@example.co.jp' }, metadata: { actor: 'test', correlationId: 'c' } }], 'no_stream');
  await events.append('project-p1', [{ type: 'ProjectApprovalRequested', data: { projectId: 'p1', ringiId, kind: 'estimate', requestedFrom: 'proposing', comment: '', estimateId: null, estimateVersion: null, by: 'u1', at: clock().toISOString() }, metadata: { actor: 'u1', correlationId: 'c' } }], 'no_stream');
  return { events, ringiId, workflow: new FakeWorkflow() };
}

const start = (events: EventStore, workflow: FakeWorkflow): Promise<RunningRingiProcessManager> =>
  startRingiProcessManager({ events, workflow, routes: ROUTES, clock, timers: { pollBaseMs: 60_000, pollNearEndMaxMs: 3_600_000, retryBaseMs: 10_000, reminderAfterMs: 3 * DAY, stuckAfterFailures: 3, tickMs: 3_600_000 } });

const types = async (events: EventStore, ringiId: string) => (await events.readStream(`ringi-${ringiId}`)).map((e) => e.type);
const count = async (events: EventStore, ringiId: string, type: string) => (await types(events, ringiId)).filter((t) => t === type).length;

test('polling backoff survives a restart: the new manager waits for the recorded due time', async () => {
  const { events, ringiId, workflow } = await world();
  const first = await start(events, workflow);
  await waitUntil('filed and polled once', async () => (await count(events, ringiId, 'RingiPolled')) === 1);
  await first.stop();

  now += 30_000; // half the first poll interval
  const second = await start(events, workflow);
  await waitUntil('the new manager to catch up with the store', async () => second.followedPosition() >= (await events.headPosition()));
  await second.runDue();
  assert.is(await count(events, ringiId, 'RingiPolled'), 1, 'not polled before its time');
  now += 31_000;
  await second.runDue();
  assert.is(await count(events, ringiId, 'RingiPolled'), 2, 'polled once due');
  const [last] = await events.readStream(`ringi-${ringiId}`, { direction: 'backwards', maxCount: 1 });
  assert.is((last!.data as { nextPollAt: string }).nextPollAt, new Date(now + 120_000).toISOString(), 'the interval doubled');

  workflow.decide(1, 'decision');
  now += 120_001;
  await second.runDue();
  // (Applying it to the project is the simulator specs' business; this project is only a request event.)
  const confirmed = (await events.readStream(`ringi-${ringiId}`)).filter((e) => e.type === 'RingiStatusConfirmed').map((e) => (e.data as { status: string }).status);
  assert.ok(confirmed.includes('decision'), 'the decision was read at the next due poll');
  await second.stop();
});

test('the reminder is due N days after filing, once, across a restart', async () => {
  const { events, ringiId, workflow } = await world();
  const first = await start(events, workflow);
  await waitUntil('filed', async () => (await types(events, ringiId)).includes('RingiSubmitted'));
  await first.stop();
  now += 3 * DAY + 1;
  const second = await start(events, workflow);
  await waitUntil('reminded', async () => { await second.runDue(); return (await count(events, ringiId, 'RingiReminderSent')) === 1; });
  now += DAY;
  await second.runDue();
  assert.is(await count(events, ringiId, 'RingiReminderSent'), 1, 'only once');
  const reminder = (await events.readStream(`ringi-${ringiId}`)).find((e) => e.type === 'RingiReminderSent')!;
  assert.equal((reminder.data as { waitingFor: string[] }).waitingFor, ['高橋 健一']);
  await second.stop();
});

test('CollaboFlow down: backs off, shows 滞留 after repeated failures, then files once it is back', async () => {
  const { events, ringiId, workflow } = await world();
  workflow.down = true;
  const manager = await start(events, workflow);
  await waitUntil('first failure', async () => (await count(events, ringiId, 'RingiAttemptFailed')) === 1);
  await manager.runDue();
  assert.is(await count(events, ringiId, 'RingiAttemptFailed'), 1, 'waits for its back-off');
  for (let i = 0; i < 2; i++) {
    now += 10 * 60_000;
    await manager.runDue();
  }
  assert.is(await count(events, ringiId, 'RingiAttemptFailed'), 3);
  assert.ok((await types(events, ringiId)).includes('RingiStuck'), '滞留 after three failures in a row');
  workflow.down = false;
  now += 10 * 60_000;
  await manager.runDue();
  assert.ok((await types(events, ringiId)).includes('RingiSubmitted'));
  assert.is(workflow.docs.size, 1, 'one document');
  await manager.stop();
});

test.run();
