/**
 * Months as `YYYY-MM` strings: the unit of 月毎明細, 売上 and reports. Like dates they compare
 * lexically; arithmetic goes through year × 12 + month so year ends need no special case
 * (docs/architecture.md §Dates and months).
 */

const MONTH_PREFIX = /^\d{4}-\d{2}/;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const indexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) => `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1, 2)}`;

/** `2025-04-15` → `2025-04`; a month stays itself. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `addMonths('2026-11', 3)` → `2027-02`; negative counts go back. */
export function addMonths(month: string, count: number): string {
  return monthAt(indexOf(month) + count);
}

/**
 * Every month from the first's to the last's, inclusive, in order; either end may be a date
 * (a project period) or a month. Empty when the first comes after the last.
 */
export function monthsBetween(first: string, last: string): string[] {
  if (!MONTH_PREFIX.test(first) || !MONTH_PREFIX.test(last)) return [];
  const from = indexOf(first);
  // Bounded: a period longer than 100 years is a typo, not a project.
  const count = Math.min(indexOf(last) - from + 1, 1200);
  return Array.from({ length: Math.max(count, 0) }, (_, i) => monthAt(from + i));
}

/** `2026-02` → `2026-02-01`. */
export function firstDayOf(month: string): string {
  return `${monthOf(month)}-01`;
}

/** `2028-02` → `2028-02-29`: the 月末 of 締め日 and 支払日. */
export function lastDayOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = m === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return `${monthOf(month)}-${days}`;
}

/** `2026-04` → `2026年4月`, how printed documents write a month. */
export function formatMonthJapanese(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** `2026-04` → `2026/04`, how sheet headers and lists write a month. */
export function formatMonthSlashed(month: string): string {
  return monthOf(month).replace('-', '/');
}
