import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openMongoReadStore } from '../../src/store/mongo-read-store.ts';
import { startProjector } from '../../src/projector/projector.ts';
import { countingProjection } from '../support/counting-projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';

/**
 * Issue #17: a projector's checkpoint in the read store is fenced by its lease's token. Two read
 * instances on one MongoDB read store: A projects under token 1, then B takes over under token 2
 * and claims the checkpoint. A, deposed but still running (a pause, a batch in flight), can move
 * the checkpoint neither backwards nor forwards; B's writes go through. Before, the checkpoint was
 * an unconditional replace: the last writer won, whoever it was.
 */

const url = process.env.MONGODB_URL;
if (!url) throw new Error('MONGODB_URL is not set: run through `npm run test:only -- checkpoint-fencing` (it starts FerretDB)');

test('MongoDB: a deposed projector leader cannot move its checkpoint', async () => {
  const database = `t_fence_${randomUUID().slice(0, 8)}`;
  const events = memoryEventLog();
  const [storeA, storeB] = [await openMongoReadStore({ url, database }), await openMongoReadStore({ url, database })];
  const name = countingProjection.name;
  for (let i = 1; i <= 10; i++) events.push(`s-${i % 3}`, 'Numbered', { n: i });
  const a = await startProjector({ events, store: storeA, projection: countingProjection, token: 1n });
  assert.ok(await a.waitFor(10n, 10_000), 'A reaches the head under token 1');

  const b = await startProjector({ events, store: storeB, projection: countingProjection, token: 2n });
  for (let i = 11; i <= 20; i++) events.push(`s-${i % 3}`, 'Numbered', { n: i });
  assert.ok(await b.waitFor(20n, 10_000), 'B reaches the head under token 2');

  const backwards = await storeA.apply([], { name, position: 5n, token: 1n }).then(() => null, (error: unknown) => error);
  assert.instance(backwards, Error, "a write with A's token is refused");
  assert.match(String(backwards), /fencing token 1 refused/);
  const forwards = await storeA.apply([], { name, position: 99n, token: 1n }).then(() => null, (error: unknown) => error);
  assert.instance(forwards, Error, "A cannot move it forwards either");
  assert.is(await storeB.getCheckpoint(name), 20n, "the checkpoint is B's");
  await storeB.apply([], { name, position: 20n, token: 3n });
  assert.is(await storeB.getCheckpoint(name), 20n, 'a greater token writes');

  await Promise.all([a.stop(), b.stop()]);
  await storeB.dropDatabase();
  await Promise.all([storeA.close(), storeB.close()]);
});

test.run();
