import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Doc, IndexSpec, ReadStore } from '@sss/contracts/ports/read-store';
import { readStoreConformance } from '../../src/store/conformance.ts';
import { CHECKPOINTS_COLLECTION, openMongoReadStore } from '../../src/store/mongo-read-store.ts';

/**
 * The MongoDB read store against a real server: FerretDB v1 in CI (started by the test runner), real
 * MongoDB whenever MONGODB_URL points at one. Without a server this file fails; it never skips.
 */
const url = process.env.MONGODB_URL;
if (url === undefined || url === '') {
  throw new Error(
    'MONGODB_URL is not set: run this through `npm test` (infra/src/test/run-all.ts starts FerretDB), or start one with ' +
      '`node --import tsx infra/src/servers/ferretdb-cli.ts start` and export the URL it prints.',
  );
}
const serverUrl: string = url;

// One database per test file (and per run), so parallel files and reruns never see each other's data.
const database = `sss_test_mongo_read_store_${process.pid}_${randomUUID().slice(0, 8)}`;
const open = (): Promise<ReadStore> => openMongoReadStore({ url: serverUrl, database });

readStoreConformance('mongodb', open);

const unique = (prefix: string): string => `${prefix}_${randomUUID().slice(0, 8)}`;

test('mongodb: the checkpoint is a decimal string in _checkpoints (no unsigned 64-bit type on the server)', async () => {
  const store = await open();
  try {
    const name = unique('proj');
    await store.apply([], { name, position: 2n ** 63n - 1n });
    assert.equal(await store.get(CHECKPOINTS_COLLECTION, name), { _id: name, position: '9223372036854775807' });
    assert.is(await store.getCheckpoint(name), 2n ** 63n - 1n);
  } finally {
    await store.close();
  }
});

test('mongodb: a failed batch writes no checkpoint, and replaying it converges (documents first, checkpoint last)', async () => {
  const store = await open();
  try {
    const c = unique('orders');
    const name = unique('proj');
    await store.ensureIndexes(c, [{ keys: { number: 1 }, unique: true }]);
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'o1', number: 'A-1', position: 1 } }], { name, position: 1n });

    // o3 collides with o1 on the unique number, so the batch dies half way, like a crash would.
    const batch = [
      { op: 'put' as const, collection: c, doc: { _id: 'o2', number: 'A-2', position: 2 } },
      { op: 'put' as const, collection: c, doc: { _id: 'o3', number: 'A-1', position: 3 } },
    ];
    let failed = false;
    await store.apply(batch, { name, position: 3n }).catch(() => (failed = true));
    assert.ok(failed, 'the unique index must reject o3');
    assert.is(await store.getCheckpoint(name), 1n, 'the checkpoint must not move past a failed write');
    // No transactions: what was written before the failure stays, which is why documents carry positions.
    assert.equal(await store.get(c, 'o2'), { _id: 'o2', number: 'A-2', position: 2 });
    assert.is(await store.get(c, 'o3'), null);

    // The replayed batch (with the conflict resolved upstream) overwrites o2 idempotently and moves on.
    const fixed = [batch[0]!, { op: 'put' as const, collection: c, doc: { _id: 'o3', number: 'A-3', position: 3 } }];
    await store.apply(fixed, { name, position: 3n });
    assert.is(await store.getCheckpoint(name), 3n);
    assert.equal((await store.find(c, {}, { sort: { number: 1 } })).map((d) => d._id), ['o1', 'o2', 'o3']);
  } finally {
    await store.close();
  }
});

