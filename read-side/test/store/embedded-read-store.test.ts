import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readStoreConformance } from '../../src/store/conformance.ts';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'sss-rs-'));
readStoreConformance('embedded', async () => openEmbeddedReadStore(join(dir(), 'read.db')));

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

test.run();
