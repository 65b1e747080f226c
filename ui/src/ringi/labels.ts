import { RINGI_KIND_LABELS, RINGI_STATUS_LABELS, type RingiKind, type RingiStatus } from '@sss/contracts/ringi/events';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * Labels of the 稟議 screens, beside them (Japanese first, English complete) rather than in the
 * shared dictionary, which several people edit at once. The timeline text itself comes from the
 * read model in Japanese: it is a business record.
 */
const ja = {
  listTitle: '稟議一覧', detailTitle: '稟議の経過', all: 'すべて', mine: '自分の申請', waiting: '承認待ち', anyStatus: 'すべての状態', anyKind: 'すべての種別',
  kind: '種別', title: '件名', project: '案件', status: '状態', requestedAt: '申請日時', documentNumber: '文書番号', waitingFor: '判断待ち',
  empty: '該当する稟議はありません。', openInCollaboflow: 'コラボフローで開く', approvers: '承認経路', phase: 'フェーズ', approver: '承認者', decision: '判断', comment: 'コメント', decidedAt: '日時',
  timeline: '経過', stuck: '滞留', retries: '再試行', applicant: '申請者（コラボフロー）', month: '対象月', back: '稟議一覧へ', requestRingi: '稟議を申請', requestComment: '申請コメント', send: '申請する', cancel: 'キャンセル', effect: '反映結果', retry: '再試行',
} as const;
export type RingiLabel = keyof typeof ja;

const en: Record<RingiLabel, string> = {
  listTitle: 'Ringi', detailTitle: 'Ringi timeline', all: 'All', mine: 'Mine', waiting: 'Waiting', anyStatus: 'Any status', anyKind: 'Any kind',
  kind: 'Kind', title: 'Title', project: 'Project', status: 'Status', requestedAt: 'Requested', documentNumber: 'Document no.', waitingFor: 'Waiting for',
  empty: 'No ringi found.', openInCollaboflow: 'Open in CollaboFlow', approvers: 'Route', phase: 'Phase', approver: 'Approver', decision: 'Decision', comment: 'Comment', decidedAt: 'When',
  timeline: 'Timeline', stuck: 'Stuck', retries: 'Retries', applicant: 'Applicant (CollaboFlow)', month: 'Month', back: 'Back to ringi', requestRingi: 'Request ringi', requestComment: 'Comment', send: 'Request', cancel: 'Cancel', effect: 'Effect', retry: 'Retry',
};

const KIND_EN: Record<RingiKind, string> = { proposal: 'Proposal', estimate: 'Estimate', order: 'Order', early_start: 'Early start', sales_check: 'Sales check' };
const STATUS_EN: Record<RingiStatus, string> = { filing: 'Filing', in_flow: 'In approval', approved: 'Approved', rejected: 'Rejected', sent_back: 'Sent back', withdrawn: 'Withdrawn' };
const DECISION: Record<string, [string, string]> = {
  accept: ['承認', 'Approved'], reject: ['却下', 'Rejected'], remand: ['差し戻し', 'Sent back'], skip: ['スキップ', 'Skipped'], waiting: ['判断待ち', 'Waiting'], scheduled: ['未着', 'Scheduled'], saved: ['保留', 'Saved'],
};

export const STATUS_TONE: Record<RingiStatus, string> = { filing: 'warning', in_flow: 'warning', approved: 'ok', rejected: 'danger', sent_back: 'muted', withdrawn: 'muted' };

export function useRingiLabels() {
  const { language } = useI18n();
  const en_ = language === 'en';
  return {
    l: (key: RingiLabel) => (en_ ? en[key] : ja[key]),
    kind: (k: RingiKind) => (en_ ? KIND_EN[k] : RINGI_KIND_LABELS[k]),
    status: (s: RingiStatus) => (en_ ? STATUS_EN[s] : RINGI_STATUS_LABELS[s]),
    decision: (s: string) => DECISION[s]?.[en_ ? 1 : 0] ?? s,
  };
}
