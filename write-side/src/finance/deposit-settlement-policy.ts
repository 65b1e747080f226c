import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { DepositEvent } from '@sss/contracts/finance/events';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { settlementKeyOf } from '@sss/contracts/finance/settlement-key';
import { DomainError } from '@sss/contracts/http/problem';
import { fold } from '../kernel/decider.ts';
import { handleCommand, loadStream } from '../kernel/command-handler.ts';
import { monthlySalesDecider } from '../sales/decider.ts';
import type { CheckpointStore } from '../eventstore/checkpoint-store.ts';
import { followFromCheckpoint } from '../eventstore/checkpointed-subscription.ts';
import { depositDecider } from './deposit-decider.ts';

/**
 * No payment lost between a match and its months (docs/finance.md §Confirming). The match route records
 * `DepositMatched` and then each month's `PaymentRecorded`/`InvoiceDifferenceSettled`; a crash between the two
 * left the payments unrecorded, and the match could not be sent again (the deposit's money counts as used).
 * This policy follows every `DepositMatched` from its checkpoint and settles each allocation the same way. The
 * month ignores a match it has already seen (`matchIds`; a match recorded before matches had ids is keyed by its
 * deposit, as its payments were), so what the route already appended, a replay after a restart, or two instances
 * racing append nothing twice, while another match of the same deposit pays the month again; the months' own
 * revisions decide a race.
 * It bypasses the 月次締め check on purpose: the match was accepted while its month was open.
 */

export const DEPOSIT_SETTLEMENT_CHECKPOINT = 'finance-deposit-settlement-policy';
const ACTOR = 'system:deposit-settlement';

export async function settleMatchedDeposit(events: EventStore, event: RecordedEvent, log: (message: string, error?: unknown) => void): Promise<void> {
  if (!isEventOf(event, ['DepositMatched'])) return;
  const { depositId, allocations, differenceAs } = event.data;
  const { domain } = await loadStream<DepositEvent>(events, streams.deposit(depositId));
  const receivedOn = fold(depositDecider, domain).imported?.valueDate;
  if (!receivedOn) return log(`deposit ${depositId}: matched but never imported; nothing to settle`);
  const matchId = settlementKeyOf(event.data);
  const context = { actor: ACTOR, correlationId: event.metadata.correlationId, causationId: event.metadata.eventId };
  for (const a of allocations) {
    const key = { projectId: a.projectId, month: a.month };
    try {
      await handleCommand(events, {
        streamName: streams.monthlySales(a.projectId, a.month),
        decider: monthlySalesDecider,
        command: { type: 'SettleFromDeposit', key, depositId, matchId, amount: a.amount, difference: a.difference, differenceAs, receivedOn },
        context,
        mustExist: true,
      });
    } catch (error) {
      // A refusal (the invoice corrected below the amount since) will not change by retrying: say so and go on.
      if (error instanceof DomainError) log(`deposit ${depositId}: ${a.month} of ${a.projectId} not settled: ${error.message}`);
      else throw error;
    }
  }
}

export function startDepositSettlementPolicy(options: { events: EventStore; checkpoints?: CheckpointStore; subscribers?: SubscriberRegistry; log?: (message: string, error?: unknown) => void }): ReturnType<typeof followFromCheckpoint> {
  const log = options.log ?? (() => {});
  return followFromCheckpoint({
    events: options.events,
    checkpoints: options.checkpoints,
    name: DEPOSIT_SETTLEMENT_CHECKPOINT,
    handle: (event) => settleMatchedDeposit(options.events, event, log),
    log,
    report: options.subscribers?.register('policy:deposit-settlement', 'policy'),
  });
}
