import { concatMap, defer, tap, type Subscription } from 'rxjs';
import { retryWithBackoff } from '@sss/contracts/streams/operators';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { NO_SUBSCRIBER_REPORT, type SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { RecordedOf } from '@sss/contracts/events/registry';
import { ofType } from '@sss/contracts/events/of-type';
import { streams } from '@sss/contracts/streams/names';
import { handleCommand } from '../kernel/command-handler.ts';
import { monthlySalesDecider } from './decider.ts';

/**
 * How the order's budget reaches the sales context: a policy follows the event store and, for each
 * `SalesPlanDerived`, sets the plan of every month on that month's MonthlySales stream (creating it).
 * Why a policy rather than creating months lazily on first touch: the plan must be visible in
 * 月次売上予実 before anyone opens the month, and the write side cannot look up "the order of this
 * project" without an index of its own. Idempotent by the source event id, so it simply reads from
 * the beginning on every start (no checkpoint to lose); a crash mid-way re-applies only what is missing.
 */

export interface SalesPlanPolicyOptions {
  readonly events: EventStore;
  readonly log?: (message: string, error?: unknown) => void;
  readonly subscribers?: SubscriberRegistry;
}

/** The one event type this policy handles. */
export const SALES_PLAN_TRIGGERS = ['SalesPlanDerived'] as const;

export async function applySalesPlan(events: EventStore, event: RecordedOf<(typeof SALES_PLAN_TRIGGERS)[number]>): Promise<void> {
  const { data } = event;
  for (const month of data.months) {
    await handleCommand(events, {
      streamName: streams.monthlySales(data.projectId, month.month),
      decider: monthlySalesDecider,
      command: { type: 'SetMonthlyPlan', key: { projectId: data.projectId, month: month.month }, projectNumber: data.projectNumber, orderId: data.orderId, revenue: month.revenue, cost: month.cost, sourceEventId: event.metadata.eventId },
      context: { actor: 'system:sales-plan-policy', correlationId: event.metadata.correlationId, causationId: event.metadata.eventId },
    });
  }
}

export function startSalesPlanPolicy(options: SalesPlanPolicyOptions): { stop(): Promise<void> } {
  const report = options.subscribers?.register('policy:sales-plan', 'policy') ?? NO_SUBSCRIBER_REPORT;
  const subscription: Subscription = defer(() => options.events.subscribeAll(0n))
    .pipe(
      // The position read, not the position applied: a policy keeps no checkpoint, so this is what it has seen.
      tap((event) => report.reached(event.position)),
      ofType(SALES_PLAN_TRIGGERS),
      concatMap((event) => applySalesPlan(options.events, event)),
      retryWithBackoff((error, attempt) => (report.failed(error), options.log?.(`sales plan policy failed (attempt ${attempt}); retrying`, error)), 500),
    )
    .subscribe();
  return {
    async stop() {
      subscription.unsubscribe();
    },
  };
}
