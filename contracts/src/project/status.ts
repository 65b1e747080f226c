import type { ApprovalKind } from './fields.ts';

/**
 * 案件ステータス and its machine. It lives in contracts because the UI needs the same table to
 * decide which buttons to offer; the write side enforces it.
 *
 *   提案検討中 ─提案稟議→ 提案稟議中 ─(承認・却下・差し戻し・取り下げ)→ 提案検討中
 *   提案検討中 / 承認 ─見積稟議→ 見積稟議中 ─承認→ 承認   (却下等は依頼元へ戻る)
 *   承認 ─先行着手稟議→ 先行着手稟議中 ─承認→ 先行着手
 *   承認 / 先行着手 ─受注稟議→ 受注稟議中 ─承認→ 受注済 ⇄ 売上実績処理中;  受注済 → 完了
 *   失注: 受注前の編集可能な状態から;  中止: 完了前の編集可能な状態から
 *
 * A 稟議 that does not end in approval (却下・差し戻し・取り下げ) returns the project to the state it
 * was requested from, so the person can rework it and apply again, or mark it 失注 / 中止.
 */

export const PROJECT_STATUSES = [
  'proposing',
  'proposal_in_ringi',
  'estimate_in_ringi',
  'estimate_approved',
  'early_start_in_ringi',
  'early_started',
  'order_in_ringi',
  'ordered',
  'sales_actual_in_progress',
  'completed',
  'lost',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  proposing: '提案検討中',
  proposal_in_ringi: '提案稟議中',
  estimate_in_ringi: '見積稟議中',
  estimate_approved: '承認',
  early_start_in_ringi: '先行着手稟議中',
  early_started: '先行着手',
  order_in_ringi: '受注稟議中',
  ordered: '受注済',
  sales_actual_in_progress: '売上実績処理中',
  completed: '完了',
  lost: '失注',
  cancelled: '中止',
};

/** Every edge of the machine. Anything not listed is an illegal transition. */
export const STATUS_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  proposing: ['proposal_in_ringi', 'estimate_in_ringi', 'lost', 'cancelled'],
  proposal_in_ringi: ['proposing'],
  estimate_in_ringi: ['estimate_approved', 'proposing'],
  estimate_approved: ['estimate_in_ringi', 'early_start_in_ringi', 'order_in_ringi', 'lost', 'cancelled'],
  early_start_in_ringi: ['early_started', 'estimate_approved'],
  early_started: ['order_in_ringi', 'lost', 'cancelled'],
  order_in_ringi: ['ordered', 'estimate_approved', 'early_started'],
  ordered: ['sales_actual_in_progress', 'completed', 'cancelled'],
  sales_actual_in_progress: ['ordered'],
  completed: [],
  lost: [],
  cancelled: [],
};

export function canTransition(from: ProjectStatus, to: ProjectStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/**
 * States in which a person may edit the project (basics, resources, billing). While a 稟議 is in
 * flight the approver is looking at a snapshot, so the project is frozen until the outcome.
 */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['proposing', 'estimate_approved', 'early_started', 'ordered'];

/** Statuses a person may choose directly; all others are reached through 稟議 or the sales flow. */
export const MANUAL_TARGET_STATUSES = ['lost', 'cancelled', 'completed'] as const satisfies readonly ProjectStatus[];

/** Per kind of 稟議: the state it puts the project in while open, and the state approval leads to. */
export const APPROVAL_FLOW: Readonly<Record<ApprovalKind, { inRingi: ProjectStatus; approved: ProjectStatus }>> = {
  proposal: { inRingi: 'proposal_in_ringi', approved: 'proposing' },
  estimate: { inRingi: 'estimate_in_ringi', approved: 'estimate_approved' },
  early_start: { inRingi: 'early_start_in_ringi', approved: 'early_started' },
  order: { inRingi: 'order_in_ringi', approved: 'ordered' },
};
