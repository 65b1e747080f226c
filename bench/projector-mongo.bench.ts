/**
 * What the MongoDB read store costs on top of the driver: N documents written with one raw bulkWrite
 * of inserts versus the same documents through MongoReadStore.apply in projector-sized batches, each
 * followed by its checkpoint write (the price of crash safety without transactions), both for new
 * documents (a rebuild) and for existing ones (steady state). Against FerretDB v1 on
 * SQLite unless MONGODB_URL points elsewhere, so the figures describe the test server, not production.
 *
 *   node --import tsx bench/projector-mongo.bench.ts
 */
import { pathToFileURL } from 'node:url';
import { MongoClient } from 'mongodb';
import type { Change, Doc } from '@sss/contracts/ports/read-store';
import { openMongoReadStore } from '@sss/read-side/store/mongo-read-store';
import { buildFerretDbRunner, startFerretDb, type FerretDbServer } from '@sss/infra/servers/ferretdb';

const N = Number(process.env.BENCH_MONGO_DOCS ?? 5_000);
const BATCH = 500;
/** Quadratic (naive upserts) or slow per document (replaces) on FerretDB v1: measured on fewer docs. */
const NAIVE_N = Math.min(N, 1_000);
const EXISTING_N = Math.min(N, 1_000);
const COLLECTION = 'projects';

/** Shaped like a 案件 list row with its month→effort grid, so document size is realistic (~1 KB). */
function makeDocs(): Doc[] {
  const docs: Doc[] = [];
  for (let i = 0; i < N; i++) {
    const months: Record<string, string> = {};
    for (let m = 1; m <= 12; m++) months[`2025-${String(m).padStart(2, '0')}`] = ((i % 7) * 0.1 + m * 0.05).toFixed(2);
    docs.push({
      _id: `project-${String(i).padStart(6, '0')}`,
      name: `基幹システム更改 第${i}期`,
      companyId: `company-${i % 50}`,
      status: ['提案', '見積', '受注', '完了'][i % 4],
      amountYen: 1_000_000 + i * 1_000,
      ownerId: `user-${i % 20}`,
      months,
      tags: ['保守', `区分${i % 3}`],
      updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      position: String(i + 1),
    });
  }
  return docs;
}

const rate = (count: number, ms: number): number => Math.round((count / ms) * 1000);

export async function run(): Promise<Record<string, number | string>> {
  let server: FerretDbServer | null = null;
  let url = process.env.MONGODB_URL;
  if (url === undefined || url === '') {
    buildFerretDbRunner();
    server = await startFerretDb();
    url = server.url;
  }
  const suffix = `${process.pid}_${Date.now()}`;
  const rawDb = `bench_raw_${suffix}`;
  const storeDb = `bench_store_${suffix}`;
  const docs = makeDocs();
  const client = new MongoClient(url, { retryWrites: false });
  await client.connect();
  const store = await openMongoReadStore({ url, database: storeDb });
  const timed = async (phase: string, work: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await work();
    const ms = performance.now() - start;
    // Progress on stderr: a slow server shows where the time goes before the table arrives.
    console.error(`projector-mongo: ${phase} ${Math.round(ms)} ms`);
    return ms;
  };
  const applyAll = async (count: number): Promise<void> => {
    for (let from = 0; from < count; from += BATCH) {
      const batch = docs.slice(from, Math.min(from + BATCH, count));
      const changes: Change[] = batch.map((doc) => ({ op: 'put', collection: COLLECTION, doc }));
      await store.apply(changes, { name: 'bench', position: BigInt(from + batch.length) });
    }
  };
  try {
    // Raw baseline: plain inserts into an empty collection, one ordered bulkWrite (the driver splits it).
    const raw = client.db(rawDb).collection<Doc>(COLLECTION);
    const rawMs = await timed('raw insert', () => raw.bulkWrite(docs.map((doc) => ({ insertOne: { document: doc } })), { ordered: true }));

    // What a naive adapter would send: replace-upserts of new documents. FerretDB v1 scans the whole
    // collection for each, so this is quadratic; measured on fewer documents to stay bounded.
    const naive = client.db(rawDb).collection<Doc>(`${COLLECTION}_naive`);
    const naiveDocs = docs.slice(0, NAIVE_N);
    const naiveMs = await timed('raw replace-upsert of new docs', () =>
      naive.bulkWrite(
        naiveDocs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } })),
        { ordered: true },
      ),
    );

    // The adapter as a projector uses it: batches of 500, each followed by its checkpoint. First a
    // rebuild into an empty collection (inserts), then some of the same documents again (replaces,
    // each a collection scan on FerretDB v1, so slower the bigger the collection).
    const insertMs = await timed('apply new docs', () => applyAll(N));
    const replaceMs = await timed('apply existing docs', () => applyAll(EXISTING_N));

    // Guard against measuring something that did not happen.
    const [rawCount, storeCount] = [await raw.countDocuments(), await store.count(COLLECTION)];
    if (rawCount !== N || storeCount !== N) throw new Error(`expected ${N} docs, got raw ${rawCount}, store ${storeCount}`);
    if ((await store.getCheckpoint('bench')) !== BigInt(EXISTING_N)) throw new Error('checkpoint did not reach the last batch');

    const rawDocsPerSec = rate(N, rawMs);
    const applyInsertDocsPerSec = rate(N, insertMs);
    return {
      server: server === null ? url : 'FerretDB v1.24.2 (SQLite), started by the bench',
      docs: N,
      batch: BATCH,
      rawInsertBulkWriteDocsPerSec: rawDocsPerSec,
      [`rawReplaceUpsertNewDocsPerSec(N=${NAIVE_N})`]: rate(NAIVE_N, naiveMs),
      applyNewDocsWithCheckpointsDocsPerSec: applyInsertDocsPerSec,
      [`applyExistingDocsWithCheckpointsDocsPerSec(N=${EXISTING_N})`]: rate(EXISTING_N, replaceMs),
      applyNewToRawRatio: Number((applyInsertDocsPerSec / rawDocsPerSec).toFixed(2)),
    };
  } finally {
    await client.db(rawDb).dropDatabase().catch(() => undefined);
    await store.dropDatabase().catch(() => undefined);
    await store.close();
    await client.close().catch(() => undefined);
    await server?.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (figures) => console.table(figures),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
