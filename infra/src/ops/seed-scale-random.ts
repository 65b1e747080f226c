/**
 * The generator's only sources of variety: a seeded PRNG and a clock that advances through the
 * simulated years. Nothing reads the real time or Math.random, so the same seed writes the same
 * history (ids, instants and amounts included).
 */

/** mulberry32: tiny, fast and good enough for test data; 32-bit state from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Dice {
  readonly next: () => number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  /** A UUIDv7-shaped id whose time part is `ms`: ids sort by simulated time as real ones do. */
  uuid(ms: number): string;
}

export function dice(seed: number): Dice {
  const next = seededRandom(seed);
  const word = () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    uuid(ms) {
      const time = ms.toString(16).padStart(12, '0');
      const a = word();
      const b = word();
      const c = word();
      const variant = (8 + (parseInt(a[3]!, 16) & 3)).toString(16);
      return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${a.slice(0, 3)}-${variant}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`;
    },
  };
}

/** The simulated clock: an instant that only moves forward, in whole-day or minute steps. */
export class SimClock {
  private ms: number;
  constructor(startDate: string) {
    this.ms = Date.parse(`${startDate}T00:00:00.000Z`);
  }
  get now(): number {
    return this.ms;
  }
  /** Jump to a calendar date (09:00 JST), never backwards. */
  at(date: string): void {
    this.ms = Math.max(this.ms, Date.parse(`${date}T00:00:00.000Z`));
  }
  tick(minutes = 1): string {
    this.ms += minutes * 60_000;
    return this.iso();
  }
  iso(): string {
    return new Date(this.ms).toISOString();
  }
  today(): string {
    return this.iso().slice(0, 10);
  }
}
