import type { ApprovalStep } from '@sss/contracts/ports/workflow';
import { RINGI_KIND_LABELS, RINGI_STATUS_LABELS, type RingiStatus } from '@sss/contracts/ringi/events';
import type { RingiTimelineEntry } from '@sss/contracts/ringi/views';
import { PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import { eventTypesIn, isEventOf, type RecordedOf } from '@sss/contracts/events/registry';
import { defineProjection, type DocChange, type Projection } from '../projector/projection.ts';
import { entry, newDecisions, STEP_WORDS } from './timeline.ts';

/**
 * 稟議一覧 / 稟議の経過, from the process manager's `ringi-*` streams: one document per 稟議 with its
 * current state, who it waits for, and a timeline in Japanese. Polls that change nothing are not
 * shown (they would drown the timeline); every retry is, since it is what an operator looks for.
 */

export const RINGIS = 'ringis';

const OUTCOME_STATUS: Record<string, RingiStatus> = { approved: 'approved', rejected: 'rejected', sent_back: 'sent_back', withdrawn: 'withdrawn' };

/** Business events that record a 稟議's outcome on the project or month it was about. */
const EFFECT_TYPES = ['ProjectStatusChanged', 'SalesCheckApproved', 'SalesCheckReturned'] as const;

export const ringiProjection: Projection = defineProjection({
  name: 'ringis',
  version: 1,
  collections: { [RINGIS]: [{ keys: { requestedAt: -1 } }, { keys: { requestedBy: 1, requestedAt: -1 } }, { keys: { status: 1, requestedAt: -1 } }, { keys: { projectId: 1 } }] },

  canHandle: [...EFFECT_TYPES, ...eventTypesIn('ringi')],

  async project(event, docs): Promise<DocChange[]> {
    if (isEventOf(event, EFFECT_TYPES)) {
      const effect = businessEffect(event);
      if (!effect) return [];
      // The business stream's own record of the outcome: proof on the timeline that it took effect.
      const ringi = await docs.get(RINGIS, effect.ringiId);
      if (!ringi) return [];
      const timeline = [...(ringi.timeline as RingiTimelineEntry[]), entry(event.metadata.occurredAt, 'business', effect.text)];
      return [{ op: 'put', collection: RINGIS, doc: { ...ringi, effect: effect.text, timeline, updatedAt: event.metadata.occurredAt } }];
    }
    const e = event;
    const id = e.data.ringiId;
    const at = event.metadata.occurredAt;
    if (e.type === 'RingiRequested') {
      const d = e.data;
      const doc = {
        _id: id, id, kind: d.kind, status: 'filing', title: d.title, projectId: d.subject.projectId, projectNumber: d.subject.projectNumber, projectName: d.subject.projectName,
        month: d.subject.month, requestedBy: d.requestedBy, applicant: d.actAs, requestedAt: d.at, documentId: null, documentNumber: '', link: '', waitingFor: [],
        stuck: null, effect: null, failures: 0, updatedAt: at, approvers: [],
        timeline: [entry(d.at, 'requested', `${RINGI_KIND_LABELS[d.kind]}を申請${d.comment ? `「${d.comment}」` : ''}`)],
      };
      return [{ op: 'put', collection: RINGIS, doc }];
    }
    const current = await docs.get(RINGIS, id);
    if (!current) return [];
    const timeline = [...(current.timeline as RingiTimelineEntry[])];
    const next: Record<string, unknown> & { _id: string } = { ...current, updatedAt: at };
    switch (e.type) {
      case 'RingiDraftFiled':
        Object.assign(next, { documentId: e.data.documentId, link: e.data.link });
        timeline.push(entry(e.data.at, 'draft', `コラボフローに下書きを保存（文書ID ${e.data.documentId}）`));
        break;
      case 'RingiSubmitted':
        Object.assign(next, { status: 'in_flow', documentNumber: e.data.documentNumber, link: e.data.link, failures: 0, stuck: null });
        timeline.push(entry(e.data.at, 'filed', `コラボフローで申請（${e.data.documentNumber}）`));
        break;
      case 'RingiWebhookReceived':
        timeline.push(entry(e.data.at, 'webhook', `コラボフローから通知（${e.data.action}）: 文書を読み直して確認します`));
        break;
      case 'RingiStatusConfirmed': {
        const approvals = e.data.approvals;
        timeline.push(...newDecisions(current.approvers as ApprovalStep[], approvals));
        Object.assign(next, { approvers: approvals, waitingFor: approvals.filter((s) => s.current && s.status === 'waiting').map((s) => s.approverName), failures: 0, stuck: null });
        if (e.data.documentNumber) next.documentNumber = e.data.documentNumber;
        break;
      }
      case 'RingiPolled':
        break;
      case 'RingiAttemptFailed':
        Object.assign(next, { failures: e.data.failures });
        timeline.push(entry(e.data.at, 'retry', `${STEP_WORDS[e.data.step] ?? e.data.step}に失敗（${e.data.failures} 回目）: ${e.data.message}${e.data.nextAttemptAt ? ' — 自動で再試行します' : ''}`));
        break;
      case 'RingiReminderSent':
        timeline.push(entry(e.data.at, 'reminder', `催促: ${e.data.waitingFor.join('、') || '承認者'} の判断待ちが続いています`));
        break;
      case 'RingiStuck':
        Object.assign(next, { stuck: e.data.reason });
        timeline.push(entry(e.data.at, 'stuck', `滞留: ${e.data.reason}`));
        break;
      case 'RingiRetryRequested':
        Object.assign(next, { stuck: null, failures: 0 });
        timeline.push(entry(e.data.at, 'retry', '再試行を指示しました'));
        break;
      case 'RingiOutcomeApplied': {
        const status = OUTCOME_STATUS[e.data.outcome]!;
        Object.assign(next, { status, waitingFor: [], stuck: null, documentNumber: e.data.documentNumber || current.documentNumber });
        timeline.push(entry(e.data.at, 'outcome', `結果: ${RINGI_STATUS_LABELS[status]}${e.data.decidedBy ? `（${e.data.decidedBy}）` : ''} — 案件・売上に反映しました`));
        break;
      }
      default:
        return [];
    }
    next.timeline = timeline;
    return [{ op: 'put', collection: RINGIS, doc: next }];
  },
});

const MONTH_EFFECT = { SalesCheckApproved: '月次売上が「請求待ち」になりました', SalesCheckReturned: '月次売上が「売上未確定」に戻りました' } as const;

function businessEffect(event: RecordedOf<(typeof EFFECT_TYPES)[number]>): { ringiId: string; text: string } | null {
  if (!event.data.ringiId) return null;
  if (event.type === 'ProjectStatusChanged') return { ringiId: event.data.ringiId, text: `案件ステータスが「${PROJECT_STATUS_LABELS[event.data.to]}」になりました` };
  return { ringiId: event.data.ringiId, text: MONTH_EFFECT[event.type] };
}
