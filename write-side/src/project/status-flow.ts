import { DomainError } from '@sss/contracts/http/problem';
import type { Decision } from '../kernel/decider.ts';
import type { ApprovalDecisionData, ProjectEvent } from '@sss/contracts/project/events';
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS, type ApprovalOutcome } from '@sss/contracts/project/fields';
import { APPROVAL_FLOW, canTransition, type ProjectStatus } from '@sss/contracts/project/status';
import type { CommandMeta, ProjectCommand } from './commands.ts';
import type { ProjectState } from './state.ts';
import { illegalTransition, mustExist } from './guards.ts';

/** Status changes: manual ones, 稟議 requests and outcomes, and the monthly sales-actual flow. */

type Cmd<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>;

function statusChanged(state: ProjectState, to: ProjectStatus, reason: string, ringiId: string | null, meta: CommandMeta): ProjectEvent {
  return { type: 'ProjectStatusChanged', data: { projectId: state.projectId, from: state.status, to, reason, ringiId, by: meta.actor, at: meta.at } };
}

/** 失注・中止・完了, chosen by a person with a reason. */
export function changeStatus(cmd: Cmd<'ChangeProjectStatus'>, state: ProjectState): Decision<ProjectEvent> {
  const missing = mustExist(state);
  if (missing) return missing;
  const { to, reason } = cmd.body;
  if (!canTransition(state.status, to)) return illegalTransition(state.status, to);
  if (reason.trim() === '') return DomainError.field('validation_failed', 'reason', '理由を入力してください。');
  return [statusChanged(state, to, reason, null, cmd.meta)];
}

/**
 * 稟議申請: the project moves to the kind's 稟議中 state and stays frozen until the outcome. A 稟議
 * sent back (差し戻し) may be filed again under the same id — the workflow product resubmits the
 * same document — but an id that ended any other way is spent.
 */
export function requestApproval(cmd: Cmd<'RequestApproval'>, state: ProjectState): Decision<ProjectEvent> {
  const missing = mustExist(state);
  if (missing) return missing;
  const { kind } = cmd.body;
  const target = APPROVAL_FLOW[kind].inRingi;
  if (!canTransition(state.status, target)) return illegalTransition(state.status, target);
  const previous = state.approvalOutcomes[cmd.ringiId];
  if (previous !== undefined && previous !== 'sent_back') {
    return DomainError.field('rule_violated', 'ringiId', `この稟議は既に「${APPROVAL_OUTCOME_LABELS[previous]}」で終わっています。新しい稟議として申請してください。`);
  }
  if ((kind === 'estimate' || kind === 'order') && state.resources.length === 0) {
    return DomainError.field('rule_violated', 'resources', `月毎明細にリソースがないため${APPROVAL_KIND_LABELS[kind]}を申請できません。`);
  }
  return [
    {
      type: 'ProjectApprovalRequested',
      data: {
        projectId: state.projectId,
        ringiId: cmd.ringiId,
        kind,
        requestedFrom: state.status,
        comment: cmd.body.comment ?? '',
        estimateId: cmd.body.estimateId ?? null,
        estimateVersion: cmd.body.estimateVersion ?? null,
        by: cmd.meta.actor,
        at: cmd.meta.at,
      },
    },
    statusChanged(state, target, `${APPROVAL_KIND_LABELS[kind]}を申請`, cmd.ringiId, cmd.meta),
  ];
}

const DECISION_EVENT = {
  approved: 'ProjectApprovalGranted',
  rejected: 'ProjectApprovalRejected',
  sent_back: 'ProjectApprovalSentBack',
  withdrawn: 'ProjectApprovalWithdrawn',
} as const satisfies Record<ApprovalOutcome, ProjectEvent['type']>;

/**
 * An outcome from the workflow. Approval moves the project on; 却下・差し戻し・取り下げ return it to
 * the state the 稟議 was requested from. The same outcome delivered again changes nothing (webhooks
 * are at-least-once); a different outcome for a finished 稟議 is refused.
 */
