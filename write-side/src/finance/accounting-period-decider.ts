import { DomainError } from '@sss/contracts/http/problem';
import type { AccountingPeriodEvent } from '@sss/contracts/finance/period-events';
import { closedMonthMessage } from '@sss/contracts/finance/period-schemas';
import { formatMonthJapanese } from '@sss/contracts/domain/months';
import type { Decider } from '../kernel/decider.ts';

/**
 * 月次締め (docs/finance.md §Month-end close): a month is open until closed; closing it again, or
 * reopening an open month, is refused rather than recorded twice.
 */

export type AccountingPeriodCommand = { type: 'CloseMonth'; month: string } | { type: 'ReopenMonth'; month: string; reason: string };

export interface AccountingPeriodState {
  readonly closed: boolean;
}

export const accountingPeriodDecider: Decider<AccountingPeriodCommand, AccountingPeriodEvent, AccountingPeriodState> = {
  initialState: { closed: false },

  decide(command, state) {
    switch (command.type) {
      case 'CloseMonth':
        if (state.closed) return new DomainError('month_closed', `${closedMonthMessage(command.month)}（既に締めています）。`, [{ field: 'month', message: closedMonthMessage(command.month) }], { closedMonth: command.month });
        return [{ type: 'MonthClosed', data: { month: command.month } }];
      case 'ReopenMonth': {
        const reason = command.reason.trim();
        if (!reason) return DomainError.field('validation_failed', 'reason', '締め解除の理由を入力してください。');
        if (!state.closed) return DomainError.field('illegal_transition', 'month', `${formatMonthJapanese(command.month)}は締められていません。`);
        return [{ type: 'MonthReopened', data: { month: command.month, reason } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MonthClosed':
        return { closed: true };
      case 'MonthReopened':
        return { closed: false };
    }
  },
};
