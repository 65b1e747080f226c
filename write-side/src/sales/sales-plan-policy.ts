import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import { isEventOf, type RecordedOf } from '@sss/contracts/events/registry';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import { streams } from '@sss/contracts/streams/names';
import { handleCommand } from '../kernel/command-handler.ts';
import { monthlySalesDecider } from './decider.ts';
import type { CheckpointStore } from '../eventstore/checkpoint-store.ts';
import { followFromCheckpoint } from '../eventstore/checkpointed-subscription.ts';
import { parkedEventIn, type ParkingLots } from '../ops/parking-lot.ts';

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
  /** Defaults to the store beside `events`. */
  readonly checkpoints?: CheckpointStore;
  readonly subscribers?: SubscriberRegistry;
  /** Where a poison event is parked instead of retried forever. */
  readonly parking?: ParkingLots;
}

export const SALES_PLAN_CHECKPOINT = 'sales-plan-policy';

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

export function startSalesPlanPolicy(options: SalesPlanPolicyOptions): ReturnType<typeof followFromCheckpoint> {
  const handle = (event: RecordedEvent) => (isEventOf(event, SALES_PLAN_TRIGGERS) ? applySalesPlan(options.events, event) : undefined);
  return followFromCheckpoint({
    events: options.events,
    checkpoints: options.checkpoints,
    name: SALES_PLAN_CHECKPOINT,
    handle,
    parking: options.parking?.open('policy:sales-plan', async (entry) => handle(await parkedEventIn(options.events, entry))),
    log: options.log ?? (() => {}),
    report: options.subscribers?.register('policy:sales-plan', 'policy'),
  });
}
