import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { startRingiProcessManager } from '../../src/ringi/process-manager.ts';
import type { WorkflowNotification } from '@sss/contracts/ports/workflow';
import { receiveWorkflowNotification, type WebhookRouteDeps } from '../../src/ringi/webhook-route.ts';
import { FakeWorkflow } from './fake-workflow.ts';

/**
 * Two write instances in one process, each with its own connection to one SQLite file (issue #17
 * item 4): the 稟議 process manager's timers (polls) run on the leader only; a webhook that reaches
 * the follower is recorded there and handled once, by the leader; when the leader loses its lease
 * (a pause), the new leader takes the schedule over and the deposed one runs no timer.
 */
const ROUTES = { estimate: 101, proposal: 102, order: 103, early_start: 104, sales_check: 105 };
let now = Date.parse('2026-04-01T00:00:00.000Z');
const clock = () => new Date(now);
const ringiId = '01a20000-0000-7000-8000-0000000000a1';

const types = async (events: EventStore, type: string) => (await events.readStream(`ringi-${ringiId}`)).filter((e) => e.type === type).length;

test('timers run on the leader only; a deposed leader runs none; a webhook at the follower is handled once', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ringi-lead-')), 'events.db');
  const [storeA, storeB] = [openSqliteEventStore(file), openSqliteEventStore(file)];
  await storeA.append('user-u1', [{ type: 'UserRegistered', data: { userId: 'u1', email: 'sato@example.co.jp' }, metadata: { actor: 'test', correlationId: 'c' } }], 'no_stream');
  const workflow = new FakeWorkflow();
  const start = (events: EventStore, holder: string) => startRingiProcessManager({
    events, workflow, routes: ROUTES, clock,
    timers: { pollBaseMs: 60_000, pollNearEndMaxMs: 3_600_000, retryBaseMs: 10_000, reminderAfterMs: 30 * 86_400_000, stuckAfterFailures: 3, tickMs: 3_600_000 },
    lease: { holder, ttlMs: 1_000, renewMs: 100 },
  });
  const a = await start(storeA, 'A');
  await waitUntil('A to lead', async () => (await storeA.leases.holderOf('subscriber:ringi-manager'))?.holder === 'A');
  const b = await start(storeB, 'B');
  await storeA.append('project-p1', [{ type: 'ProjectApprovalRequested', data: { projectId: 'p1', ringiId, kind: 'estimate', requestedFrom: 'proposing', comment: '', estimateId: null, estimateVersion: null, by: 'u1', at: clock().toISOString() }, metadata: { actor: 'u1', correlationId: 'c' } }], 'no_stream');
  await waitUntil('filed and polled once', async () => (await types(storeA, 'RingiPolled')) === 1);
  assert.is(workflow.docs.size, 1, 'one document');

  now += 61_000;
  await b.runDue();
  assert.is(await types(storeA, 'RingiPolled'), 1, 'the follower runs no timer');
  await a.runDue();
  assert.is(await types(storeA, 'RingiPolled'), 2, 'the leader polls when due');

  // A pauses (a long GC, a frozen VM) and B takes the lease over: A's renewal is refused from then on.
  storeB.db.prepare("UPDATE leases SET holder = 'B', token = token + 1, expires_at = ? WHERE name = 'subscriber:ringi-manager'").run(Date.now() + 60_000);
  await waitUntil('B to follow the store as the new leader', async () => b.followedPosition() >= (await storeB.headPosition()));
  await new Promise((resolve) => setTimeout(resolve, 300)); // A's renewals (every 100 ms) see the lease gone
  now += 120_001;
  await a.runDue();
  assert.is(await types(storeA, 'RingiPolled'), 2, 'the deposed leader runs no timer, though it still knows the 稟議');
  await waitUntil('the new leader to poll when due', async () => (await b.runDue(), (await types(storeB, 'RingiPolled')) === 3));

  // CollaboFlow decides and its webhook reaches the follower (now A) over HTTP.
  workflow.decide(1, 'decision');
  const notification: WorkflowNotification = { notificationId: 'n-1', correlationKey: ringiId, documentId: 1, documentNumber: 'RINGI2026-000001', routeId: 101, title: '', action: 'accept', status: 'decision', requestedAt: null, endedAt: null };
  const atFollower: WebhookRouteDeps = { events: storeA, clock, parse: () => notification };
  assert.ok(await receiveWorkflowNotification(atFollower, notification), 'recorded by the follower');
  assert.not.ok(await receiveWorkflowNotification(atFollower, notification), 'a repeated notification records nothing');
  await waitUntil('the leader to confirm the decision', async () => (await types(storeB, 'RingiStatusConfirmed')) >= 1);
  assert.is(await types(storeB, 'RingiWebhookReceived'), 1);
  assert.is(workflow.docs.size, 1, 'filed exactly once across the handover');
  await a.stop();
  await b.stop();
  await storeA.close();
  await storeB.close();
});

test.run();
