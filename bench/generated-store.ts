import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedScale, type SeedScaleSummary } from '../infra/src/ops/seed-scale.ts';

/**
 * The generated store the scale benches share: `BENCH_DATA_DIR` names one made beforehand with
 * `npm run seed:scale` (e.g. 10 years × 500 staff); otherwise one is generated once per run at
 * `BENCH_SEED_YEARS` × `BENCH_SEED_STAFF` (default 1 × 100, so `npm run bench` stays short).
 */

export interface GeneratedStore {
  readonly dataDir: string;
  readonly years: number;
  readonly staff: number;
  /** Present when this run generated it. */
  readonly seeded?: SeedScaleSummary;
}

let generated: Promise<GeneratedStore> | undefined;

/** The store this run used, if a bench asked for one (bench/run.ts reports its size). */
export function generatedStoreInUse(): Promise<GeneratedStore> | undefined {
  return generated ?? (process.env.BENCH_DATA_DIR ? generatedStore() : undefined);
}

export function generatedStore(): Promise<GeneratedStore> {
  const given = process.env.BENCH_DATA_DIR;
  if (given) {
    if (!existsSync(join(given, 'events.db'))) throw new Error(`BENCH_DATA_DIR=${given} has no events.db: run npm run seed:scale -- --data-dir ${given} first`);
    return Promise.resolve({ dataDir: given, years: Number.NaN, staff: Number.NaN });
  }
  const years = Number(process.env.BENCH_SEED_YEARS ?? 1);
  const staff = Number(process.env.BENCH_SEED_STAFF ?? 100);
  generated ??= (async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sss-bench-scale-'));
    const seeded = await seedScale({ years, staff, seed: 1, dataDir });
    return { dataDir, years, staff, seeded };
  })();
  return generated;
}