test('mongodb: within one batch the last change to a document wins', async () => {
  // apply reduces a batch to the final change per document before writing; this pins that down.
  const store = await open();
  try {
    const c = unique('net');
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'old', v: 0 } }]);
    await store.apply([
      { op: 'put', collection: c, doc: { _id: 'a', v: 1 } },
      { op: 'put', collection: c, doc: { _id: 'a', v: 2 } },
      { op: 'put', collection: c, doc: { _id: 'b', v: 1 } },
      { op: 'delete', collection: c, id: 'b' },
      { op: 'delete', collection: c, id: 'old' },
      { op: 'put', collection: c, doc: { _id: 'old', v: 3 } },
      { op: 'delete', collection: c, id: 'never-existed' },
    ]);
    assert.equal(await store.find(c), [
      { _id: 'a', v: 2 },
      { _id: 'old', v: 3 },
    ]);
  } finally {
    await store.close();
  }
});

test('mongodb: a batch may replace more than 100 existing documents', async () => {
  // FerretDB v1.24 stalls on one update command with about 100 matching statements; the adapter splits.
  const store = await open();
  try {
    const c = unique('many');
    const put = (v: number) => Array.from({ length: 150 }, (_, i) => ({ op: 'put' as const, collection: c, doc: { _id: `d${i}`, v } }));
    await store.apply(put(1));
    await store.apply(put(2), { name: unique('proj'), position: 2n });
    assert.is(await store.count(c, { v: 2 }), 150);
  } finally {
    await store.close();
  }
});

test('mongodb: groupSum adds several fields, groups by dotted paths, and treats a missing key as null', async () => {
  // FerretDB v1.24 computes only the first accumulator of a $group; this guards the workaround.
  const store = await open();
  try {
    const c = unique('sales');
    const docs: Doc[] = [
      { _id: 'a', org: { code: 'BS1' }, money: { plan: 100, actual: 90 }, effort: 1 },
      { _id: 'b', org: { code: 'BS1' }, money: { plan: 3_000_000_000, actual: 60 }, effort: 2 },
      { _id: 'c', org: { code: null }, money: { plan: 7, actual: 1.5 }, effort: 3 },
      { _id: 'd', money: { plan: 1, actual: 1 }, effort: 4 },
    ];
    await store.apply(docs.map((doc) => ({ op: 'put' as const, collection: c, doc })));
    const rows = await store.groupSum(c, {}, { by: ['org.code'], sum: ['money.plan', 'money.actual', 'effort'] });
    const byOrg = Object.fromEntries(rows.map((r) => [String(r.key['org.code']), { count: r.count, ...r.sums }]));
    assert.equal(byOrg, {
      BS1: { count: 2, 'money.plan': 3_000_000_100, 'money.actual': 150, effort: 3 },
      null: { count: 2, 'money.plan': 8, 'money.actual': 2.5, effort: 7 },
    });
  } finally {
    await store.close();
  }
});

test('mongodb: compound and unique indexes can be ensured together', async () => {
  // One createIndexes request carrying both makes FerretDB v1.24 panic; the adapter sends one each.
  const store = await open();
  try {
    const c = unique('projects');
    const indexes: IndexSpec[] = [{ keys: { companyId: 1, updatedAt: -1 } }, { keys: { code: 1 }, unique: true }];
    await store.ensureIndexes(c, indexes);
    await store.ensureIndexes(c, indexes);
    await store.apply([{ op: 'put', collection: c, doc: { _id: 'p1', code: 'P1', companyId: 'c1', updatedAt: '2025-04-01' } }]);
    assert.is(await store.count(c, { companyId: 'c1' }), 1);
  } finally {
    await store.close();
  }
});

test('mongodb: bigint fields round-trip exactly', async () => {
  const store = await open();
  try {
    const c = unique('stamped');
    const doc: Doc = { _id: 'x', position: 2n ** 62n + 1n, amount: 12 };
    await store.apply([{ op: 'put', collection: c, doc }]);
    assert.equal(await store.get(c, 'x'), doc);
    assert.equal(await store.find(c, { _id: 'x' }), [doc]);
  } finally {
    await store.close();
  }
});

// Leave nothing behind on a long-lived server (real MongoDB); FerretDB's temp dir goes anyway.
test.after(async () => {
  const store = await openMongoReadStore({ url: serverUrl, database });
  await store.dropDatabase();
  await store.close();
});

test.run();
