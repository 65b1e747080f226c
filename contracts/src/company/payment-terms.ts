import { addMonths, lastDayOf, monthOf } from '../domain/months.ts';
import type { CompanyBilling, DayOfMonth } from './billing.ts';

/**
 * The customer's 締日 and 支払サイト turned into the invoice's お支払期限 (docs/billing.md §Due date).
 * A transaction dated on or before the month's 締日 closes that month, one after it the next month;
 * payment falls in the month `paymentMonths` after the closing month (翌月 = 1, 翌々月 = 2) on the
 * payment day, 末日 being that month's last day (2月 included). Days are limited to 1–28 or 末日 at
 * the edge, so no computed date ever falls on a day the month does not have.
 */

const dayIn = (month: string, day: DayOfMonth): string => (day === 'end' ? lastDayOf(month) : `${month}-${String(day).padStart(2, '0')}`);

/** `"末日締め翌月末日払い"`, `"20日締め翌々月10日払い"`: the 支払条件 line of the 請求書. */
export function paymentTermsText(terms: Pick<CompanyBilling, 'closingDay' | 'paymentMonths' | 'paymentDay'>): string | null {
  if (terms.closingDay === null || terms.paymentMonths === null || terms.paymentDay === null) return null;
  const day = (d: DayOfMonth) => (d === 'end' ? '末日' : `${d}日`);
  return `${day(terms.closingDay)}締め${terms.paymentMonths === 1 ? '翌月' : '翌々月'}${day(terms.paymentDay)}払い`;
}

/** The due date for a transaction (請求日) of `date`, or null when any of the three terms is 未設定. */
export function dueDateFor(date: string, terms: Pick<CompanyBilling, 'closingDay' | 'paymentMonths' | 'paymentDay'>): string | null {
  const { closingDay, paymentMonths, paymentDay } = terms;
  if (closingDay === null || paymentMonths === null || paymentDay === null) return null;
  const month = monthOf(date);
  const closingMonth = date <= dayIn(month, closingDay) ? month : addMonths(month, 1);
  return dayIn(addMonths(closingMonth, paymentMonths), paymentDay);
}
