import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { CheckpointFencedError } from '../../src/eventstore/checkpoint-store.ts';
import { startRingiProcessManager } from '../../src/ringi/process-manager.ts';
import { FakeWorkflow } from './fake-workflow.ts';

/**
 * Issue #17: the 稟議 process manager's trigger checkpoint (how far requests have been turned into
 * 稟議) is fenced like its subscription's checkpoint. Two write instances on one SQLite file; A
 * leads and files a 稟議; the lease passes to B (A paused); from then on a write of the trigger
 * checkpoint with A's token is refused, and B resumed from where A recorded it. Before, every
 * instance kept that checkpoint from its own start, unfenced: a deposed leader's flush, or a new
 * leader's stale copy, could move it (backwards too).
 */
const ROUTES = { estimate: 101, proposal: 102, order: 103, early_start: 104, sales_check: 105 };
const clock = () => new Date('2026-04-01T00:00:00.000Z');
const TRIGGERS = 'ringi-manager-triggers';
const LEASE = 'subscriber:ringi-manager';

test('a deposed leader cannot move the 稟議 trigger checkpoint', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ringi-fence-')), 'events.db');
  const [storeA, storeB] = [openSqliteEventStore(file), openSqliteEventStore(file)];
  await storeA.append('user-u1', [{ type: 'UserRegistered', data: { userId: 'u1', email: 'sato@example.co.jp' }, metadata: { actor: 'test', correlationId: 'c' } }], 'no_stream');
  const workflow = new FakeWorkflow();
  const start = (events: EventStore, holder: string) =>
    startRingiProcessManager({ events, workflow, routes: ROUTES, clock, timers: { tickMs: 3_600_000 }, lease: { holder, ttlMs: 1_000, renewMs: 100 } });
  const a = await start(storeA, 'A');
  await waitUntil('A to lead', async () => (await storeA.leases.holderOf(LEASE))?.holder === 'A');
  const b = await start(storeB, 'B');
  const ringiId = '01a20000-0000-7000-8000-0000000000b1';
  const requested = await storeA.append('project-p1', [{ type: 'ProjectApprovalRequested', data: { projectId: 'p1', ringiId, kind: 'estimate', requestedFrom: 'proposing', comment: '', estimateId: null, estimateVersion: null, by: 'u1', at: clock().toISOString() }, metadata: { actor: 'u1', correlationId: 'c' } }], 'no_stream');
  await waitUntil('the 稟議 to be filed', async () => workflow.docs.size === 1);
  await waitUntil('A to record the trigger checkpoint', async () => ((await storeA.checkpoints.read(TRIGGERS)) ?? 0n) >= requested.position, { timeoutMs: 5_000 });
  const tokenA = (await storeA.leases.holderOf(LEASE))!.token;

  // A pauses (a long GC, a frozen VM) and B takes the lease over with a greater token.
  storeB.db.prepare('UPDATE leases SET holder = ?, token = token + 1, expires_at = ? WHERE name = ?').run('B', Date.now() + 60_000, LEASE);
  await waitUntil('B to follow the store as the new leader', async () => b.followedPosition() >= (await storeB.headPosition()));

  const late = await storeA.checkpoints.write(TRIGGERS, 0n, tokenA).then(() => null, (error: unknown) => error);
  assert.instance(late, CheckpointFencedError, "a write with the deposed leader's token is refused");
  assert.ok(((await storeB.checkpoints.read(TRIGGERS)) ?? 0n) >= requested.position, 'the new leader resumed where the old one recorded');
  assert.is(workflow.docs.size, 1, 'filed exactly once across the handover');
  await a.stop();
  await b.stop();
  await storeA.close();
  await storeB.close();
});

test.run();
