import { randomUUID } from 'node:crypto';
import { filter, firstValueFrom, take, tap, toArray, timeout } from 'rxjs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RevisionConflictError, type EventStore, type NewEvent } from '@sss/contracts/ports/event-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { verifyChain } from './metadata.ts';

/**
 * One conformance suite for the event-store port. Every adapter runs exactly these tests, so the
 * embedded store and EventStoreDB are interchangeable. Streams get unique names, so the suite can
 * run against a shared server that already holds other data.
 */

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function newEvents(count: number, type = 'Tested', extra: Record<string, unknown> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type,
    data: { n: i, label: `イベント${i}`, nested: { effort: '0.3', yen: 1_760_000 }, ...extra },
    metadata: { actor: 'user:tester', correlationId: 'corr-1', causationId: 'cause-1', schemaVersion: 2 },
  }));
}

async function expectConflict(promise: Promise<unknown>): Promise<RevisionConflictError> {
  try {
    await promise;
  } catch (error) {
    assert.instance(error, RevisionConflictError, `expected RevisionConflictError, got ${String(error)}`);
    return error as RevisionConflictError;
  }
  assert.unreachable('expected a revision conflict');
  throw new Error('unreachable');
}

/** The suite appends `{ n }` payloads; reading one back checks its shape instead of trusting it. */
function numberIn(event: { readonly data: unknown }): number {
  const data = event.data;
  if (typeof data === 'object' && data !== null && 'n' in data && typeof data.n === 'number') return data.n;
  throw new Error(`expected a { n } payload, got ${JSON.stringify(data)}`);
}

