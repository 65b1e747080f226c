import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ApprovalStep, WorkflowStatus } from '@sss/contracts/ports/workflow';
import type { RingiOutcome } from '@sss/contracts/ringi/events';
import type { MonthlySalesEvent } from '@sss/contracts/sales/events';
import { handleCommand, loadStream, type CommandContext } from '../kernel/command-handler.ts';
import { confirmOrder, recordApprovalOutcome } from '../project/handlers.ts';
import { monthlySalesDecider } from '../sales/decider.ts';
import { monthlySalesStream } from '../sales/streams.ts';
import type { RingiState } from './ringi-decider.ts';

/**
 * What a confirmed document status means for the business, and the commands that say so. Every
 * command here is safe to send twice (the project decider remembers outcomes per 稟議, the order
 * confirms once per 稟議, the month is checked for this 稟議 first), because a crash between the
 * business command and `RingiOutcomeApplied` makes the manager send it again.
 */

const OUTCOME_OF: Partial<Record<WorkflowStatus, RingiOutcome>> = { decision: 'approved', reject: 'rejected', remand: 'sent_back', takeback: 'withdrawn' };

export const outcomeOf = (status: WorkflowStatus): RingiOutcome | null => OUTCOME_OF[status] ?? null;

/** Who decided and what they wrote: the last step that decided anything, in phase order. */
export function lastDecision(approvals: readonly ApprovalStep[]): { by: string; comment: string; at: string | null } {
  // Only real judgements: a skipped co-approver of an `any` phase decided nothing.
  const decided = approvals.filter((s) => s.decidedAt !== null && (s.status === 'accept' || s.status === 'reject' || s.status === 'remand' || s.status === 'deny'));
  decided.sort((a, b) => (a.decidedAt! < b.decidedAt! ? -1 : a.decidedAt! > b.decidedAt! ? 1 : a.phase - b.phase));
  const last = decided[decided.length - 1];
  return last ? { by: last.approverName, comment: last.comment, at: last.decidedAt } : { by: '', comment: '', at: null };
}

export interface AppliedOutcome {
  readonly outcome: RingiOutcome;
  readonly documentNumber: string;
  readonly decidedBy: string;
  readonly comment: string;
  readonly decidedAt: string;
}

export async function applyOutcome(events: EventStore, clock: () => Date, ringi: RingiState, applied: AppliedOutcome): Promise<void> {
  const subject = ringi.subject!;
  const context: CommandContext = { actor: 'system:ringi', correlationId: ringi.ringiId, causationId: null };
  if (ringi.kind === 'sales_check') {
    const month = subject.month!;
    const stream = monthlySalesStream(subject.projectId, month);
    const { domain } = await loadStream<MonthlySalesEvent>(events, stream);
    const done = domain.some((e) => (e.type === 'SalesCheckApproved' || e.type === 'SalesCheckReturned') && e.data.ringiId === ringi.ringiId);
    if (done) return;
    await handleCommand(events, {
      streamName: stream,
      decider: monthlySalesDecider,
      command: { type: 'ApplySalesCheckOutcome', key: { projectId: subject.projectId, month }, body: { outcome: applied.outcome, ringiId: ringi.ringiId, comment: applied.comment.slice(0, 500) } },
      context,
      mustExist: true,
    });
    return;
  }
  const deps = { events, clock };
  await recordApprovalOutcome(deps, subject.projectId, {
    ringiId: ringi.ringiId,
    outcome: applied.outcome,
    ringiNumber: applied.documentNumber,
    comment: applied.comment.slice(0, 1000),
    decidedBy: applied.decidedBy.slice(0, 100) || 'CollaboFlow',
    decidedAt: applied.decidedAt,
  }, context);
  // 受注稟議: the order (one per project, same id) is confirmed under the number CollaboFlow issued.
  if (ringi.kind === 'order' && applied.outcome === 'approved') {
    await confirmOrder(deps, subject.projectId, { ringiId: ringi.ringiId, ringiNumber: applied.documentNumber, approvedAt: applied.decidedAt }, context);
  }
}
