import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startKafka } from '../infra/src/servers/kafka.ts';
import { buildFerretDbRunner, startFerretDb } from '../infra/src/servers/ferretdb.ts';

/**
 * `npm run bench`: starts Kafka and FerretDB once (unless KAFKA_BROKERS / MONGODB_URL name servers),
 * runs every `bench/*.bench.ts` one after another so they do not disturb each other, prints each
 * figure and ratio, and writes them to `bench/results/latest.json`. Only ratios measured side by
 * side in one run are comparable; absolute figures depend on the machine and its load.
 */
const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();

// FerretDB v1 updates scan whole collections (see bench/README.md): keep that bench bounded.
process.env.BENCH_MONGO_DOCS ??= '1000';
const BENCH_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);

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

const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadAvg1mAtStart: Math.round(loadavg()[0]! * 100) / 100 };
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
  }
}
await Promise.allSettled(stops.map((stop) => stop()));
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(join(dir, 'results', 'latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, results }, null, 2));
console.log(`\nwritten to bench/results/latest.json`);
process.exit(failed ? 1 : 0);
