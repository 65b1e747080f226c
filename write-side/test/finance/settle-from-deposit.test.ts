import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import type { IssuedInvoice } from '@sss/contracts/sales/events';
import { initialMonthlySalesState, monthlySalesDecider, type MonthlySalesCommand, type MonthlySalesState } from '../../src/sales/decider.ts';

/** A matched deposit on the invoice's month: payment plus fee as events, counted as paid, never twice, never beyond the balance. */

const key = { projectId: 'p1', month: '2026-04' };
const invoiced: MonthlySalesState = { ...initialMonthlySalesState, status: 'invoiced', invoice: { invoiceNumber: 'INV-000001', totals: { byRate: [], net: 300_000, tax: 30_000, gross: 330_000 } } as unknown as IssuedInvoice };
const settle = (amount: number, difference: number, depositId = 'd1'): MonthlySalesCommand => ({ type: 'SettleFromDeposit', key, depositId, amount, difference, differenceAs: 'bank_fee', receivedOn: '2026-05-29' });

test('a payment and the deducted fee, both counted as paid; the same deposit again decides nothing', () => {
  const decided = monthlySalesDecider.decide(settle(329_780, 220), invoiced);
  if (decided instanceof DomainError) throw decided;
  assert.equal(decided.map((e) => e.type), ['PaymentRecorded', 'InvoiceDifferenceSettled']);
  const after = decided.reduce(monthlySalesDecider.evolve, invoiced);
  assert.is(after.paid, 330_000);
  assert.equal(monthlySalesDecider.decide(settle(329_780, 220), after), []);
});

test('more than the balance is refused', () => {
  const refused = monthlySalesDecider.decide(settle(330_000, 1), invoiced);
  assert.ok(refused instanceof DomainError && refused.code === 'rule_violated');
});

test.run();
