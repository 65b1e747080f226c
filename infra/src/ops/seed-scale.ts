import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { hashPassword } from '@sss/write-side/auth/passwords';
import { dice as makeDice, SimClock } from './seed-scale-random.ts';
import { BatchedWriter } from './seed-scale-writer.ts';
import { firstMonthOf, SEED_PASSWORD, tellStory } from './seed-scale-story.ts';

/**
 * `npm run seed:scale -- --years N --staff M [--seed S] [--data-dir DIR]`: a realistic,
 * reproducible history of an N-year, M-person company written into an empty embedded event store
 * (`DIR/events.db`), for benchmarks and load tests. Every event is decided by the real deciders;
 * the read models are then built by SSS's projectors at its next start.
 */

export interface SeedScaleOptions {
  readonly years: number;
  readonly staff: number;
  readonly seed: number;
  readonly dataDir: string;
  readonly batchSize?: number;
  readonly onProgress?: (line: string, done: boolean) => void;
}

export interface SeedScaleSummary {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly file: string;
}

export async function seedScale(options: SeedScaleOptions): Promise<SeedScaleSummary> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const file = join(options.dataDir, 'events.db');
  if (existsSync(file)) throw new Error(`${file} exists: seed:scale writes a new store only (remove it or choose another --data-dir)`);
  const store = openSqliteEventStore(file);
  const started = performance.now();
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const dice = makeDice(options.seed);
  const clock = new SimClock(`${firstMonthOf(options.years)}-01`);
  let monthsDone = 0;
  let months = 1;
  const report = (written: number, done = false) => {
    const seconds = (performance.now() - started) / 1000;
    const width = 30;
    const filled = Math.round((monthsDone / months) * width);
    options.onProgress?.(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${monthsDone}/${months} months, ${written.toLocaleString('en')} events, ${Math.round(written / Math.max(seconds, 0.001)).toLocaleString('en')} events/s`, done);
  };
  const writer = new BatchedWriter(store, clock, dice, options.batchSize ?? 20_000, (written) => report(written));
  try {
    await tellStory(writer, clock, dice, { years: options.years, staff: options.staff, passwordHash }, (done, total) => {
      monthsDone = done;
      months = total;
      report(writer.written);
    });
    await writer.flush();
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  report(writer.written, true);
  return { events: writer.written, seconds, eventsPerSecond: writer.written / seconds, file };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { years: { type: 'string', default: '1' }, staff: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, 'data-dir': { type: 'string' } } });
  const years = Number(values.years);
  const staff = Number(values.staff);
  const seed = Number(values.seed);
  if (!(Number.isInteger(years) && years >= 1 && years <= 50 && Number.isInteger(staff) && staff >= 1 && staff <= 4000 && Number.isInteger(seed))) {
    console.error('usage: npm run seed:scale -- --years N (1-50) --staff M (1-4000) [--seed S] [--data-dir DIR (default SSS_DATA_DIR or ./data)]');
    process.exit(2);
  }
  // npm runs scripts from the package root; a relative dir means where the command was typed.
  const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), values['data-dir'] ?? process.env.SSS_DATA_DIR ?? './data');
  const tty = process.stdout.isTTY;
  seedScale({ years, staff, seed, dataDir, onProgress: (line, done) => (tty ? process.stdout.write(`\r${line}${done ? '\n' : ''}`) : done && console.log(line)) })
    .then((s) => console.log(`seed:scale wrote ${s.events} events in ${s.seconds.toFixed(1)} s (${Math.round(s.eventsPerSecond)} events/s) into ${s.file}`))
    .catch((error: unknown) => {
      console.error(`seed:scale failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
