/**
 * Calendar dates as `YYYY-MM-DD` strings (compare lexically, validate as real days) and instants
 * as seen in Japan, where the business runs, whatever the server's time zone. Japan has had no
 * daylight saving time since 1951, so JST is a fixed +09:00 (docs/architecture.md §Dates and months).
 */

const JST_OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The wall clock in Japan as a UTC `Date`: its UTC fields read as JST. */
const shiftedToJapan = (instant: Date): Date => new Date(instant.getTime() + JST_OFFSET_MS);

/** Today in Japan, whatever the server's time zone. */
export function todayInJapan(now: Date = new Date()): string {
  return shiftedToJapan(now).toISOString().slice(0, 10);
}

/** The calendar year in Japan of an instant: 2025-12-31T20:00Z is already 2026 there. */
export function yearInJapan(instant: Date): number {
  return shiftedToJapan(instant).getUTCFullYear();
}

/** `2026-12-01T00:00:00Z` → `2026-12-01T09:00:00+09:00`: an instant for exports, in Japanese time with its offset. */
export function formatDateTimeJst(instant: Date): string {
  return `${shiftedToJapan(instant).toISOString().slice(0, 19)}+09:00`;
}

/** `2026-02-27` + 2 → `2026-03-01`; negative days go back. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another: `2026-03-01` − `2026-02-28` = 1. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `2026-04-30` → `2026年4月30日`, how printed documents write a date; empty stays empty. */
export function formatDateJapanese(date: string): string {
  if (!date) return '';
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** `2026-12-01` → `2026/12/01`, how lists and tables write a date; no date is an empty cell. */
export function formatDateSlashed(date: string | null | undefined): string {
  return date ? date.slice(0, 10).replaceAll('-', '/') : '';
}

/**
 * A moment a person typed, as a UTC ISO instant: `2026-03-31` (the whole day), `2026-03-31T23:59`
 * (that minute) in Japanese time, or an ISO date-time with its own offset. `end` makes a day or a
 * minute inclusive (its last millisecond), for the upper bound of a range. Null when not a real moment.
 */
export function instantOfJapaneseMoment(moment: string, end = false): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(moment);
  if (!match || !isCalendarDate(match[1]!)) return null;
  const [, day, hh, mm, ss, fraction, offset] = match;
  if (hh === undefined) return new Date(Date.parse(`${day}T00:00:00+09:00`) + (end ? DAY_MS - 1 : 0)).toISOString();
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return null;
  const base = Date.parse(`${day}T${hh}:${mm}:${ss ?? '00'}${fraction ?? ''}${offset ?? '+09:00'}`);
  if (Number.isNaN(base)) return null;
  return new Date(base + (end && ss === undefined ? 59_999 : 0)).toISOString();
}
