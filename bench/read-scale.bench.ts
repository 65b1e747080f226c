/**
 * Reads on the generated store (see generated-store.ts): a full projection of it into the embedded
 * read store (time and RSS after), then `GET /api/projects` (filtered, sorted, paged) and
 * `GET /api/projects/:id` with autocannon beside a fastify hello world in the same run (req/s, p99
 * and their ratios; targets ≥ 0.5 × req/s and ≤ 3 × p99), and the read store's own find + count
 * of the same list page with its declared indexes and without (a scan).
 * BENCH_HTTP_SECONDS (default 10) and BENCH_HTTP_CONNECTIONS (default 10) size the HTTP runs.
 * Runs alone with `node --import tsx bench/read-scale.bench.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { Filter, ReadStore } from '@sss/contracts/ports/read-store';
import { openSqliteEventStore } from '../write-side/src/eventstore/sqlite-event-store.ts';
import { openEmbeddedReadStore } from '../read-side/src/store/embedded-read-store.ts';
import { startReadModels } from '../read-side/src/projector/runtime.ts';
import { followPointers } from '../read-side/src/projector/namespaces.ts';
import { allProjections } from '../read-side/src/projections.ts';
import { PROJECTS } from '../read-side/src/project/project-doc.ts';
import { buildHttpApp } from '../infra/src/main/http-app.ts';
import { SEED_PASSWORD } from '../infra/src/ops/seed-scale-story.ts';
import { generatedStore } from './generated-store.ts';


const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const connections = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 10);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The list route's query as the store sees it: 完了 projects, newest number first, the first page of 20 (page 3 was
 * empty on the default 1 × 100 store, which has fewer than 41 完了 projects: it measured an empty answer).
 */
const LIST_FILTER: Filter = { $and: [{ status: 'completed' }] };
const LIST_PAGE = { sort: { projectNumber: -1 as const }, skip: 0, limit: 20 };

async function queriesPerSecond(store: ReadStore, iterations: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await Promise.all([store.find(PROJECTS, LIST_FILTER, LIST_PAGE), store.count(PROJECTS, LIST_FILTER)]);
  return iterations / ((performance.now() - started) / 1000);
}

export async function run(): Promise<Record<string, number | string>> {
  const generated = await generatedStore();
  const events = openSqliteEventStore(join(generated.dataDir, 'events.db'));
  const head = await events.headPosition();
  const readPath = join(mkdtempSync(join(tmpdir(), 'sss-bench-read-')), 'read.db');
  const readStore = openEmbeddedReadStore(readPath);

  const projectionStarted = performance.now();
  const readModels = await startReadModels(events, readStore, allProjections);
  for (const projection of allProjections) {
    if (!(await readModels.waitFor(projection.name, head, 60 * 60_000))) throw new Error(`projection ${projection.name} did not catch up`);
  }
  const projectionSeconds = (performance.now() - projectionStarted) / 1000;
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  // Logical names through the serving generation (projects are at v2 since the search keys: `projects__v2`).
  const models = readModels.store;
  const projectCount = await models.count(PROJECTS);

  const app = await buildHttpApp({ events, readModels, sessionSecret: 'bench-session-secret-of-at-least-32-chars', logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'staff1@example.co.jp', password: SEED_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.body}`);
  // The raw Set-Cookie pairs: the parsed values are decoded (the session names its user in Japanese).
  const setCookie = login.headers['set-cookie'] ?? [];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => String(c).split(';')[0]).join('; ');
  const detailId = (await models.find(PROJECTS, { status: 'completed' }, { limit: 1 }))[0]?._id ?? (await models.find(PROJECTS, {}, { limit: 1 }))[0]!._id;
  const address = app.server.address();
  const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';

  const hello = Fastify();
  hello.get('/', async () => ({ hello: 'world' }));
  const helloUrl = await hello.listen({ port: 0, host: '127.0.0.1' });

  const cannon = async (url: string, headers: Record<string, string> = {}) => {
    const probe = await fetch(url, { headers });
    if (!probe.ok) throw new Error(`${url}: ${probe.status} ${await probe.text()}`);
    const result = await autocannon({ url, connections, duration: seconds, headers });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return result;
  };
  const helloResult = await cannon(helloUrl);
  const list = await cannon(`${base}/api/projects?status=completed&page=1&pageSize=20`, { cookie });
  const detail = await cannon(`${base}/api/projects/${detailId}`, { cookie });

  // The store alone: the same page through the declared indexes, and through a scan (no indexes declared).
  const scanStore = openEmbeddedReadStore(readPath);
  const scanModels = followPointers(scanStore);
  const iterations = Number(process.env.BENCH_STORE_QUERIES ?? 200);
  const indexed = await queriesPerSecond(models, iterations);
  const scanned = await queriesPerSecond(scanModels, Math.max(10, Math.round(iterations / 10)));

  await hello.close();
  await app.close();
  await scanStore.close();
  await readModels.stop();
  await readStore.close();
  await events.close();

  return {
    'events in the generated store': Number(head),
    'projects (read model)': projectCount,
    'full projection, s': round(projectionSeconds, 1),
    'RSS after the projection, MiB (target < 1024 at 1M events)': Math.round(rssMiB),
    'hello world, req/s': Math.round(helloResult.requests.average),
    'hello world, p99 ms': helloResult.latency.p99,
    'GET /api/projects (filtered, sorted, page 1 of 20), req/s': Math.round(list.requests.average),
    'GET /api/projects, p99 ms': list.latency.p99,
    'list ÷ hello req/s (target ≥ 0.5)': round(list.requests.average / helloResult.requests.average),
    'list p99 ÷ hello p99 (target ≤ 3)': round(list.latency.p99 / Math.max(helloResult.latency.p99, 1)),
    'GET /api/projects/:id, req/s': Math.round(detail.requests.average),
    'GET /api/projects/:id, p99 ms': detail.latency.p99,
    'detail ÷ hello req/s (target ≥ 0.5)': round(detail.requests.average / helloResult.requests.average),
    'detail p99 ÷ hello p99 (target ≤ 3)': round(detail.latency.p99 / Math.max(helloResult.latency.p99, 1)),
    'store find+count of the list page, indexed, /s': Math.round(indexed),
    'store find+count of the list page, scan, /s': Math.round(scanned),
    'indexed ÷ scan': round(indexed / scanned, 1),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
