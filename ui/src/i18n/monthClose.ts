import { defineDictionary } from './labels.ts';

/** Labels of 月次締め (docs/finance.md §Month-end close), and of the closed-month marks the reports show. */
const ja = {
  title: '月次締め', month: '月', state: '状態', closed: '締め済み', open: '未締め', closedAt: '締めた日時', reopened: '解除（{at}）: {reason}',
  close: '締める', reopen: '締めを解除', closeTitle: '{month}を締めますか', reopenTitle: '{month}の締めを解除しますか',
  closeConsequence: '締めると、{month}に計上される売上実績・請求書（発行・訂正）・入金（入金記録・消込・返金）は誰も変更できなくなります。変更するには、経理が理由を記録して締めを解除する必要があります。締めたことは記録に残ります。',
  reopenConsequence: '解除すると、{month}の売上実績・請求書・入金を再び変更できるようになります。解除したことと理由は記録に残ります。',
  reason: '解除の理由', reasonRequired: '解除の理由を入力してください。', closeConfirm: '締める', reopenConfirm: '解除する',
  closedDone: '{month}を締めました。', reopenedDone: '{month}の締めを解除しました。',
  closedMonths: '締め済みの月', closedBadge: '締め済',
} as const;

const en: Record<keyof typeof ja, string> = {
  title: 'Month-end close', month: 'Month', state: 'State', closed: 'Closed', open: 'Open', closedAt: 'Closed at', reopened: 'Reopened ({at}): {reason}',
  close: 'Close', reopen: 'Reopen', closeTitle: 'Close {month}?', reopenTitle: 'Reopen {month}?',
  closeConsequence: 'Once closed, nobody can change the sales actuals, invoices (issue, correction) or payments (recorded, matched, refunded) dated in {month}. To change them, finance must reopen the month with a reason. The close is recorded.',
  reopenConsequence: 'Reopening lets the sales actuals, invoices and payments of {month} change again. The reopening and its reason are recorded.',
  reason: 'Reason for reopening', reasonRequired: 'Enter the reason for reopening.', closeConfirm: 'Close', reopenConfirm: 'Reopen',
  closedDone: '{month} is closed.', reopenedDone: '{month} is open again.',
  closedMonths: 'Closed months', closedBadge: 'Closed',
};

export const monthCloseLabels = defineDictionary(ja, en);
