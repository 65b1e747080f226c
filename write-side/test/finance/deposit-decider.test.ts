import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import type { DepositEvent, DepositImportedData } from '@sss/contracts/finance/events';
import { fold } from '../../src/kernel/decider.ts';
import { depositDecider, unappliedOf, type DepositCommand } from '../../src/finance/deposit-decider.ts';

/** A deposit: imported once, applied to one customer only, never beyond its amount, refunds from what is left. */

const imported: DepositImportedData = { depositId: 'd1', source: 'zengin01', fileName: 'f', line: 2, inquiryNumber: '000001', valueDate: '2026-05-29', amount: 10_000, payerCode: '', payerName: 'ﾔﾏﾀﾞ', remitterBank: '', remitterBranch: '', ediInfo: '', raw: '' };
const match = (customerId: string, amount: number): DepositCommand => ({ type: 'MatchDeposit', customerId, payerKey: 'ヤマダ', differenceAs: 'bank_fee', reasons: [], allocations: [{ projectId: 'p', month: `2026-0${amount % 9 + 1}`, invoiceNumber: 'INV-000001', amount, difference: 0 }] });
const given = (events: DepositEvent[]) => fold(depositDecider, events);
const events = (verdict: ReturnType<typeof depositDecider.decide>) => {
  if (verdict instanceof DomainError) throw verdict;
  return [...verdict];
};

test('importing again decides nothing', () => {
  assert.equal(events(depositDecider.decide({ type: 'ImportDeposit', data: imported }, given([{ type: 'DepositImported', data: imported }]))), []);
});

test('split over two matches of one customer; never another customer; never beyond the amount', () => {
  let history: DepositEvent[] = [{ type: 'DepositImported', data: imported }];
  history = [...history, ...events(depositDecider.decide(match('c1', 6_000), given(history)))];
  assert.is(unappliedOf(given(history)), 4_000);
  const other = depositDecider.decide(match('c2', 1_000), given(history));
  assert.ok(other instanceof DomainError && other.errors[0]!.field === 'customerId');
  const tooMuch = depositDecider.decide(match('c1', 4_001), given(history));
  assert.ok(tooMuch instanceof DomainError && tooMuch.code === 'rule_violated');
  history = [...history, ...events(depositDecider.decide(match('c1', 4_000), given(history)))];
  // Each match has its own id: the months it pays remember matches, not deposits (settlement-key.ts).
  assert.equal(history.flatMap((e) => (e.type === 'DepositMatched' ? [e.data.matchId] : [])), ['d1-m1', 'd1-m2']);
  assert.is(unappliedOf(given(history)), 0);
});

test('a refund takes what is unapplied, no more, and not in the future', () => {
  const history: DepositEvent[] = [{ type: 'DepositImported', data: imported }];
  const refund = (amount: number, refundedOn = '2026-06-01') => depositDecider.decide({ type: 'RefundDeposit', amount, refundedOn, reason: '誤入金', today: '2026-06-10' }, given(history));
  assert.is(events(refund(10_000))[0]!.type, 'DepositRefunded');
  assert.ok(refund(10_001) instanceof DomainError);
  assert.ok(refund(1, '2026-06-11') instanceof DomainError);
});

test.run();
