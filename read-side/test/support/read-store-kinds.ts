import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';
import { openMongoReadStore } from '../../src/store/mongo-read-store.ts';

/**
 * Every read-store adapter a read-side test should run on. MongoDB needs MONGODB_URL (the test
 * runner starts FerretDB and sets it); without it the test fails loudly instead of skipping.
 */
export function readStoreKinds(): Array<{ name: string; open(label: string): Promise<ReadStore> }> {
  const url = process.env.MONGODB_URL;
  return [
    { name: 'embedded', open: async () => openEmbeddedReadStore(join(mkdtempSync(join(tmpdir(), 'sss-rs-')), 'read.db')) },
    {
      name: 'mongodb',
      async open(label) {
        if (!url) throw new Error('MONGODB_URL is not set: run through `npm test` (it starts FerretDB) or point it at a MongoDB server');
        return openMongoReadStore({ url, database: `t_${label.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}` });
      },
    },
  ];
}
