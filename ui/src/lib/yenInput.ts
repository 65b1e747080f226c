import { parseYen } from '@sss/contracts/domain/money';

/**
 * Yen typed into a form that the schema then checks. What contracts' `parseYen` reads (`1,000,000`,
 * `¥1000000`, full-width digits) becomes a number; anything else is returned unchanged so the
 * schema can say what is wrong with it; a blank is `null` (not entered).
 */
export function parseYenInput(text: string): number | string | null {
  const parsed = parseYen(text);
  if (parsed.ok) return parsed.value;
  return parsed.reason === 'empty' ? null : text;
}
