import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decorate } from '@sss/contracts/ports/decorate';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { openMongoReadStore } from '../../src/store/mongo-read-store.ts';
import { guardAgainstPoison, type PoisonGuard } from '../../src/projector/poison.ts';
import type { Projection } from '../../src/projector/projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';

/**
 * Issue #15 on a split stack, the read side: two read instances on one MongoDB read store (each its
 * own client) share a projection's parked list and the failures counted towards parking. A fails
 * twice on an event and goes away; B, guarding since before, parks it on its own first failure, and
 * a guard opened afterwards (a restart) lists it too. On the in-memory list and count this replaced,
 * B would count 1 and rethrow, and B's list would stay empty.
 */

const url = process.env.MONGODB_URL;
if (!url) throw new Error('MONGODB_URL is not set: run through `npm run test:only -- poison-instances` (it starts FerretDB)');

const poisoned: Projection = {
  name: `poisoned-${randomUUID().slice(0, 8)}`,
  version: 1,
  collections: {},
  project: () => Promise.reject(new Error('cannot be projected')),
};

test('MongoDB: two read instances share a projection\'s parked list and failure count', async () => {
  const database = `t_poison_${randomUUID().slice(0, 8)}`;
  const log = memoryEventLog();
  // The parked stream is appended to as the event store does; this log takes pushes only.
  const events = decorate<EventStore>(log, {
    append: async (stream, appended) => {
      const last = appended.map((e) => log.push(stream, e.type, e.data)).at(-1)!;
      return { nextExpectedRevision: last.revision, position: last.position };
    },
  });
  const poison = log.push('company-x', 'CompanyRegistered', {});
  const [storeA, storeB, storeRestarted] = [await openMongoReadStore({ url, database }), await openMongoReadStore({ url, database }), await openMongoReadStore({ url, database })];
  const guardOn = (store: typeof storeA): Promise<PoisonGuard> => guardAgainstPoison(poisoned, { events, store, maxAttempts: 3 });
  const [a, b] = [await guardOn(storeA), await guardOn(storeB)];
  const reader = { get: async () => null };

  for (let attempt = 1; attempt <= 2; attempt++) {
    await Promise.resolve(a.projection.project(poison, reader)).then(
      () => assert.unreachable('a failure before the last attempt is thrown'),
      (error: unknown) => assert.is((error as Error).message, 'cannot be projected'),
    );
  }
  assert.equal(await b.parked(), [], 'not parked before the third failure');
  assert.equal(await b.projection.project(poison, reader), [], 'B parks it on the third failure in all, answering no change');
  for (const [who, guard] of [['A', a], ['B', b], ['a restarted instance', await guardOn(storeRestarted)]] as const) {
    assert.equal((await guard.parked()).map((p) => [p.eventId, p.attempts]), [[poison.metadata.eventId, 3]], `${who} lists the parked event`);
  }
  await storeRestarted.dropDatabase();
  await Promise.all([storeA.close(), storeB.close(), storeRestarted.close()]);
});

test.run();
