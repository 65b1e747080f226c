import Big from 'big.js';

/**
 * Exact effort arithmetic (months live in domain/months). Effort strings go through big.js only; a JS number
 * never holds an effort, so 0.1 + 0.2 人月 is exactly 0.3 人月.
 */

/** "0.50" → "0.5", "007" → "7": one spelling per value, so events and comparisons are stable. */
export function canonicalEffort(effort: string): string {
  return new Big(effort).toString();
}

export function isZeroEffort(effort: string): boolean {
  return new Big(effort).eq(0);
}

export function sumEfforts(efforts: Iterable<string>): string {
  let total = new Big(0);
  for (const e of efforts) total = total.plus(e);
  return total.toString();
}

// Kept for ui/ (MonthlyTab) until the UI branch imports it from its home, domain/months.
export { monthsBetween } from '../domain/months.ts';
