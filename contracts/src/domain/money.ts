/**
 * Yen: the one home of how SSS reads and writes amounts. Money is integer yen everywhere
 * (docs/architecture.md §Money); these helpers only convert between that and text.
 */

const grouped = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });

/** `1234567` → `1,234,567` (no unit): table cells and inputs. */
export const formatNumber = (amount: number): string => grouped.format(amount);

/** `1234567` → `¥1,234,567`; `null` → `—`. The ASCII yen sign keeps columns aligned in every font. */
export function formatYen(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${amount < 0 ? '-' : ''}¥${grouped.format(Math.abs(amount))}`;
}

/** `1760000` → `1,760,000円`: how amounts read on printed documents. */
export const formatYenJapanese = (amount: number): string => `${grouped.format(amount)}円`;

export type YenParseResult =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'empty' | 'format' | 'range' };

/**
 * Reads what a Japanese office types for an amount: `1234567`, `1,234,567`, `¥1,234,567`,
 * full-width digits, a leading minus. Thousands separators must group by three (`1,5` is refused,
 * it is not 15); decimals are refused (yen are integers); the result is a safe integer.
 */
export function parseYen(text: string): YenParseResult {
  // NFKC turns full-width digits, commas and ￥ into their ASCII forms.
  const cleaned = text.normalize('NFKC').trim().replace(/^[¥\\]/, '').replace(/円$/, '').trim();
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)$/.test(cleaned)) return { ok: false, reason: 'format' };
  const value = Number(cleaned.replaceAll(',', ''));
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'range' };
  return { ok: true, value: value === 0 ? 0 : value };
}
