import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { Projection } from '../../src/projector/projection.ts';
import { startReadModels } from '../../src/projector/runtime.ts';
import { PROJECTIONS_COLLECTION, readPointer } from '../../src/projector/namespaces.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

/**
 * Versioned projections on every read store: a data directory from before versions upgrades itself
 * (its documents adopted as version 1 under their plain names), a new version is built into its own
 * collections and switched to with the pointer, the old collections and their versions are dropped,
 * and a build interrupted by a restart resumes from its own checkpoint.
 */

const tallies = (version: number, factor: number): Projection => ({
  name: 'tally',
  version,
  collections: { tallies: [{ keys: { sum: 1 } }] },
  async project(event, docs) {
    const n = (event.data as { n: number }).n;
    const doc = (await docs.get('tallies', event.streamName)) ?? { _id: event.streamName, sum: 0 };
    return [{ op: 'put', collection: 'tallies', doc: { _id: doc._id, sum: (doc.sum as number) + n * factor, version } }];
  },
});

const sumOf = async (store: ReadStore, id: string) => (await store.get('tallies', id))?.sum;

for (const kind of readStoreKinds()) {
  test(`${kind.name}: an older data directory upgrades itself, a new version is built beside it and switched to`, async () => {
    const raw = await kind.open('rebuild');
    const events = memoryEventLog();
    for (let i = 1; i <= 40; i++) events.push(`s-${i % 4}`, 'Counted', { n: i });
    // What an older build left: documents and a checkpoint under the plain names, and no pointer.
    const legacy = await startReadModels(events, raw, [tallies(1, 1)]);
    await waitUntil('version 1 to catch up', () => legacy.waitFor('tally', 40n, 10));
    await legacy.stop();
    await raw.drop(PROJECTIONS_COLLECTION);
    assert.is(await readPointer(raw, 'tally'), null);

    const adopted = await startReadModels(events, raw, [tallies(1, 1)]);
    const pointer = await readPointer(raw, 'tally');
    assert.equal([pointer?.current.version, pointer?.current.collections, pointer?.target], [1, { tallies: 'tallies' }, null], 'adopted as version 1 under the plain names');
    assert.equal((await adopted.rebuilds.status())[0]!.rebuild, null, 'the same version rebuilds nothing');
    assert.is(await sumOf(adopted.store, 's-0'), 4 + 8 + 12 + 16 + 20 + 24 + 28 + 32 + 36 + 40);
    await adopted.stop();

    const bumped = await startReadModels(events, raw, [tallies(2, 10)]);
    // Version 1 answers until version 2 has caught up; then version 2, from its own collection.
    const v1 = await sumOf(bumped.store, 's-0');
    assert.ok(v1 === 220 || v1 === 2200, `one version or the other, never a mixture: ${String(v1)}`);
    events.push('s-0', 'Counted', { n: 1000 });
    await waitUntil('version 2 to serve', async () => (await bumped.rebuilds.status())[0]!.version === 2);
    assert.is(await bumped.waitFor('tally', 41n, 5000), true);
    assert.is(await sumOf(bumped.store, 's-0'), 12_200);
    assert.equal((await readPointer(raw, 'tally'))?.current.collections, { tallies: 'tallies@v2' });
    await waitUntil('the old collection to be dropped', async () => (await raw.count('tallies')) === 0);
    assert.is(await raw.count('tallies@v2'), 4);
    const asOf = await bumped.store.asOf({ position: 4n });
    assert.is(await sumOf(asOf.store, 's-0'), 40, 'the rebuilt version has the whole history');
    await bumped.stop();
    await raw.close();
  });

  test(`${kind.name}: a build interrupted by a restart is taken up again, or dropped when the code went back`, async () => {
    const raw = await kind.open('resume');
    const events = memoryEventLog();
    for (let i = 1; i <= 20; i++) events.push(`s-${i % 2}`, 'Counted', { n: i });
    const first = await startReadModels(events, raw, [tallies(1, 1)]);
    await waitUntil('version 1 to catch up', () => first.waitFor('tally', 20n, 10));
    await first.stop();

    // Version 2 cannot finish (its projection waits for ever) and the process stops meanwhile.
    const never = new Promise<never>(() => {});
    const stuck: Projection = { ...tallies(2, 10), project: () => never };
    const interrupted = await startReadModels(events, raw, [stuck]);
    assert.is((await readPointer(raw, 'tally'))?.target?.tag, 'v2');
    assert.is(await sumOf(interrupted.store, 's-0'), 110, 'version 1 serves meanwhile');
    await interrupted.stop();

    // Back to version 1: the unfinished build is not resumed, and its collection goes.
    const rolledBack = await startReadModels(events, raw, [tallies(1, 1)]);
    assert.is((await readPointer(raw, 'tally'))?.target, null);
    assert.equal((await rolledBack.rebuilds.status())[0]!.rebuild, null);
    await rolledBack.stop();

    const again = await startReadModels(events, raw, [stuck]);
    await again.stop();
    const resumed = await startReadModels(events, raw, [tallies(2, 10)]);
    assert.is((await resumed.rebuilds.status())[0]!.rebuild?.tag, 'v2', 'the build under way is taken up, not started under new names');
    await waitUntil('version 2 to serve', async () => (await resumed.rebuilds.status())[0]!.version === 2);
    assert.is(await sumOf(resumed.store, 's-0'), 1100);
    await resumed.stop();
    await raw.close();
  });
}

test('stop() waits for a switch-over still dropping the old collections, so nothing touches a closed store', async () => {
  const raw = await readStoreKinds()[0]!.open('switch-stop');
  const events = memoryEventLog();
  for (let i = 1; i <= 10; i++) events.push(`s-${i % 2}`, 'Counted', { n: i });
  const first = await startReadModels(events, raw, [tallies(1, 1)]);
  await waitUntil('version 1 to catch up', () => first.waitFor('tally', 10n, 10));
  await first.stop();
  // The old collection's drop is held until the test lets it go; a closed store refuses every call
  // (as the MongoDB driver does after close), and a refusal nobody awaits would crash the process.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let closed = false;
  const guarded: ReadStore = new Proxy(raw, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (key === 'drop' && args[0] === 'tallies') await held;
        if (closed) throw new Error(`${String(key)} on a closed store`);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const bumped = await startReadModels(events, guarded, [tallies(2, 10)]);
  await waitUntil('version 2 to serve', async () => (await bumped.rebuilds.status())[0]!.version === 2);
  let stopped = false;
  const stopping = bumped.stop().then(() => (stopped = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.is(stopped, false, 'stop() is still waiting for the drop');
  release();
  await stopping;
  closed = true;
  assert.is(await raw.count('tallies'), 0, 'the old collection went before stop() returned');
  await raw.close();
});

test.run();
