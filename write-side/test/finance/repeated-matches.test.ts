import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import { DomainError } from '@sss/contracts/http/problem';
import type { DepositEvent, DepositImportedData } from '@sss/contracts/finance/events';
import type { IssuedInvoice, MonthlySalesEvent } from '@sss/contracts/sales/events';
import { settlementKeyOf } from '@sss/contracts/finance/settlement-key';
import { fold } from '../../src/kernel/decider.ts';
import { depositDecider } from '../../src/finance/deposit-decider.ts';
import { initialMonthlySalesState, monthlySalesDecider, type MonthlySalesState } from '../../src/sales/decider.ts';

/**
 * Property over the two deciders the match route and the settlement policy drive (docs/finance.md §Confirming): one
 * deposit matched again and again in parts — to the same months or others, sometimes to another customer, each match
 * delivered to its months once more or twice more (a retry, a replayed policy) — never pays more or less than it
 * applied (yen conserved), never pays a month beyond its invoice, never pays two customers, and pays each month
 * once per match.
 */

const INVOICES = [
  { customer: 'c0', gross: 330_000 },
  { customer: 'c0', gross: 110_000 },
  { customer: 'c1', gross: 220_000 },
  { customer: 'c0', gross: 55_000 },
];
const invoiced = (gross: number): MonthlySalesState => ({ ...initialMonthlySalesState, status: 'invoiced', invoice: { invoiceNumber: 'INV', totals: { byRate: [], net: gross, tax: 0, gross } } as unknown as IssuedInvoice });
const imported = (amount: number): DepositImportedData => ({ depositId: 'D', source: 'csv', fileName: 'f', line: 2, inquiryNumber: '', valueDate: '2026-05-29', amount, payerCode: '', payerName: 'ﾌﾞﾝｶﾂ', remitterBank: '', remitterBranch: '', ediInfo: '', raw: '' });

const match = fc.record({
  customer: fc.constantFrom('c0', 'c1'),
  lines: fc.uniqueArray(fc.record({ invoice: fc.integer({ min: 0, max: INVOICES.length - 1 }), amount: fc.integer({ min: 0, max: 120_000 }), difference: fc.constantFrom(0, 0, 440, 660) }), { selector: (l) => l.invoice, minLength: 1, maxLength: 3 }),
  redeliveries: fc.integer({ min: 0, max: 2 }),
});

test('property: repeated partial matches of one deposit conserve yen, stay with one customer, and settle each match once', () => {
  assertProperty(
    fc.property(fc.integer({ min: 1, max: 400_000 }), fc.array(match, { minLength: 1, maxLength: 8 }), (amount, matches) => {
      let deposit: DepositEvent[] = [{ type: 'DepositImported', data: imported(amount) }];
      const months = INVOICES.map(() => [] as MonthlySalesEvent[]);
      const stateOf = (i: number) => months[i]!.reduce(monthlySalesDecider.evolve, invoiced(INVOICES[i]!.gross));
      const settle = (event: Extract<DepositEvent, { type: 'DepositMatched' }>) => {
        for (const a of event.data.allocations) {
          const i = Number(a.projectId);
          const verdict = monthlySalesDecider.decide({ type: 'SettleFromDeposit', key: { projectId: a.projectId, month: a.month }, depositId: 'D', matchId: settlementKeyOf(event.data), amount: a.amount, difference: a.difference, differenceAs: 'bank_fee', receivedOn: '2026-05-29' }, stateOf(i));
          if (verdict instanceof DomainError) throw verdict;
          months[i]!.push(...verdict);
        }
      };
      for (const m of matches) {
        // The route's checks first: only the customer's invoices (it refuses others), and each month must take it.
        const lines = m.lines.filter((l) => INVOICES[l.invoice]!.customer === m.customer);
        if (lines.length === 0) continue;
        const allocations = lines.map((l) => ({ projectId: String(l.invoice), month: '2026-04', invoiceNumber: 'INV', amount: l.amount, difference: l.difference }));
        if (allocations.some((a) => monthlySalesDecider.decide({ type: 'SettleFromDeposit', key: { projectId: a.projectId, month: a.month }, depositId: 'D', matchId: 'next', amount: a.amount, difference: a.difference, differenceAs: 'bank_fee', receivedOn: '2026-05-29' }, stateOf(Number(a.projectId))) instanceof DomainError)) continue;
        const verdict = depositDecider.decide({ type: 'MatchDeposit', customerId: m.customer, payerKey: 'ブンカツ', differenceAs: 'bank_fee', allocations, reasons: [] }, fold(depositDecider, deposit));
        if (verdict instanceof DomainError) continue;
        deposit = [...deposit, ...verdict];
        const matched = verdict[0] as Extract<DepositEvent, { type: 'DepositMatched' }>;
        for (let n = 0; n <= m.redeliveries; n++) settle(matched);
      }

      const matchedEvents = deposit.filter((e): e is Extract<DepositEvent, { type: 'DepositMatched' }> => e.type === 'DepositMatched');
      const applied = matchedEvents.flatMap((e) => e.data.allocations).reduce((t, a) => t + a.amount, 0);
      const paidFromDeposit = months.flat().filter((e) => e.type === 'PaymentRecorded').reduce((t, e) => t + (e.data as { amount: number }).amount, 0);
      assert.is(paidFromDeposit, applied, 'every yen the deposit applied is a payment, once');
      assert.is(fold(depositDecider, deposit).used, applied);
      assert.ok(applied <= amount);
      const differences = matchedEvents.flatMap((e) => e.data.allocations).reduce((t, a) => t + a.difference, 0);
      assert.is(months.flat().filter((e) => e.type === 'InvoiceDifferenceSettled').reduce((t, e) => t + (e.data as { amount: number }).amount, 0), differences);
      assert.ok(new Set(matchedEvents.map((e) => e.data.customerId)).size <= 1, 'one customer per deposit');
      for (const [i, events] of months.entries()) {
        assert.ok(stateOf(i).paid <= INVOICES[i]!.gross);
        if (events.length > 0) assert.is(INVOICES[i]!.customer, matchedEvents[0]!.data.customerId, 'never a month of another customer');
        const keys = events.filter((e) => e.type === 'PaymentRecorded').map((e) => (e.data as { matchId?: string }).matchId);
        assert.is(new Set(keys).size, keys.length, 'one payment per match and month');
      }
    }),
    { numRuns: 300 },
  );
});

test.run();