export function eventStoreConformance(name: string, makeStore: () => Promise<EventStore>): void {
  // uvu wants a context value before `before` opens the store; nothing reads it earlier.
  const test = suite<{ store: EventStore }>(`event store conformance: ${name}`, { store: undefined as unknown as EventStore });
  const stream = (prefix = 'conf') => `${prefix}-${randomUUID().replaceAll('-', '')}`;

  test.before(async (context) => {
    context.store = await makeStore();
  });
  test.after(async ({ store }) => {
    await store.close();
  });

  test('appends to a new stream with no_stream and numbers revisions from 0', async ({ store }) => {
    const s = stream();
    const result = await store.append(s, newEvents(3), 'no_stream');
    assert.is(result.nextExpectedRevision, 2n);
    const events = await store.readStream(s);
    assert.equal(events.map((e) => e.revision), [0n, 1n, 2n]);
    assert.is(events[2]!.position, result.position, 'append answers the position of its last event');
    assert.ok(events[0]!.position < events[1]!.position && events[1]!.position < events[2]!.position);
    assert.equal(events.map((e) => numberIn(e)), [0, 1, 2]);
  });

  test('no_stream on an existing stream is a conflict and appends nothing', async ({ store }) => {
    const s = stream();
    await store.append(s, newEvents(1), 'no_stream');
    const conflict = await expectConflict(store.append(s, newEvents(1), 'no_stream'));
    assert.is(conflict.streamName, s);
    assert.is((await store.readStream(s)).length, 1);
  });

  test('an exact revision appends; a stale one is a conflict naming the actual revision', async ({ store }) => {
    const s = stream();
    const first = await store.append(s, newEvents(2), 'no_stream');
    const second = await store.append(s, newEvents(1), first.nextExpectedRevision);
    assert.is(second.nextExpectedRevision, 2n);
    const conflict = await expectConflict(store.append(s, newEvents(1), first.nextExpectedRevision));
    assert.is(conflict.actual, 2n);
    assert.is((await store.readStream(s)).length, 3);
  });

  test('an exact revision on a missing stream is a conflict', async ({ store }) => {
    await expectConflict(store.append(stream(), newEvents(1), 0n));
  });

  test('stream_exists needs the stream; any always appends', async ({ store }) => {
    const s = stream();
    await expectConflict(store.append(s, newEvents(1), 'stream_exists'));
    await store.append(s, newEvents(1), 'any');
    await store.append(s, newEvents(1), 'stream_exists');
    await store.append(s, newEvents(1), 'any');
    assert.equal((await store.readStream(s)).map((e) => e.revision), [0n, 1n, 2n]);
  });

  test('of two writers with the same expected revision exactly one wins', async ({ store }) => {
    const s = stream();
    const { nextExpectedRevision } = await store.append(s, newEvents(1), 'no_stream');
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => store.append(s, newEvents(1), nextExpectedRevision)));
    assert.is(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    for (const o of outcomes) if (o.status === 'rejected') assert.instance(o.reason, RevisionConflictError);
    assert.is((await store.readStream(s)).length, 2);
  });

  test('reads a stream forwards and backwards, from and up to a revision, with a max count', async ({ store }) => {
    const s = stream();
    await store.append(s, newEvents(6), 'no_stream');
    const revisions = async (options: Parameters<EventStore['readStream']>[1]) => (await store.readStream(s, options)).map((e) => e.revision);
    assert.equal(await revisions({ direction: 'backwards' }), [5n, 4n, 3n, 2n, 1n, 0n]);
    assert.equal(await revisions({ fromRevision: 2n, maxCount: 2 }), [2n, 3n]);
    assert.equal(await revisions({ direction: 'backwards', maxCount: 1 }), [5n]);
    assert.equal(await revisions({ direction: 'backwards', fromRevision: 3n }), [3n, 2n, 1n, 0n]);
    assert.equal(await revisions({ toRevision: 2n }), [0n, 1n, 2n]);
  });

  test('reads a stream as it was at a point in time', async ({ store }) => {
    const s = stream();
    const at = (iso: string, n: number): NewEvent => ({ type: 'Timed', data: { n }, metadata: { actor: 'user:tester', correlationId: 'c', occurredAt: iso } });
    await store.append(s, [at('2025-04-01T00:00:00.000Z', 0), at('2025-05-01T00:00:00.000Z', 1), at('2025-06-01T00:00:00.000Z', 2)], 'no_stream');
    const asOfMay = await store.readStream(s, { until: '2025-05-15T00:00:00.000Z' });
    assert.equal(asOfMay.map((e) => numberIn(e)), [0, 1]);
  });

  test('a missing stream reads as empty', async ({ store }) => {
    assert.equal(await store.readStream(stream('missing')), []);
  });

  test('every event carries the metadata, and the stream hash chain verifies', async ({ store }) => {
    const s = stream();
    await store.append(s, newEvents(2), 'no_stream');
    await store.append(s, newEvents(1), 1n);
    const events = await store.readStream(s);
    for (const e of events) {
      assert.match(e.metadata.eventId, UUID_V7);
      assert.ok(!Number.isNaN(Date.parse(e.metadata.occurredAt)), 'occurredAt is an instant');
      assert.is(e.metadata.actor, 'user:tester');
      assert.is(e.metadata.correlationId, 'corr-1');
      assert.is(e.metadata.causationId, 'cause-1');
      assert.is(e.metadata.schemaVersion, 2);
      assert.match(e.metadata.hash, /^[0-9a-f]{64}$/);
    }
    assert.is(events[0]!.metadata.prevHash, '');
    assert.is(events[2]!.metadata.prevHash, events[1]!.metadata.hash, 'chained across appends');
    assert.equal(verifyChain(events), { valid: true });
  });

  test('keeps data exactly: Japanese text, decimal strings, nested objects, large integers', async ({ store }) => {
    const s = stream();
    const data = { 名称: '株式会社サンプル', kana: 'カブシキガイシャサンプル', effort: { '2025-04': '0.35' }, yen: 9_007_199_254_740_991, list: [1, 'two', null] };
    await store.append(s, [{ type: 'Exact', data, metadata: { actor: 'a', correlationId: 'c' } }], 'no_stream');
    const [event] = await store.readStream(s);
    assert.equal(event!.data, data);
    assert.is(event!.type, 'Exact');
  });

  test('reads all after a position, in order, with a max count', async ({ store }) => {
    const head = await store.headPosition();
    const a = stream('all-a');
    const b = stream('all-b');
    await store.append(a, newEvents(2), 'no_stream');
    await store.append(b, newEvents(2), 'no_stream');
    await store.append(a, newEvents(1), 1n);
    const after = (await store.readAll({ after: head, maxCount: 1000 })).filter((e) => e.streamName === a || e.streamName === b);
    assert.equal(after.map((e) => `${e.streamName === a ? 'a' : 'b'}${e.revision}`), ['a0', 'a1', 'b0', 'b1', 'a2']);
    const limited = await store.readAll({ after: head, maxCount: 2 });
    assert.is(limited.length, 2);
    assert.ok(limited[0]!.position > head);
    assert.is(await store.headPosition(), after[after.length - 1]!.position);
  });

  test('subscribes from a checkpoint: catches up, then delivers live appends, each once', async ({ store }) => {
    const s = stream('sub');
    await store.append(s, newEvents(3), 'no_stream');
    const [first] = await store.readStream(s);
    let caughtUp = 0;
    const seen = firstValueFrom(store.subscribeAll(first!.position).pipe(
      // Other writers may share the store: keep our stream only.
      filter((e) => e.streamName === s),
      tap(() => caughtUp++),
      take(4),
      toArray(),
      timeout(10_000),
    ));
    seen.catch(() => {}); // awaited below; it must not go unhandled while we wait
    // Append only once the catch-up is delivered, so the last two can only arrive live.
    await waitUntil('the subscription to deliver the two stored events after the checkpoint', () => caughtUp >= 2);
    await store.append(s, newEvents(2), 2n);
    const events = await seen;
    assert.equal(events.map((e) => e.revision), [1n, 2n, 3n, 4n], 'strictly after the checkpoint, no duplicates, live included');
  });

  test('a subscription from the beginning sees every event of a stream', async ({ store }) => {
    const s = stream('sub0');
    await store.append(s, newEvents(2), 'no_stream');
    const events = await firstValueFrom(store.subscribeAll(0n).pipe(
      filter((e) => e.streamName === s),
      take(2),
      toArray(),
      timeout(30_000),
    ));
    assert.equal(events.map((e) => e.revision), [0n, 1n]);
  });

  test.run();
}
