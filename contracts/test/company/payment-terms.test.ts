import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueDateFor, paymentTermsText } from '@sss/contracts/company/payment-terms';

/** お支払期限 from the customer's 締日 and 支払サイト (docs/billing.md §Due date). */

test('末日締め翌月末日払い: every month end, February of a common and of a leap year included', () => {
  const terms = { closingDay: 'end', paymentMonths: 1, paymentDay: 'end' } as const;
  assert.is(dueDateFor('2026-01-31', terms), '2026-02-28');
  assert.is(dueDateFor('2028-01-31', terms), '2028-02-29');
  assert.is(dueDateFor('2026-03-31', terms), '2026-04-30');
  assert.is(dueDateFor('2026-02-28', terms), '2026-03-31');
  assert.is(dueDateFor('2026-12-31', terms), '2027-01-31');
  assert.is(dueDateFor('2026-02-10', terms), '2026-03-31', 'mid-month closes at that month end');
});

test('20日締め: the 20th closes that month, the 21st the next; 翌々月10日払い crosses the year', () => {
  const terms = { closingDay: 20, paymentMonths: 2, paymentDay: 10 } as const;
  assert.is(dueDateFor('2026-10-20', terms), '2026-12-10');
  assert.is(dueDateFor('2026-10-21', terms), '2027-01-10');
  assert.is(dueDateFor('2026-11-30', terms), '2027-02-10');
});

test('末日締め翌々月末日払い lands on the last day of February; 25日締め翌月末 after a 31-day month', () => {
  assert.is(dueDateFor('2025-12-31', { closingDay: 'end', paymentMonths: 2, paymentDay: 'end' }), '2026-02-28');
  assert.is(dueDateFor('2026-01-31', { closingDay: 25, paymentMonths: 1, paymentDay: 'end' }), '2026-03-31');
});

test('any term 未設定: no due date is computed (nothing is guessed), and no terms line is written', () => {
  assert.is(dueDateFor('2026-01-31', { closingDay: null, paymentMonths: 1, paymentDay: 'end' }), null);
  assert.is(dueDateFor('2026-01-31', { closingDay: 'end', paymentMonths: null, paymentDay: null }), null);
  assert.is(paymentTermsText({ closingDay: null, paymentMonths: null, paymentDay: null }), null);
});

test('the 支払条件 line in words', () => {
  assert.is(paymentTermsText({ closingDay: 'end', paymentMonths: 1, paymentDay: 'end' }), '末日締め翌月末日払い');
  assert.is(paymentTermsText({ closingDay: 20, paymentMonths: 2, paymentDay: 10 }), '20日締め翌々月10日払い');
});

test.run();
