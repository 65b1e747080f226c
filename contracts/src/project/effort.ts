import Big from 'big.js';

/**
 * Exact effort arithmetic and month helpers. Effort strings go through big.js only; a JS number
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

/** "2025-04-15" → "2025-04". */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Every month from the start date's month to the end date's month, inclusive, in order. */
export function monthsBetween(startDate: string, endDate: string): string[] {
  const months: string[] = [];
  let year = Number(startDate.slice(0, 4));
  let month = Number(startDate.slice(5, 7));
  const last = monthOf(endDate);
  // Bounded: a period longer than 100 years is a typo, not a project.
  for (let i = 0; i < 1200; i++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
