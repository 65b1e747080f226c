import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Change, Doc, Filter } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';

/**
 * As of a moment, the embedded store lets SQLite check a filter's equalities on the past states'
 * JSON before parsing them (sqlite-versions.ts `prefilterOf`). MongoDB equality has corners the
 * JSON text does not show at a glance: a value inside an array matches, numbers match across
 * integer and decimal spelling, `$eq` is an equality too, dotted paths reach into sub-documents.
 * Each filter here is answered as of a moment where every document has changed since, so every
 * answer comes from the prefiltered past states, and must equal the same filter over those states
 * held in memory (sift, as the live store answers).
 */

const past: Doc[] = [
  { _id: 'a', status: 'completed', tags: ['x', 'y'], n: 1, nested: { kind: 'k1' }, flag: true },
  { _id: 'b', status: 'proposing', tags: 'x', n: 1.5, nested: { kind: 'k2' }, flag: false },
  { _id: 'c', status: 'completed', tags: ['z'], n: 2, nested: [{ kind: 'k1' }], flag: null },
  { _id: 'd', status: ['completed', 'ordered'], tags: [], n: 1, nested: null },
];

const filters: Filter[] = [
  { status: 'completed' },
  { $and: [{ status: 'completed' }, { n: 1 }] },
  { tags: 'x' },
  { n: 1 },
  { n: { $eq: 1.5 } },
  { 'nested.kind': 'k1' },
  { flag: true },
  { flag: null },
  { status: 'completed', n: { $gte: 1 } },
  { status: "it's" },
];

test('as of a moment, prefiltered past states answer every filter as the states themselves do', async () => {
  const store = openEmbeddedReadStore(':memory:');
  const put = (doc: Doc, at: bigint): Change => ({ op: 'put', collection: 'c', doc, at });
  await store.apply(past.map((doc) => put(doc, 1n)), undefined, [{ position: 1n, time: '2026-01-01T00:00:00.000Z' }]);
  await store.apply(past.map((doc) => put({ _id: doc._id, status: 'gone', n: 99 }, 2n)), undefined, [{ position: 2n, time: '2026-01-02T00:00:00.000Z' }]);
  const memory = openEmbeddedReadStore(':memory:');
  await memory.apply(past.map((doc) => ({ op: 'put' as const, collection: 'c', doc })));
  const view = (await store.asOf({ position: 1n })).store;
  for (const filter of filters) {
    const expected = (await memory.find('c', filter, { sort: { _id: 1 } })).map((doc) => doc._id);
    assert.equal((await view.find('c', filter, { sort: { _id: 1 } })).map((doc) => doc._id), expected, JSON.stringify(filter));
    assert.is(await view.count('c', filter), expected.length, JSON.stringify(filter));
  }
  // And the live store still answers the present.
  assert.is(await store.count('c', { status: 'gone' }), 4);
  await store.close();
  await memory.close();
});

test.run();
