import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { openEsdbEventStore } from '../../src/eventstore/esdb-event-store.ts';
import { commandHandlerFor } from '../../src/kernel/command-handler-for.ts';
import { createParkingLots, type ParkingLot } from '../../src/ops/parking-lot.ts';
import { parkedDecider } from '../../src/ops/parked-decider.ts';

/**
 * Issue #15 on a split stack: the parked list and the failures counted towards parking belong to
 * the store the instances share, not to one instance's memory. Each instance is its own store client
 * (its own SQLite connection to one file, its own gRPC client to the EventStoreDB stand-in) with its
 * own parking lots, as the write services of a split stack have. Instance A fails twice on an event
 * and dies; B, running all along, parks it on its own first failure (the count went on); C, running
 * since before the parking, and A restarted both list it; a skip recorded through C's store leaves
 * every instance's list. On the in-memory lists and counts this replaced, B would only count 1 and
 * C would list nothing.
 */

const MAX_ATTEMPTS = 3;
const context = { actor: 'user:admin', correlationId: 'parking-lot-instances' };

const poison = (eventId: string) => ({ eventId, position: '7', streamName: 'company-x', eventType: 'CompanyRegistered' });
const fail = () => Promise.reject(new Error('poison'));

async function scenario(open: () => EventStore): Promise<void> {
  const subscriber = `policy:instances-${randomUUID().slice(0, 8)}`;
  const eventId = randomUUID();
  const lotOn = (events: EventStore): ParkingLot => createParkingLots({ events, maxAttempts: MAX_ATTEMPTS }).open(subscriber, async () => {});
  const [storeA, storeB, storeC] = [open(), open(), open()];
  const [a, b, c] = [lotOn(storeA), lotOn(storeB), lotOn(storeC)];
  assert.equal(await b.parked(), [], 'nothing parked at start');

  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
    await a.guard(poison(eventId), fail).then(
      () => assert.unreachable('a failure before the last attempt is thrown'),
      (error: unknown) => assert.is((error as Error).message, 'poison'),
    );
  }
  assert.equal(await a.parked(), [], 'not parked before the last attempt');
  await storeA.close();

  // B was running all along, with no failure of its own: the count is the store's, not A's memory.
  assert.is(await b.guard(poison(eventId), fail), 'parked', 'B parks the event on the third failure in all');
  const restartedA = open();
  for (const [who, lot] of [['B', b], ['C', c], ['A restarted', lotOn(restartedA)]] as const) {
    const parked = await lot.parked();
    assert.equal(parked.map((p) => [p.eventId, p.attempts]), [[eventId, MAX_ATTEMPTS]], `${who} lists the parked event with its three attempts`);
  }
  assert.is(await lotOn(restartedA).guard(poison(eventId), fail), 'settled', 'a replay on another instance passes the parked event over');

  const settle = commandHandlerFor({ store: storeC, decider: parkedDecider, stream: streams.parked, mustExist: true });
  await settle.run(subscriber, { type: 'Skip', data: { subscriber, eventId, by: 'user:admin', reason: '原因調査済み', at: new Date().toISOString() } }, context);
  for (const [who, lot] of [['B', b], ['C', c]] as const) assert.equal(await lot.parked(), [], `the skip recorded on C's store leaves the list of ${who}`);
  await Promise.all([storeB.close(), storeC.close(), restartedA.close()]);
}

test('SQLite: two connections to one file share the parked list and the failure count', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sss-parking-')), 'events.db');
  await scenario(() => openSqliteEventStore(path));
});

test('EventStoreDB (stand-in in CI): two clients share the parked list and the failure count', async () => {
  const url = process.env.EVENTSTORE_URL;
  if (!url) throw new Error('EVENTSTORE_URL is not set: run through `npm run test:only -- parking-lot-instances` (which starts the EventStoreDB stand-in)');
  await scenario(() => openEsdbEventStore(url));
});

test.run();
