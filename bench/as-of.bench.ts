/**
 * As-of reads on the generated store (see generated-store.ts; its size comes from BENCH_DATA_DIR or
 * BENCH_SEED_YEARS × BENCH_SEED_STAFF): the store is projected into the embedded read store, which
 * keeps versions as it goes (projection time, RSS and file size after), then the 案件一覧 page
 * (find + count, as `GET /api/projects` asks it) and the 月次売上予実 report (groupSum by month × org
 * unit, then the org names) are timed live and as of moments 10 %, 50 % and 90 % back in the log,
 * each as of-time / live-time (target ≤ 2), and the first list call at each moment (before the cache). A moment far back costs more: every document changed
 * since it is read from the versions (docs/as-of.md). Last, a restart: the file reopened, every projection resumed
 * from its checkpoint, and the first list (ready-after-restart seconds, RSS after it).
 * Runs alone with `node --import tsx bench/as-of.bench.ts`.
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Filter, ReadStore } from '@sss/contracts/ports/read-store';
import { openSqliteEventStore, type SqliteEventStore } from '../write-side/src/eventstore/sqlite-event-store.ts';
import { openEmbeddedReadStore } from '../read-side/src/store/embedded-read-store.ts';
import { startReadModels } from '../read-side/src/projector/runtime.ts';
import { allProjections } from '../read-side/src/projections.ts';
import { PROJECTS } from '../read-side/src/project/project-doc.ts';
import { planActual } from '../read-side/src/sales/reports.ts';
import { generatedStore } from './generated-store.ts';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const ITERATIONS = Number(process.env.BENCH_AS_OF_ITERATIONS ?? 50);

const LIST_FILTER: Filter = { $and: [{ status: 'completed' }] };
const LIST_PAGE = { sort: { projectNumber: -1 as const }, skip: 40, limit: 20 };

const list = (store: ReadStore) => Promise.all([store.find(PROJECTS, LIST_FILTER, LIST_PAGE), store.count(PROJECTS, LIST_FILTER)]);
const report = (store: ReadStore) => planActual(store, {});

/** Milliseconds per call, after one warm-up call (0 iterations: the time of that first call). */
async function msPerCall(call: () => Promise<unknown>, iterations = ITERATIONS): Promise<number> {
  if (iterations === 0) {
    const started = performance.now();
    await call();
    return performance.now() - started;
  }
  await call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await call();
  return (performance.now() - started) / iterations;
}

/** Seconds to read every event of the file in position order and parse its data and metadata (the store's own connection, no port). */
function rawReadAll(events: SqliteEventStore): number {
  const started = performance.now();
  let parsed = 0;
  for (const row of events.db.prepare<[], { data: string; metadata: string }>('SELECT * FROM events ORDER BY position').iterate()) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    parsed++;
  }
  if (parsed === 0) throw new Error('the generated store holds no events');
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<Record<string, number | string>> {
  const generated = await generatedStore();
  const events = openSqliteEventStore(join(generated.dataDir, 'events.db'));
  const head = await events.headPosition();
  const readPath = join(mkdtempSync(join(tmpdir(), 'sss-bench-asof-')), 'read.db');
  const readStore = openEmbeddedReadStore(readPath);

  // What a rebuild is measured against: every event read from the file and parsed, nothing else.
  const rawReadSeconds = rawReadAll(events);

  // The highest RSS while projecting (target < 1 GiB at about 1M events), sampled.
  let peakRss = process.memoryUsage().rss;
  const sampling = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const projectionStarted = performance.now();
  const readModels = await startReadModels(events, readStore, allProjections);
  for (const projection of allProjections) {
    if (!(await readModels.waitFor(projection.name, head, 60 * 60_000))) throw new Error(`projection ${projection.name} did not catch up`);
  }
  clearInterval(sampling);
  const projectionSeconds = (performance.now() - projectionStarted) / 1000;
  // A run on the 1M-event store takes long: say where it stands before the figures.
  console.error(`as-of: ${head} events projected in ${projectionSeconds.toFixed(1)} s (raw read ${rawReadSeconds.toFixed(1)} s), peak RSS ${Math.round(peakRss / 2 ** 20)} MiB`);
  const results: Record<string, number | string> = {
    events: Number(head),
    store: generated.seeded ? `${generated.years} years × ${generated.staff} staff` : generated.dataDir,
    projectionSeconds: round(projectionSeconds, 1),
    rawReadAllSeconds: round(rawReadSeconds, 1),
    'rebuild ÷ raw read of all events': round(projectionSeconds / rawReadSeconds),
    rssMiBPeakWhileProjecting: Math.round(peakRss / 2 ** 20),
    rssMiBAfterProjection: Math.round(process.memoryUsage().rss / 2 ** 20),
    readDbMiB: Math.round(statSync(readPath).size / 2 ** 20),
  };

  // The read models by their logical names (案件一覧 lives in `projects@v2`, not `projects`), as the routes read them.
  const served = readModels.store;
  const liveList = await msPerCall(() => list(served));
  const liveReport = await msPerCall(() => report(served));
  results.liveListMs = round(liveList, 3);
  results.liveReportMs = round(liveReport, 3);
  for (const back of [10, 50, 90]) {
    const position = (head * BigInt(100 - back)) / 100n;
    // The first request at a moment reads the past states of what changed since (then cached, docs/as-of.md).
    const asOfListFirst = await msPerCall(async () => list((await served.asOf({ position })).store), 0);
    // The whole request's work: resolving the moment, then the queries on the view.
    const asOfList = await msPerCall(async () => list((await served.asOf({ position })).store));
    const asOfReport = await msPerCall(async () => report((await served.asOf({ position })).store));
    results[`asOf${back}%BackListFirstMs`] = round(asOfListFirst, 3);
    results[`asOf${back}%BackListMs`] = round(asOfList, 3);
    results[`asOf${back}%BackListRatio`] = round(asOfList / liveList);
    results[`asOf${back}%BackReportMs`] = round(asOfReport, 3);
    results[`asOf${back}%BackReportRatio`] = round(asOfReport / liveReport);
  }
  await readModels.stop();
  await readStore.close();

  // A restart (issue #14 item 4: ready within 15 s on the 1M-event store): reopen the file, every
  // projection resumes from its checkpoint, then the first 案件一覧 page (its index is built from the file).
  const restartStarted = performance.now();
  const reopened = openEmbeddedReadStore(readPath);
  const restarted = await startReadModels(events, reopened, allProjections);
  for (const projection of allProjections) {
    if (!(await restarted.waitFor(projection.name, head, 60_000))) throw new Error(`projection ${projection.name} did not resume`);
  }
  results.readyAfterRestartSeconds = round((performance.now() - restartStarted) / 1000);
  results.firstListAfterRestartMs = round(await msPerCall(() => list(restarted.store), 0), 1);
  results.rssMiBAfterRestartAndFirstList = Math.round(process.memoryUsage().rss / 2 ** 20);
  await restarted.stop();
  await reopened.close();
  await events.close();
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
