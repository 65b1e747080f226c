import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import type { IssuedInvoice, MonthlySalesEvent } from '@sss/contracts/sales/events';
import { initialMonthlySalesState, monthlySalesDecider, type MonthlySalesCommand, type MonthlySalesState } from '../../src/sales/decider.ts';

/**
 * A match of a deposit on the invoice's month: payment plus fee as events, counted as paid, never twice, never beyond
 * the balance. The key is the match: a second partial match of the same deposit pays the month again (the money bug of
 * stop 12), the same match delivered again pays nothing; events recorded before matches had ids keep the deposit id as key.
 */

const key = { projectId: 'p1', month: '2026-04' };
const invoiced: MonthlySalesState = { ...initialMonthlySalesState, status: 'invoiced', invoice: { invoiceNumber: 'INV-000001', totals: { byRate: [], net: 300_000, tax: 30_000, gross: 330_000 } } as unknown as IssuedInvoice };
const settle = (amount: number, difference: number, matchId = 'd1-m1', depositId = 'd1'): MonthlySalesCommand => ({ type: 'SettleFromDeposit', key, depositId, matchId, amount, difference, differenceAs: 'bank_fee', receivedOn: '2026-05-29' });
const decided = (command: MonthlySalesCommand, state: MonthlySalesState) => {
  const verdict = monthlySalesDecider.decide(command, state);
  if (verdict instanceof DomainError) throw verdict;
  return [...verdict];
};
const after = (events: readonly MonthlySalesEvent[], state: MonthlySalesState) => events.reduce(monthlySalesDecider.evolve, state);

test('a payment and the deducted fee, both counted as paid; the same deposit again decides nothing', () => {
  const decided = monthlySalesDecider.decide(settle(329_780, 220), invoiced);
  if (decided instanceof DomainError) throw decided;
  assert.equal(decided.map((e) => e.type), ['PaymentRecorded', 'InvoiceDifferenceSettled']);
  const after = decided.reduce(monthlySalesDecider.evolve, invoiced);
  assert.is(after.paid, 330_000);
  assert.equal(monthlySalesDecider.decide(settle(329_780, 220), after), []);
});

test('two partial matches of one deposit: both payments recorded, each match once, yen conserved', () => {
  const first = decided(settle(100_000, 0, 'd1-m1'), invoiced);
  const once = after(first, invoiced);
  const second = decided(settle(150_000, 0, 'd1-m2'), once);
  assert.equal(second.map((e) => [e.type, ...(e.type === 'PaymentRecorded' ? [e.data.depositId, e.data.matchId, e.data.amount] : [])]), [['PaymentRecorded', 'd1', 'd1-m2', 150_000]]);
  const twice = after(second, once);
  assert.is(twice.paid, 250_000);
  assert.equal(decided(settle(100_000, 0, 'd1-m1'), twice), [], 'the first match delivered again');
  assert.equal(decided(settle(150_000, 0, 'd1-m2'), twice), [], 'the second match delivered again');
  assert.equal(twice.depositIds, ['d1']);
});

test('events without a match id (recorded before matches had ids) are keyed by their deposit', () => {
  const old: MonthlySalesEvent[] = [{ type: 'PaymentRecorded', data: { ...key, invoiceNumber: 'INV-000001', amount: 100_000, receivedOn: '2026-05-29', depositId: 'd1' } }];
  const state = after(old, invoiced);
  // The old match replayed by the settlement policy: settlementKeyOf gives the deposit id, which the month has seen.
  assert.equal(decided(settle(100_000, 0, 'd1'), state), []);
  // A new match of the same deposit is another payment.
  assert.equal(decided(settle(50_000, 0, 'd1-m2'), state).map((e) => e.type), ['PaymentRecorded']);
});

test('more than the balance is refused', () => {
  const refused = monthlySalesDecider.decide(settle(330_000, 1), invoiced);
  assert.ok(refused instanceof DomainError && refused.code === 'rule_violated');
});

test.run();
