/**
 * 月次売上の状態 (docs/domain.md §Business flows, §月次売上 (monthly sales)):
 *
 *   売上未確定 ─売上実績・請求確認を申請→ 確認中 ─承認→ 請求待ち ─請求書発行→ 請求済
 *        ▲                                  │
 *        └────── 却下・差し戻し・取り下げ ────┘
 *   売上未確定 ─(請求するものがない月を締める)→ 請求なし   … no 稟議: nothing to check
 *
 * Invoices are issued only from 請求待ち, i.e. after approval; 請求済 accepts corrections and 入金.
 */
export const MONTHLY_SALES_STATUSES = ['unconfirmed', 'checking', 'awaiting_invoice', 'invoiced', 'closed_without_billing'] as const;
export type MonthlySalesStatus = (typeof MONTHLY_SALES_STATUSES)[number];

export const MONTHLY_SALES_STATUS_LABELS: Readonly<Record<MonthlySalesStatus, string>> = {
  unconfirmed: '売上未確定',
  checking: '確認中',
  awaiting_invoice: '請求待ち',
  invoiced: '請求済',
  closed_without_billing: '請求なし',
};

/** Outcomes of the 売上実績・請求確認 稟議, as the process manager reports them. */
export const SALES_CHECK_OUTCOMES = ['approved', 'rejected', 'sent_back', 'withdrawn'] as const;
export type SalesCheckOutcome = (typeof SALES_CHECK_OUTCOMES)[number];

