import { isCalendarDate } from '@sss/contracts/domain/dates';

/**
 * 全銀 dates are 和暦 YYMMDD with no era digit (docs/zengin.md §Dates). A two-digit year up to the current
 * 令和 year + 1 is 令和 (2018 + YY), anything above is 平成 (1988 + YY); 平成31 ends on 04-30 and 令和 starts
 * on 05-01. '000000' is no date. Returns null for no date, an error message for an impossible one.
 */
export function warekiToIso(yymmdd: string, today: string): string | null | { error: string } {
  if (!/^\d{6}$/.test(yymmdd)) return { error: '和暦日付（YYMMDD）は数字6桁です。' };
  if (yymmdd === '000000') return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mmdd = `${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const reiwaNow = Number(today.slice(0, 4)) - 2018;
  const year = yy <= reiwaNow + 1 ? 2018 + yy : 1988 + yy;
  const iso = `${year}-${mmdd}`;
  if (!isCalendarDate(iso)) return { error: `和暦 ${yymmdd} は実在しない日付です。` };
  if (year === 2019 && yy === 1 && iso < '2019-05-01') return { error: `令和元年は5月1日からです（${yymmdd}）。` };
  return iso;
}

/** The inverse, for fixtures and exports: 2026-04-15 → 080415. */
export function isoToWareki(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const yy = iso >= '2019-05-01' ? year - 2018 : year - 1988;
  return `${String(yy).padStart(2, '0')}${iso.slice(5, 7)}${iso.slice(8, 10)}`;
}
