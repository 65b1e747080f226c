import { RINGI_KIND_LABELS, RINGI_STATUS_LABELS, type RingiKind, type RingiStatus } from '@sss/contracts/ringi/events';
import { defineDictionary, type Dictionary } from './labels.ts';

/**
 * Labels of the 稟議 screens (Japanese first, English complete), in a dictionary of their own
 * rather than the shared one, which several people edit at once. The timeline text itself comes from the
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

export const ringiLabels = defineDictionary(ja, en);
/** Japanese from the contract, where kinds and states are defined. */
export const ringiKindLabels = defineDictionary(RINGI_KIND_LABELS, KIND_EN);
export const ringiStatusLabels = defineDictionary(RINGI_STATUS_LABELS, STATUS_EN);
/** An approver's decision as CollaboFlow reports it; an unknown one is shown as sent. */
export const ringiDecisionLabels: Dictionary<string> = defineDictionary(
  { accept: '承認', reject: '却下', remand: '差し戻し', skip: 'スキップ', waiting: '判断待ち', scheduled: '未着', saved: '保留' },
  { accept: 'Approved', reject: 'Rejected', remand: 'Sent back', skip: 'Skipped', waiting: 'Waiting', scheduled: 'Scheduled', saved: 'Saved' },
);
