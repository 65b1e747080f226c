import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tap } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { SALES_PLAN_CHECKPOINT, startSalesPlanPolicy } from '../../src/sales/sales-plan-policy.ts';

/**
 * Boot from a checkpoint: a restarted policy reads only what came after its checkpoint (not the log
 * from 0), keeps the checkpoint beside the log (the log does not grow by it), and a replay after a
 * crash (a checkpoint behind what was handled) changes nothing twice.
 */

const meta = { actor: 'system:test', correlationId: 'c1' };
const plan = (orderId: string, projectId: string, month: string) => ({
  type: 'SalesPlanDerived',
  data: { orderId, projectId, projectNumber: '20260001', months: [{ month, revenue: 1_000_000, cost: 600_000 }], totalRevenue: 1_000_000, totalCost: 600_000, orderAmount: 1_000_000, differenceFromOrderAmount: 0 },
  metadata: meta,
});
const fillers = async (store: EventStore, prefix: string, count: number) => {
  for (let i = 0; i < count; i += 1) await store.append(`user-${prefix}${i}`, [{ type: 'UserRegistered', data: { userId: `${prefix}${i}` }, metadata: meta }], 'no_stream');
};

/** The store as the policy sees it, counting every event its subscription delivers. */
function counting(store: SqliteEventStore): { events: EventStore; read: () => number } {
  let read = 0;
  const events: EventStore = { ...store, subscribeAll: (after) => store.subscribeAll(after).pipe(tap(() => void (read += 1))) };
  return { events, read: () => read };
}

const planSets = async (store: EventStore, projectId: string, month: string) =>
  (await store.readStream(`monthlysales-${projectId}_${month}`)).filter((e) => e.type === 'MonthlyPlanSet').length;

test('a restart resumes from the checkpoint, reads only the newer events, and sets no plan twice', async () => {
  const store = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-policy-cp-')), 'events.db'));
  await fillers(store, 'a', 30);
  await store.append('order-o1', [plan('o1', 'p1', '2026-04')], 'no_stream');
  await fillers(store, 'b', 10);

  const first = counting(store);
  const policy = startSalesPlanPolicy({ events: first.events, checkpoints: store.checkpoints });
  const head = await store.headPosition();
  await waitUntil('the first plan to be set', async () => (await planSets(store, 'p1', '2026-04')) === 1);
  await waitUntil('the policy to read to the head', () => first.read() >= 42);
  await policy.stop();
  assert.is(await store.checkpoints.read(SALES_PLAN_CHECKPOINT), head + 1n, 'the checkpoint is past the events handled (the plan appended one more)');
  assert.is((await store.readStream('checkpoint-sales-plan-policy')).length, 0, 'the checkpoint is not an event');

  await fillers(store, 'c', 5);
  await store.append('order-o2', [plan('o2', 'p2', '2026-05')], 'no_stream');
  const second = counting(store);
  const restarted = startSalesPlanPolicy({ events: second.events, checkpoints: store.checkpoints });
  assert.is((await restarted.started).from, head + 1n, 'resumed from the checkpoint, not from 0');
  await waitUntil('the second plan to be set', async () => (await planSets(store, 'p2', '2026-05')) === 1);
  await waitUntil('the restarted policy to read its own plan event', () => second.read() >= 7);
  await restarted.stop();
  assert.is(second.read(), 7, 'five fillers, the order and the plan it set: nothing before the checkpoint');
  assert.is(await planSets(store, 'p1', '2026-04'), 1);

  // A crash before the checkpoint was written: the next start replays from an older position. The
  // row keeps the fencing token of the lease this process's leader held (1), as a real crash leaves it.
  await store.checkpoints.write(SALES_PLAN_CHECKPOINT, 0n, 1n);
  const third = counting(store);
  const replaying = startSalesPlanPolicy({ events: third.events, checkpoints: store.checkpoints });
  const end = await store.headPosition();
  await waitUntil('the replay to reach the head', () => third.read() >= Number(end));
  await replaying.stop();
  assert.is(await planSets(store, 'p1', '2026-04'), 1, 'the replayed first plan set nothing twice');
  assert.is(await planSets(store, 'p2', '2026-05'), 1, 'the replayed second plan set nothing twice');
  assert.is(await store.headPosition(), end, 'the replay appended nothing');
  await store.close();
});

test.run();
