import { setImmediate as turn } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { startProjector } from '../../src/projector/projector.ts';
import { countingProjection } from '../support/counting-projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

/**
 * Catching up (projector.ts): the history is pulled from the log by pages (not pushed through the
 * subscription, which would buffer all of it), the documents a batch reads come in one getMany per
 * collection instead of one get each, and a batch is prepared while the one before is still being
 * written. The end equals what the events add up to, and the live path takes over from there.
 */

const EVENTS = 5_000;
/** Events per stream, in runs: each page reads streams the page before did not touch. */
const RUN = 100;
const BATCH = 500;

interface Seen {
  gets: number;
  getManys: number;
  applying: number;
  /** getMany calls made while an apply was still under way: the next batch read during a write. */
  readsDuringWrite: number;
}

function watched(store: ReadStore, seen: Seen): ReadStore {
  // The embedded store keeps documents in memory and offers no getMany; this one answers it from get.
  const getMany = store.getMany?.bind(store) ?? (async (collection: string, ids: readonly string[]) => (await Promise.all(ids.map((id) => store.get(collection, id)))).filter((doc) => doc !== null));
  return Object.assign(Object.create(store) as ReadStore, {
    async get(collection: string, id: string) {
      seen.gets++;
      return store.get(collection, id);
    },
    async getMany(collection: string, ids: readonly string[]) {
      seen.getManys++;
      if (seen.applying > 0) seen.readsDuringWrite++;
      return getMany(collection, ids);
    },
    async apply(...args: Parameters<ReadStore['apply']>) {
      seen.applying++;
      try {
        // A write that takes a while, as one over the network does.
        for (let i = 0; i < 20; i++) await turn();
        return await store.apply(...args);
      } finally {
        seen.applying--;
      }
    },
  });
}

for (const kind of readStoreKinds()) {
  test(`${kind.name}: catch-up pulls pages, prefetches each batch in one query and writes while the next batch is projected`, async () => {
    const log = memoryEventLog();
    let expectedSum = 0;
    for (let i = 1; i <= EVENTS; i++) {
      log.push(`s-${Math.floor(i / RUN)}`, 'Numbered', { n: i });
      expectedSum += i;
    }
    const subscribedFrom: bigint[] = [];
    const events: EventStore = Object.assign(Object.create(log) as EventStore, {
      subscribeAll: (after: bigint) => (subscribedFrom.push(after), log.subscribeAll(after)),
    });
    const raw = await kind.open('catch_up_pages');
    const seen: Seen = { gets: 0, getManys: 0, applying: 0, readsDuringWrite: 0 };
    const projector = await startProjector({ events, store: watched(raw, seen), projection: countingProjection, batchSize: BATCH });
    try {
      assert.ok(await projector.waitFor(BigInt(EVENTS), 60_000), 'caught up');
      // The whole history came by pages: the subscription starts at the head.
      assert.equal(subscribedFrom, [BigInt(EVENTS)]);
      // Every document a batch read was prefetched: no read one by one, at most a query per batch and probe round.
      assert.is(seen.gets, 0);
      assert.ok(seen.getManys > 0 && seen.getManys <= Math.ceil(EVENTS / BATCH) * 2, `getMany calls: ${seen.getManys}`);
      assert.ok(seen.readsDuringWrite > 0, 'a batch was prefetched while the one before was written');
      const total = await raw.get('tallies', 'TOTAL');
      assert.is(total?.count, EVENTS);
      assert.is(total?.sum, expectedSum);

      // Live from there: new events land too.
      log.push('s-live', 'Numbered', { n: 1 });
      assert.ok(await projector.waitFor(BigInt(EVENTS + 1), 30_000), 'followed live');
      assert.is((await raw.get('tallies', 'TOTAL'))?.count, EVENTS + 1);
      assert.is((await raw.get('tallies', 's-live'))?.sum, 1);
    } finally {
      await projector.stop();
      await raw.close();
    }
  });
}

test.run();
