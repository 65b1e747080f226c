import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { MonthlySalesEvent } from '@sss/contracts/sales/events';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { DomainError } from '@sss/contracts/http/problem';
import { fold } from '../kernel/decider.ts';
import { handleCommand, loadStream } from '../kernel/command-handler.ts';
import { projectDecider } from '../project/decider.ts';
import { monthlySalesDecider } from './decider.ts';
import type { CheckpointStore } from '../eventstore/checkpoint-store.ts';
import { followFromCheckpoint } from '../eventstore/checkpointed-subscription.ts';
import { parkedEventIn, type ParkingLots } from '../ops/parking-lot.ts';

/**
 * While a month's sales check (or the 稟議 of an invoice correction) is open the project shows 売上実績処理中 (docs/domain.md §Business flows). This policy
 * does not replay decisions; it reconciles: on any check event it reads the month's CURRENT state and
 * asks the project to match it (open → StartSalesActualProcessing, otherwise Finish). Both commands are
 * idempotent in the project decider, so a replay converges to the present instead of re-opening
 * months that have long closed; a restart resumes from its checkpoint (`sales-project-status-policy`).
 */

export const PROJECT_STATUS_CHECKPOINT = 'sales-project-status-policy';

const TRIGGERS = ['SalesCheckRequested', 'SalesCheckApproved', 'SalesCheckReturned'] as const;

/** Any other event is not a check event and changes nothing. */
export async function reconcileProjectStatus(events: EventStore, event: RecordedEvent, log: (message: string, error?: unknown) => void): Promise<void> {
  if (!isEventOf(event, TRIGGERS)) return;
  const { projectId, month } = event.data;
  const { domain } = await loadStream<MonthlySalesEvent>(events, streams.monthlySales(projectId, month));
  const current = fold(monthlySalesDecider, domain);
  // A correction's 稟議 leaves the month 請求済 with its request open: the month is being processed again.
  const open = current.status === 'checking' || (current.status === 'invoiced' && current.requested !== null);
  const at = event.metadata.occurredAt;
  const ringiId = 'ringiId' in event.data ? event.data.ringiId : undefined;
  const body = { month, ...(ringiId ? { ringiId } : {}) };
  try {
    await handleCommand(events, {
      streamName: streams.project(projectId),
      decider: projectDecider,
      command: open ? { type: 'StartSalesActualProcessing', body, meta: { actor: 'system:sales-project-status', at } } : { type: 'FinishSalesActualProcessing', body, meta: { actor: 'system:sales-project-status', at } },
      context: { actor: 'system:sales-project-status', correlationId: event.metadata.correlationId, causationId: event.metadata.eventId },
      mustExist: true,
    });
  } catch (error) {
    // A business refusal (no such project, a project 中止 meanwhile) will not change by retrying: record and move on.
    if (error instanceof DomainError) log(`project ${projectId} status not updated for ${month}: ${error.message}`);
    else throw error;
  }
}

export function startProjectStatusPolicy(options: { events: EventStore; checkpoints?: CheckpointStore; subscribers?: SubscriberRegistry; log?: (message: string, error?: unknown) => void; parking?: ParkingLots }): ReturnType<typeof followFromCheckpoint> {
  const log = options.log ?? (() => {});
  const handle = (event: RecordedEvent) => reconcileProjectStatus(options.events, event, log);
  return followFromCheckpoint({
    events: options.events,
    checkpoints: options.checkpoints,
    name: PROJECT_STATUS_CHECKPOINT,
    handle,
    parking: options.parking?.open('policy:project-status', async (entry) => handle(await parkedEventIn(options.events, entry))),
    log,
    report: options.subscribers?.register('policy:project-status', 'policy'),
  });
}
