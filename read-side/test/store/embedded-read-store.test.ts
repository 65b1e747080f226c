import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readStoreConformance } from '../../src/store/conformance.ts';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'sss-rs-'));
readStoreConformance('embedded', async () => openEmbeddedReadStore(join(dir(), 'read.db')));
// The same answers when no document stays in memory: every read goes to SQLite, every index holds keys only.
readStoreConformance('embedded, no document cache', async () => openEmbeddedReadStore(join(dir(), 'read.db'), { cacheBytes: 0 }));
// And when every count, aggregation and unindexed sort reads only the fields it needs (large collections do).
readStoreConformance('embedded, fields read alone', async () => openEmbeddedReadStore(join(dir(), 'read.db'), { cacheBytes: 0, partialAbove: 0 }));
// And when the cache keeps a few documents and evicts the rest as it goes.
readStoreConformance('embedded, a cache of a few documents', async () => openEmbeddedReadStore(join(dir(), 'read.db'), { cacheBytes: 400 }));

test('embedded: documents and checkpoints survive a reopen', async () => {
  const path = join(dir(), 'read.db');
  const first = openEmbeddedReadStore(path);
  await first.apply([{ op: 'put', collection: 'companies', doc: { _id: 'a', name: 'アルファ' } }], { name: 'p', position: 7n });
  await first.close();
  const second = openEmbeddedReadStore(path);
  assert.equal(await second.get('companies', 'a'), { _id: 'a', name: 'アルファ' });
  assert.is(await second.getCheckpoint('p'), 7n);
  await second.close();
});

test('embedded: a returned document is a copy', async () => {
  const store = openEmbeddedReadStore(join(dir(), 'read.db'));
  await store.apply([{ op: 'put', collection: 'c', doc: { _id: 'a', tags: ['x'] } }]);
  const doc = await store.get('c', 'a');
  (doc!.tags as string[]).push('y');
  assert.equal((await store.get('c', 'a'))!.tags, ['x']);
  await store.close();
});

test('embedded: after a reopen an index is built from the file and serves sorted pages', async () => {
  const path = join(dir(), 'read.db');
  const first = openEmbeddedReadStore(path);
  const docs = Array.from({ length: 50 }, (_, i) => ({ _id: `p${String(i).padStart(2, '0')}`, status: i % 3 === 0 ? 'completed' : 'active', projectNumber: (i * 7) % 50, months: [{ m: i }] }));
  await first.apply(docs.map((doc) => ({ op: 'put' as const, collection: 'projects', doc })));
  await first.close();
  const second = openEmbeddedReadStore(path, { cacheBytes: 0 });
  await second.ensureIndexes('projects', [{ keys: { status: 1, projectNumber: -1 } }]);
  const expected = docs.filter((d) => d.status === 'completed').sort((a, b) => b.projectNumber - a.projectNumber);
  assert.equal(await second.find('projects', { status: 'completed' }, { sort: { projectNumber: -1 }, skip: 2, limit: 5 }), expected.slice(2, 7));
  assert.is(await second.count('projects', { status: 'completed' }), expected.length);
  // A change after the index was built moves the document in it.
  await second.apply([{ op: 'put', collection: 'projects', doc: { ...docs[0]!, projectNumber: 99 } }]);
  assert.equal((await second.find('projects', { status: 'completed' }, { sort: { projectNumber: -1 }, limit: 1 }))[0]!.projectNumber, 99);
  await second.close();
});

test('embedded: a failed apply undoes only itself; the applies before it are kept through a reopen', async () => {
  const path = join(dir(), 'read.db');
  const store = openEmbeddedReadStore(path);
  await store.apply([{ op: 'put', collection: 'c', doc: { _id: 'a', n: 1 } }], { name: 'p', position: 1n });
  // JSON cannot hold a bigint: the write throws inside the apply's transaction.
  const failed = await store.apply([{ op: 'put', collection: 'c', doc: { _id: 'a', n: 2 } }, { op: 'put', collection: 'c', doc: { _id: 'b', n: 10n } }], { name: 'p', position: 2n }).then(
    () => null,
    (error: unknown) => error,
  );
  assert.instance(failed, TypeError);
  assert.equal(await store.get('c', 'a'), { _id: 'a', n: 1 });
  assert.is(await store.get('c', 'b'), null);
  assert.is(await store.getCheckpoint('p'), 1n);
  await store.close();
  const reopened = openEmbeddedReadStore(path);
  assert.equal(await reopened.get('c', 'a'), { _id: 'a', n: 1 });
  assert.is(await reopened.getCheckpoint('p'), 1n);
  await reopened.close();
});

test.run();
