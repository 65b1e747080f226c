/**
 * The as-of moment: the screens show the records as they stood then (an event position, or an ISO
 * date-time with offset), read-only. The URL is the truth (search param `asOf`, so it survives reload
 * and can be shared); between a navigation that drops the param and the shell putting it back, the
 * last one seen still holds, so no request in between goes out live by mistake.
 */
export const AS_OF_PARAM = 'asOf';
const VALID = /^(\d{1,20}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/;

let sticky: string | null = null;

export const isAsOf = (value: string | null | undefined): value is string => !!value && VALID.test(value);

/** The moment the screens show, or null when live. */
export function currentAsOf(): string | null {
  const fromUrl = typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get(AS_OF_PARAM);
  if (isAsOf(fromUrl)) return fromUrl;
  return sticky;
}

/** Remembered by the shell whenever the URL carries one; null when the person goes back to live. */
export function rememberAsOf(value: string | null): void {
  sticky = isAsOf(value) ? value : null;
}

/** `2026-03-31T23:59` typed in a date-time field (Japanese time) → the ISO moment sent to the server. */
export const asOfFromLocalInput = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+09:00` : null);

/** How the banner writes the moment: `2026-03-31 23:59` in Japanese time, or `#12345` for a position. */
export function formatAsOf(value: string): string {
  if (/^\d+$/.test(value)) return `#${value}`;
  const shifted = new Date(Date.parse(value) + 9 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
