import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, Doc, ReadStore } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';

/**
 * The embedded store caches, per (collection, position), the past states of the documents changed
 * since (sqlite-versions.ts `thenSince`). The property test asks every moment only after the last
 * write; these ask a moment, write, and ask it again, so a cache that missed later changes, or kept
 * past states a re-projection rewrote, answers differently from the versions themselves (`get`).
 */

const put = (doc: Doc, at: bigint): Change => ({ op: 'put', collection: 'c', doc, at });
const time = (position: bigint) => ({ position, time: new Date(Date.UTC(2026, 0, 1, 0, 0, Number(position))).toISOString() });

async function apply(store: ReadStore, change: Change) {
  await store.apply([change], undefined, [time(change.at!)]);
}

async function pageAt(store: ReadStore, position: bigint) {
  const view = (await store.asOf({ position })).store;
  const page = await view.find('c', { kind: 'x' }, { sort: { rank: 1 }, limit: 2 });
  const count = await view.count('c', { kind: 'x' });
  const sums = await view.groupSum('c', { kind: 'x' }, { by: ['kind'], sum: ['rank'] });
  return { ids: page.map((doc) => `${doc._id}:${String(doc.rank)}`), count, sums: sums.map((row) => [row.count, row.sums.rank]) };
}

test('a cached moment sees documents changed after it was first asked', async () => {
  const store = openEmbeddedReadStore(':memory:');
  await store.ensureIndexes('c', [{ keys: { kind: 1, rank: 1 } }]);
  await apply(store, put({ _id: 'a', kind: 'x', rank: 1 }, 1n));
  await apply(store, put({ _id: 'b', kind: 'x', rank: 2 }, 2n));
  await apply(store, put({ _id: 'c', kind: 'x', rank: 3 }, 3n));
  assert.equal(await pageAt(store, 2n), { ids: ['a:1', 'b:2'], count: 2, sums: [[2, 3]] });
  // Both documents change after the cached moment: it must still answer them as they were.
  await apply(store, put({ _id: 'a', kind: 'x', rank: 10 }, 4n));
  await store.apply([{ op: 'delete', collection: 'c', id: 'b', at: 5n }], undefined, [time(5n)]);
  assert.equal(await pageAt(store, 2n), { ids: ['a:1', 'b:2'], count: 2, sums: [[2, 3]] });
  assert.equal(await pageAt(store, 5n), { ids: ['c:3', 'a:10'], count: 2, sums: [[2, 13]] });
  // A document already changed since the moment changes again: what it adds now must be recounted.
  await apply(store, put({ _id: 'c', kind: 'y', rank: 3 }, 6n));
  assert.equal(await pageAt(store, 2n), { ids: ['a:1', 'b:2'], count: 2, sums: [[2, 3]] });
  await store.close();
});

test('a version written at or before a cached moment replaces what the cache kept', async () => {
  const store = openEmbeddedReadStore(':memory:');
  await apply(store, put({ _id: 'a', kind: 'x', rank: 1 }, 1n));
  await apply(store, put({ _id: 'a', kind: 'x', rank: 5 }, 3n));
  const view = async () => (await store.asOf({ position: 2n })).store;
  assert.equal((await (await view()).find('c', {}, {})).map((doc) => doc.rank), [1]);
  // A re-projection writes the document's state at position 2 anew.
  await apply(store, put({ _id: 'a', kind: 'x', rank: 7 }, 2n));
  const then = await view();
  assert.equal((await then.find('c', {}, {})).map((doc) => doc.rank), [(await then.get('c', 'a'))!.rank]);
  await store.close();
});

test.run();
