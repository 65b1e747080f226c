import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ApplySalesCheckOutcome } from '@sss/contracts/sales/schemas';
import { handleCommand, type CommandContext, type CommandResult } from '../kernel/command-handler.ts';
import { monthlySalesDecider } from './decider.ts';
import type { MonthlySalesEvent } from '@sss/contracts/sales/events';
import { streams } from '@sss/contracts/streams/names';

/**
 * For the 稟議 process manager: turn a 売上実績・請求確認 outcome (決裁 / 却下 / 差し戻し / 取り下げ) into
 * the MonthlySales command, in process. The HTTP route does the same for people and tests. It watches
 * `SalesCheckRequested` (data: projectId, month, totals) to know when to file the 稟議.
 */
export function applySalesCheckOutcome(events: EventStore, month: { projectId: string; month: string }, body: ApplySalesCheckOutcome, context: CommandContext): Promise<CommandResult<MonthlySalesEvent>> {
  return handleCommand(events, {
    streamName: streams.monthlySales(month.projectId, month.month),
    decider: monthlySalesDecider,
    command: { type: 'ApplySalesCheckOutcome', key: month, body },
    context,
    mustExist: true,
  });
}
