import type { ApprovalStep } from '@sss/contracts/ports/workflow';
import type { RingiTimelineEntry } from '@sss/contracts/ringi/views';

/** The Japanese words of a 稟議's timeline: one line per thing a person would want to know happened. */

const DECISION_WORDS: Record<string, string> = { accept: '承認', reject: '却下', remand: '差し戻し', skip: 'スキップ', confirm: '確認', deny: '否決' };

export const entry = (at: string, kind: RingiTimelineEntry['kind'], text: string): RingiTimelineEntry => ({ at, kind, text });

/** Approver decisions that appear in `next` and were not in `previous` (a re-read repeats the old ones). */
export function newDecisions(previous: readonly ApprovalStep[], next: readonly ApprovalStep[]): RingiTimelineEntry[] {
  const seen = new Set(previous.filter((s) => s.decidedAt).map((s) => `${s.phase}|${s.approverId}|${s.status}|${s.decidedAt}`));
  return next
    .filter((s) => s.decidedAt && DECISION_WORDS[s.status] && !seen.has(`${s.phase}|${s.approverId}|${s.status}|${s.decidedAt}`))
    .map((s) => entry(s.decidedAt!, 'decision', `${s.phaseTitle}: ${s.approverName} が${DECISION_WORDS[s.status]}${s.comment ? `「${s.comment}」` : ''}`));
}

export const STEP_WORDS: Record<string, string> = { draft: '下書き保存', submit: '申請', confirm: '状況確認', apply: '結果の反映' };
