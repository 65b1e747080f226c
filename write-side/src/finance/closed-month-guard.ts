import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { closedMonthMessage } from '@sss/contracts/finance/period-schemas';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { accountingPeriodDecider } from './accounting-period-decider.ts';

/**
 * The check every command that changes a month's books makes before it appends anything
 * (docs/finance.md §Month-end close): each month it touches is read from its period stream, the
 * same store every write instance appends to, so a close recorded by any instance is seen by all.
 */
export interface ClosedMonthGuard {
  /** Refuses with 409 `month_closed` naming the first closed month; `touches` are `[field, YYYY-MM or YYYY-MM-DD]`. */
  assertOpen(touches: readonly (readonly [field: string, date: string])[]): Promise<void>;
}

export function closedMonthGuard(events: EventStore): ClosedMonthGuard {
  const periods = commandHandlerFor({ store: events, decider: accountingPeriodDecider, stream: streams.accountingPeriod });
  return {
    async assertOpen(touches) {
      const seen = new Set<string>();
      for (const [field, date] of touches) {
        const month = date.slice(0, 7);
        if (seen.has(month)) continue;
        seen.add(month);
        if ((await periods.load(month)).state.closed) {
          const message = closedMonthMessage(month);
          throw new DomainError('month_closed', `${message}。締めを解除するまで、この月の売上実績・請求書・入金は変更できません。`, [{ field, message }], { closedMonth: month });
        }
      }
    },
  };
}
