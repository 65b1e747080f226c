/**
 * seed:scale throughput: a generated history (BENCH_SEED_YEARS × BENCH_SEED_STAFF, default 1 × 100)
 * decided by the real deciders and appended in batches, and what that rate means for the issue's
 * target (about 1M events — 10 years × 500 staff — within 10 minutes).
 * Runs alone with `node --import tsx bench/seed-scale.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { generatedStore } from './generated-store.ts';

export async function run(): Promise<Record<string, number | string>> {
  const store = await generatedStore();
  if (!store.seeded) return { note: 'BENCH_DATA_DIR given: nothing generated in this run' };
  const { events, seconds, eventsPerSecond } = store.seeded;
  const minutesFor1M = 1_000_000 / eventsPerSecond / 60;
  return {
    size: `${store.years} years × ${store.staff} staff`,
    events,
    seconds: Math.round(seconds * 10) / 10,
    'events/s': Math.round(eventsPerSecond),
    'minutes for 1M events at this rate (target ≤ 10)': Math.round(minutesFor1M * 10) / 10,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await run());
