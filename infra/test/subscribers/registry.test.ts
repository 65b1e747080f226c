import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { createSubscriberRegistry } from '../../src/subscribers/registry.ts';

/**
 * The states on a clock we move by hand: a subscriber that was idle for an hour and just got a new
 * event is catching up, not stalled; it is stalled only once the oldest unhandled event and its last
 * progress are both older than the threshold; a failure shows until it progresses again.
 */
test('catching up, stalled, failed and running, with lag and throughput', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-registry-')), 'events.db'));
  let now = Date.parse('2026-04-01T00:00:00Z');
  const registry = createSubscriberRegistry({ events, stallAfterMs: 30_000, clock: () => new Date(now) });
  const report = registry.register('p', 'projector');
  report.reached(0n);
  const status = async () => (await registry.status())[0]!;
  assert.is((await status()).state, 'running');

  now += 3_600_000; // an idle hour, then an event
  await events.append('probe-1', [{ type: 'ProbeRecorded', data: {}, metadata: { actor: 'system:test', correlationId: 't', occurredAt: new Date(now).toISOString() } }], 'any');
  now += 1_000;
  let s = await status();
  assert.equal([s.state, s.lagEvents, s.lagSeconds], ['catching_up', '1', 1]);

  now += 30_000;
  assert.is((await status()).state, 'stalled');

  report.failed(new Error('store unreachable'));
  s = await status();
  assert.is(s.state, 'failed');
  assert.is(s.lastError?.message, 'store unreachable');

  now += 1_000;
  report.reached(1n);
  s = await status();
  assert.equal([s.state, s.position, s.lagEvents, s.lagSeconds], ['running', '1', '0', 0]);
  assert.is(s.lastError?.message, 'store unreachable', 'the last error stays visible after recovery');
  assert.is(s.eventsPerSecond, 0, 'one event over an idle hour is no throughput worth showing within the last minute');

  const consumer = registry.register('c', 'consumer');
  for (let i = 0; i < 10; i++) {
    now += 100;
    consumer.handled();
  }
  const c = (await registry.status()).find((x) => x.name === 'c')!;
  assert.equal([c.state, c.position, c.lagEvents, c.lagSeconds, c.handled], ['running', null, null, null, 10]);
  assert.is(c.eventsPerSecond, 10);
  await events.close();
});

test('a bus consumer shows its group\'s lag in messages from its source, and unknown when the broker cannot say', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-registry-')), 'events.db'));
  const registry = createSubscriberRegistry({ events });
  let lag: bigint | Error = 3n;
  registry.register('consumer:g', 'consumer', { lag: async () => (lag instanceof Error ? Promise.reject(lag) : lag) });
  const status = async () => (await registry.status()).find((s) => s.name === 'consumer:g')!;
  let s = await status();
  assert.equal([s.state, s.position, s.lagEvents, s.lagSeconds], ['catching_up', null, '3', null]);
  lag = 0n;
  s = await status();
  assert.equal([s.state, s.lagEvents], ['running', '0']);
  lag = new Error('coordinator not available');
  assert.is((await status()).lagEvents, null);
  await events.close();
});

test.run();
