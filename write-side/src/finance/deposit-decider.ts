import { DomainError } from '@sss/contracts/http/problem';
import type { DepositAllocation, DepositEvent, DepositImportedData, DifferenceKind } from '@sss/contracts/finance/events';
import { formatYenJapanese } from '@sss/contracts/domain/money';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { matchIdOf } from '@sss/contracts/finance/settlement-key';
import type { Decider } from '../kernel/decider.ts';

/**
 * A bank deposit (`deposit-<id>`, docs/finance.md): imported once, then applied to the invoices of one
 * customer (in one or several matches), refunded in part or whole; what is neither stays 仮受金.
 */

export type DepositCommand =
  | { type: 'ImportDeposit'; data: DepositImportedData }
  | { type: 'MatchDeposit'; customerId: string; payerKey: string; differenceAs: DifferenceKind; allocations: readonly DepositAllocation[]; reasons: readonly string[] }
  | { type: 'RefundDeposit'; amount: number; refundedOn: string; reason: string; today: string };

export interface DepositState {
  readonly imported: DepositImportedData | null;
  readonly customerId: string | null;
  /** Yen of the deposit applied to invoices or refunded. */
  readonly used: number;
  /** Matches recorded so far: the next one is `matchIdOf(depositId, matches + 1)`. */
  readonly matches: number;
}

export const unappliedOf = (state: DepositState): number => (state.imported?.amount ?? 0) - state.used;

export const depositDecider: Decider<DepositCommand, DepositEvent, DepositState> = {
  initialState: { imported: null, customerId: null, used: 0, matches: 0 },

  decide(command, state) {
    switch (command.type) {
      case 'ImportDeposit':
        // The id is the record's digest: the same line imported again is already here.
        return state.imported ? [] : [{ type: 'DepositImported', data: command.data }];
      case 'MatchDeposit': {
        if (!state.imported) return new DomainError('not_found', '入金が見つかりません。');
        // One deposit pays one customer: a payer's money is never spread across customers.
        if (state.customerId && state.customerId !== command.customerId) return DomainError.field('rule_violated', 'customerId', 'この入金は既に別の得意先に消込済みです。残額は同じ得意先にだけ消込できます。');
        const applied = command.allocations.reduce((t, a) => t + a.amount, 0);
        const unapplied = unappliedOf(state);
        if (applied > unapplied) return DomainError.field('rule_violated', 'allocations', `消込額の合計（${formatYenJapanese(applied)}）が入金の未消込残高（${formatYenJapanese(unapplied)}）を超えています。`);
        if (command.allocations.every((a) => a.amount + a.difference === 0)) return DomainError.field('validation_failed', 'allocations', '消込額を入力してください。');
        const seen = new Set<string>();
        for (const [i, a] of command.allocations.entries()) {
          const key = `${a.projectId}_${a.month}`;
          if (seen.has(key)) return DomainError.field('validation_failed', `allocations.${i}`, '同じ請求書が二度指定されています。');
          seen.add(key);
        }
        const { customerId, payerKey, differenceAs, allocations, reasons } = command;
        const depositId = state.imported.depositId;
        return [{ type: 'DepositMatched', data: { depositId, matchId: matchIdOf(depositId, state.matches + 1), customerId, payerKey, differenceAs, allocations, reasons } }];
      }
      case 'RefundDeposit': {
        if (!state.imported) return new DomainError('not_found', '入金が見つかりません。');
        if (!isCalendarDate(command.refundedOn)) return DomainError.field('validation_failed', 'refundedOn', '返金日は実在する日付で入力してください。');
        if (command.refundedOn > command.today) return DomainError.field('validation_failed', 'refundedOn', '返金日に未来の日付は入力できません。');
        const unapplied = unappliedOf(state);
        if (command.amount > unapplied) return DomainError.field('rule_violated', 'amount', `返金額が未消込残高（${formatYenJapanese(unapplied)}）を超えています。`);
        return [{ type: 'DepositRefunded', data: { depositId: state.imported.depositId, amount: command.amount, refundedOn: command.refundedOn, reason: command.reason.trim() } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'DepositImported':
        return { ...state, imported: event.data };
      case 'DepositMatched':
        return { ...state, customerId: event.data.customerId, used: state.used + event.data.allocations.reduce((t, a) => t + a.amount, 0), matches: state.matches + 1 };
      case 'DepositRefunded':
        return { ...state, used: state.used + event.data.amount };
    }
  },
};
