import fc from 'fast-check';

/**
 * Test support: property tests run on a fixed seed, so a run in CI and a run on a laptop explore
 * the same cases and a red build is never a coin toss. `FC_SEED=<integer>` picks another seed (to
 * explore more, or to replay one a failure printed).
 */

const DEFAULT_SEED = 20_260_401;

export function propertySeed(): number {
  const raw = process.env.FC_SEED?.trim();
  if (!raw) return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return seed;
}

/** How to rerun exactly this exploration; for failure messages. */
export const replayHint = (seed: number): string => `seed ${seed}; replay with FC_SEED=${seed}`;

/** `fc.assert` on the seed above; a failure says which seed it was and how to replay it. */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const seed = propertySeed();
  try {
    fc.assert(property, { ...params, seed });
  } catch (error) {
    if (error instanceof Error) error.message = `${error.message}\n(${replayHint(seed)})`;
    throw error;
  }
}
