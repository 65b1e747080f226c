import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SubscriberRole } from '@sss/contracts/ports/subscribers';
import { NO_SUBSCRIBER_REPORT } from '@sss/contracts/ports/subscribers';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { followFromCheckpoint } from '../../src/eventstore/checkpointed-subscription.ts';

/**
 * One leader per write-side subscriber among instances sharing one SQLite event store (issue #17
 * item 1): each instance is its own connection to the file. The lease is taken atomically, moves to
 * a follower once the leader stops renewing, and the deposed leader handles nothing afterwards.
 */

const file = () => join(mkdtempSync(join(tmpdir(), 'sss-lease-')), 'events.db');
const meta = { actor: 'test', correlationId: 'c' };

test('a lease has one holder at a time; the token grows when the holder changes, not on renewal', async () => {
  const path = file();
  const [a, b] = [openSqliteEventStore(path), openSqliteEventStore(path)];
  assert.is(await a.leases.acquire('x', 'A', 300), 1n);
  assert.is(await b.leases.acquire('x', 'B', 300), null, 'held by A');
  assert.is(await a.leases.acquire('x', 'A', 300), 1n, 'renewal keeps the token');
  await waitUntil('the lease to expire', async () => (await b.leases.holderOf('x')) === null);
  assert.is(await b.leases.acquire('x', 'B', 60_000), 2n, 'taken over: a greater token');
  assert.is(await a.leases.acquire('x', 'A', 300), null, 'the deposed holder cannot renew');
  await b.leases.release('x', 'B');
  assert.is(await a.leases.acquire('x', 'A', 300), 3n, 'released: taken at once');
});

test('two instances of a subscriber: one handles, the follower takes over when the leader stops renewing, the deposed one handles nothing more', async () => {
  const path = file();
  const writer = openSqliteEventStore(path);
  const handledBy: Array<{ instance: string; position: bigint; at: number }> = [];
  const roles = new Map<string, SubscriberRole>();
  const instance = (id: string) => {
    const events = openSqliteEventStore(path);
    const subscription = followFromCheckpoint({
      events,
      name: 'policy-under-test',
      handle: (event) => void handledBy.push({ instance: id, position: event.position, at: Date.now() }),
      log: () => {},
      report: { ...NO_SUBSCRIBER_REPORT, role: (role) => roles.set(id, role) },
      lease: { holder: id, ttlMs: 600, renewMs: 100 },
    });
    return { events, subscription };
  };
  const a = instance('A');
  await a.subscription.started;
  const b = instance('B');
  for (let i = 0; i < 5; i++) await writer.append(`thing-${i}`, [{ type: 'Happened', data: { i }, metadata: meta }], 'no_stream');
  await waitUntil('the leader to handle the first five', () => handledBy.length >= 5);
  assert.equal(new Set(handledBy.map((h) => h.instance)), new Set(['A']), 'only the leader handles');
  assert.is(roles.get('A'), 'leader');
  assert.is(roles.get('B'), 'follower');

  // The leader's store connection goes away (its process hangs or dies): it can no longer renew.
  const diedAt = Date.now();
  a.events.close();
  await waitUntil('the follower to take over', () => roles.get('B') === 'leader', { timeoutMs: 10_000 });
  const tookOverMs = Date.now() - diedAt;
  assert.is(roles.get('A'), 'follower', 'the deposed leader stepped down on its own clock');
  for (let i = 5; i < 8; i++) await writer.append(`thing-${i}`, [{ type: 'Happened', data: { i }, metadata: meta }], 'no_stream');
  await waitUntil('the new leader to handle the last three', () => handledBy.some((h) => h.instance === 'B' && h.position === 8n));
  assert.ok(handledBy.filter((h) => h.position > 5n).every((h) => h.instance === 'B'), 'the deposed leader handled nothing after losing the lease');
  assert.ok(tookOverMs < 2_000, `took over in ${tookOverMs} ms (lease 600 ms)`);
  console.log(`takeover after the leader stopped renewing: ${tookOverMs} ms (ttl 600 ms, renew every 100 ms)`);
  await b.subscription.stop();
  await a.subscription.stop();
});

test.run();
