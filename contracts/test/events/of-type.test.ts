import { from, lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordedEvent } from '../../src/ports/event-store.ts';
import { ofType } from '../../src/events/of-type.ts';

/** A subscriber that declares the types it handles sees those, in their own streams, and nothing else, in order. */
const recorded = (type: string, position: bigint, streamName: string): RecordedEvent => ({
  streamName,
  revision: position,
  position,
  type,
  data: {},
  metadata: { eventId: `e${position}`, actor: 'test', correlationId: 'c', causationId: null, occurredAt: '2026-04-01T00:00:00Z', schemaVersion: 1, hash: '', prevHash: '' },
});

test('ofType keeps only the declared types, in their order', async () => {
  const events = [
    recorded('SalesPlanDerived', 1n, 'order-o1'),
    recorded('UserRegistered', 2n, 'user-u1'),
    recorded('SalesCheckRequested', 3n, 'monthlysales-p1_2026-04'),
    recorded('SalesPlanDerived', 4n, 'user-u2'),
    recorded('SalesPlanDerived', 5n, 'order-o2'),
  ];
  const kept = await lastValueFrom(from(events).pipe(ofType(['SalesPlanDerived', 'SalesCheckRequested']), toArray()));
  assert.equal(kept.map((e) => Number(e.position)), [1, 3, 5], 'a declared type in another category of stream is not it');
});

test.run();
