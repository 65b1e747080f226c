/**
 * A text cell that a spreadsheet would run as a formula (`=1+1`, `=HYPERLINK(…)`, `+`, `-`, `@`, or a
 * leading tab / CR that some readers strip first) gets a leading `'`, per OWASP's CSV-injection advice:
 * Excel then shows the text as typed instead of evaluating it. Numbers are left alone, and so is text
 * that is only a number (`-1200`, `-1,200.5`): it cannot be a formula, and an export's amounts must
 * stay amounts.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

export function spreadsheetSafe<T extends string | number | null>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