export function recordApprovalOutcome(cmd: Cmd<'RecordApprovalOutcome'>, state: ProjectState): Decision<ProjectEvent> {
  const missing = mustExist(state);
  if (missing) return missing;
  const { ringiId, outcome } = cmd.body;
  const pending = state.pendingApproval;
  if (pending === null || pending.ringiId !== ringiId) {
    const previous = state.approvalOutcomes[ringiId];
    if (previous === outcome) return [];
    if (previous !== undefined) {
      return DomainError.field('rule_violated', 'outcome', `この稟議は既に「${APPROVAL_OUTCOME_LABELS[previous]}」で終わっています。`);
    }
    return DomainError.field('rule_violated', 'ringiId', 'この案件で申請中の稟議ではありません。');
  }
  if (state.approvalOutcomes[ringiId] === outcome && Date.parse(cmd.body.decidedAt) <= Date.parse(pending.requestedAt)) {
    // A late duplicate of the outcome that ended the previous round (e.g. the 差し戻し before this
    // resubmission): it was decided before this request existed, so it cannot answer it.
    return [];
  }
  const ringiNumber = cmd.body.ringiNumber?.trim() ?? '';
  if (outcome === 'approved' && pending.kind === 'order' && ringiNumber === '') {
    // The 受注稟議番号 is printed on 受注一覧 and the order; an approval without it cannot be recorded.
    return DomainError.field('validation_failed', 'ringiNumber', '受注稟議の承認には稟議番号が必要です。');
  }
  const data: ApprovalDecisionData = {
    projectId: state.projectId,
    ringiId,
    kind: pending.kind,
    ringiNumber,
    comment: cmd.body.comment ?? '',
    decidedBy: cmd.body.decidedBy,
    decidedAt: cmd.body.decidedAt,
  };
  const to = outcome === 'approved' ? APPROVAL_FLOW[pending.kind].approved : pending.requestedFrom;
  const reason = `${APPROVAL_KIND_LABELS[pending.kind]}が${APPROVAL_OUTCOME_LABELS[outcome]}されました`;
  return [{ type: DECISION_EVENT[outcome], data } as ProjectEvent, statusChanged(state, to, reason, ringiId, { actor: cmd.meta.actor, at: cmd.body.decidedAt })];
}

/**
 * The monthly 売上実績・請求確認 flow opened. Months are tracked one by one: with two months in
 * flight the project stays 売上実績処理中 until both are closed.
 */
export function startSalesActualProcessing(cmd: Cmd<'StartSalesActualProcessing'>, state: ProjectState): Decision<ProjectEvent> {
  const missing = mustExist(state);
  if (missing) return missing;
  const { month } = cmd.body;
  if (state.openSalesMonths.includes(month)) return [];
  if (state.status !== 'ordered' && state.status !== 'sales_actual_in_progress') return illegalTransition(state.status, 'sales_actual_in_progress');
  const started: ProjectEvent = { type: 'SalesActualProcessingStarted', data: { projectId: state.projectId, month, ringiId: cmd.body.ringiId ?? null } };
  if (state.status === 'sales_actual_in_progress') return [started];
  return [started, statusChanged(state, 'sales_actual_in_progress', `${month}の売上実績処理を開始`, cmd.body.ringiId ?? null, cmd.meta)];
}

export function finishSalesActualProcessing(cmd: Cmd<'FinishSalesActualProcessing'>, state: ProjectState): Decision<ProjectEvent> {
  const missing = mustExist(state);
  if (missing) return missing;
  const { month } = cmd.body;
  // Already closed (or never opened): a repeated notification, nothing to do.
  if (!state.openSalesMonths.includes(month)) return [];
  const finished: ProjectEvent = { type: 'SalesActualProcessingFinished', data: { projectId: state.projectId, month, ringiId: cmd.body.ringiId ?? null } };
  if (state.openSalesMonths.length > 1) return [finished];
  return [finished, statusChanged(state, 'ordered', `${month}の売上実績処理が完了`, cmd.body.ringiId ?? null, cmd.meta)];
}
