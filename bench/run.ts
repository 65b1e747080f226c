import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startKafka } from '../infra/src/servers/kafka.ts';
import { buildFerretDbRunner, startFerretDb } from '../infra/src/servers/ferretdb.ts';
import { generatedStoreInUse } from './generated-store.ts';
import { judge, TARGETS } from './targets.ts';

/**
 * `npm run bench [-- --quick] [--data-dir DIR | --years N --staff M] [name ...]`: starts Kafka and
 * FerretDB once (unless KAFKA_BROKERS / MONGODB_URL name servers), runs every `bench/*.bench.ts`
 * (or those whose name contains one of the names) one after another so they do not disturb each
 * other, prints each figure and ratio, checks them against `targets.ts`, prints one table, and
 * writes everything with the machine and its load to `bench/results/latest.json`. Only ratios
 * measured side by side in one run are comparable; absolute figures depend on the machine and its load.
 * `--quick` runs smaller sizes (BENCH_QUICK=1). The benches on a generated store take it from
 * `--data-dir` (a store made by `npm run seed:scale`) or generate `--years` × `--staff` (default 1 × 100).
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { quick: { type: 'boolean', default: false }, 'data-dir': { type: 'string' }, years: { type: 'string' }, staff: { type: 'string' } },
});
if (values.quick) {
  process.env.BENCH_QUICK = '1';
  process.env.BENCH_HTTP_SECONDS ??= '3';
  process.env.BENCH_STORE_QUERIES ??= '50';
  process.env.BENCH_MONGO_DOCS ??= '300';
}
if (values['data-dir']) process.env.BENCH_DATA_DIR = values['data-dir'];
if (values.years) process.env.BENCH_SEED_YEARS = values.years;
if (values.staff) process.env.BENCH_SEED_STAFF = values.staff;

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (positionals.length === 0 || positionals.some((o) => f.includes(o)))).sort();

// FerretDB v1 updates scan whole collections (see bench/README.md): keep that bench bounded.
process.env.BENCH_MONGO_DOCS ??= '1000';
const BENCH_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

const stops: Array<() => Promise<void>> = [];
if (!process.env.KAFKA_BROKERS) {
  const kafka = await startKafka();
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  stops.push(kafka.stop);
}
if (!process.env.MONGODB_URL) {
  buildFerretDbRunner();
  const ferret = await startFerretDb();
  process.env.MONGODB_URL = ferret.url;
  stops.push(ferret.stop);
}

const machine: Record<string, unknown> = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? '?',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  quick: values.quick,
  loadAvgAtStart: load(),
};
console.log('machine', machine);
const results: Record<string, Record<string, number | string>> = {};
let failed = false;
for (const file of files) {
  const name = file.replace('.bench.ts', '');
  console.log(`\n=== ${name}`);
  try {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as { run: () => Promise<Record<string, number | string>> };
    results[name] = await Promise.race([
      module.run(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${BENCH_TIMEOUT_MS} ms`)), BENCH_TIMEOUT_MS).unref()),
    ]);
    console.table(results[name]);
  } catch (error) {
    failed = true;
    console.error(`${name} failed:`, error);
    results[name] = { error: String(error) };
  }
}
machine.loadAvgAtEnd = load();
const store = await generatedStoreInUse();
if (store) {
  const file = join(store.dataDir, 'events.db');
  machine.store = { dataDir: store.dataDir, years: store.years, staff: store.staff, events: store.seeded?.events ?? 'given', eventsDbMiB: Math.round(statSync(file).size / 2 ** 20) };
}
await Promise.allSettled(stops.map((stop) => stop()));

const verdicts = judge(results);
const targetOf = (bench: string, figure: string) => TARGETS.find((t) => t.bench === bench && t.figure === figure);
const table = Object.entries(results).flatMap(([bench, figures]) =>
  Object.entries(figures).map(([figure, value]) => {
    const verdict = verdicts.find((v) => v.bench === bench && v.figure === figure);
    const target = targetOf(bench, figure);
    return { bench, figure, value, target: target ? (target.atLeast !== undefined ? `≥ ${target.atLeast}` : `≤ ${target.atMost}`) : '', pass: verdict ? (verdict.pass === null ? '?' : verdict.pass ? 'pass' : 'FAIL') : '' };
  }),
);
console.log('\n=== all figures');
console.table(table);
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, results, targets: verdicts }, null, 2));
console.log(`written to bench/results/latest.json`);
process.exit(failed ? 1 : 0);
