import { MONTHLY_SALES_STATUS_LABELS, type MonthlySalesStatus } from '@sss/contracts/sales/status';
import { defineDictionary, type Dictionary } from './labels.ts';

/**
 * Labels of the sales screens (Japanese first, English complete), in a dictionary of their own
 * rather than the shared one, which several people edit at once.
 */
const ja = {
  listTitle: '月次売上', entryTitle: '売上実績と請求情報', invoicesTitle: '請求一覧', receivablesTitle: '売掛金・入金状況', dashboardTitle: '売上ダッシュボード',
  project: '案件', month: '売上月', status: '状態', customer: '顧客', plan: '売上計画', actual: '売上実績', orderInfo: '受注情報',
  labourSales: '売上実績（人件費）', settlementAmount: '精算金額', settlementReason: '精算理由', taxRate: '消費税率', expenses: '実費',
  kind: 'リソース種別', name: '名称', taxIncluded: '内税', cost: '原価', price: '提示単価', quantity: '数量', costTotal: '原価合計', salesTotal: '売上合計',
  addRow: '行を追加', remove: '削除', net: '税抜', tax: '消費税額', gross: '税込',
  invoiceInfo: '請求情報', recipientName: '請求先', subject: '件名', poNumber: '注文No', invoiceDate: '請求日', dueDate: '支払日', paymentTerms: '支払条件', contact: '問い合わせ先',
  periodStart: '取引期間（開始）', periodEnd: '取引期間（終了）', lines: '請求明細', description: '摘要', unit: '単位', unitPrice: '単価（円）', amount: '金額（円）',
  save: '保存', saved: '保存しました。', requestCheck: '売上実績・請求確認を申請', requestCheckNone: '請求なしで締める', checking: '確認中です。稟議の結果を待っています。',
  preview: '請求書プレビュー', issue: '請求書を発行', issued: '請求書を発行しました。', invoiceNumber: '請求書番号', downloadPdf: '請求書PDF',
  payments: '入金', paymentAmount: '入金額', receivedOn: '入金日', recordPayment: '入金を記録', outstanding: '未入金残高', paid: '入金済',
  documents: '帳票', salesSlipXlsx: '売上連絡票（Excel）', salesSlipPdf: '売上連絡票（PDF）', deliveryNote: '納品書', acceptance: '検収書',
  issueSalesReport: '売上連絡票を発行（内容を確定）', salesReportIssued: '売上連絡票を発行しました。', issuedReport: '売上連絡票 第{no}版（{date} 発行）', draftNote: '下書き（現在の内容）',
  search: '検索', from: 'から', to: 'まで', minAmount: '金額（以上）', maxAmount: '金額（以下）', counterparty: '取引先', includeReplaced: '訂正前の請求書も表示',
  exportCsv: 'CSV出力', exportXlsx: 'Excel出力', issuedOn: '発行日', replaced: '訂正済', current: '有効', none: '該当するデータはありません。',
  asOf: '基準日', daysOverdue: '超過日数', bucket: '区分', total: '合計', thisMonth: '今月の売上（計画・実績）', pipeline: '案件ステータス', approvalsWaiting: '承認待ちの月次売上', overdue: '支払期限超過の請求', trend: '売上推移（直近6か月）',
  planActual: '月次売上予実', orgUnit: '組織', difference: '差異', byCustomer: '顧客別売上', byContractType: '契約形態別売上', lastOutcome: '前回の稟議結果', outcome_approved: '承認', outcome_rejected: '却下', outcome_sent_back: '差し戻し', outcome_withdrawn: '取り下げ', rate: '税率', basis: '区分',
  roundingNote: '消費税は税率ごとの合計に対して1回だけ端数処理します。', open: '開く',
  dueComputed: '締日・支払サイトから計算した支払期限: {date}', dueApply: 'この日付にする', dueUnset: '顧客の締日・支払サイトが未設定のため、支払期限は計算できません。', previousLines: '先月の請求明細から始める',
  correct: '請求書を訂正', correctionReason: '訂正理由', correctIssue: '訂正請求書を発行（元の請求書を置き換え）', correctionCheckRequested: '訂正後の請求金額で売上実績・請求確認を申請しました。承認後に訂正請求書を発行できます。', correctionChecking: '訂正後の請求金額の稟議中です。承認後に訂正請求書を発行できます。',
} as const;

export type SalesLabel = keyof typeof ja;

const en: Record<SalesLabel, string> = {
  listTitle: 'Monthly sales', entryTitle: 'Sales actual and invoice', invoicesTitle: 'Invoices', receivablesTitle: 'Receivables', dashboardTitle: 'Sales dashboard',
  project: 'Project', month: 'Month', status: 'Status', customer: 'Customer', plan: 'Plan', actual: 'Actual', orderInfo: 'Order',
  labourSales: 'Labour sales', settlementAmount: 'Settlement', settlementReason: 'Settlement reason', taxRate: 'Tax rate', expenses: 'Expenses',
  kind: 'Kind', name: 'Name', taxIncluded: 'Tax incl.', cost: 'Cost', price: 'Price', quantity: 'Qty', costTotal: 'Cost total', salesTotal: 'Sales total',
  addRow: 'Add row', remove: 'Remove', net: 'Excl. tax', tax: 'Tax', gross: 'Incl. tax',
  invoiceInfo: 'Invoice', recipientName: 'Bill to', subject: 'Subject', poNumber: 'PO no.', invoiceDate: 'Invoice date', dueDate: 'Due date', paymentTerms: 'Payment terms', contact: 'Contact',
  periodStart: 'Period from', periodEnd: 'Period to', lines: 'Lines', description: 'Description', unit: 'Unit', unitPrice: 'Unit price', amount: 'Amount',
  save: 'Save', saved: 'Saved.', requestCheck: 'Apply for sales check', requestCheckNone: 'Close with nothing to bill', checking: 'Being checked; waiting for the ringi outcome.',
  preview: 'Invoice preview', issue: 'Issue invoice', issued: 'Invoice issued.', invoiceNumber: 'Invoice no.', downloadPdf: 'Invoice PDF',
  payments: 'Payments', paymentAmount: 'Amount', receivedOn: 'Received on', recordPayment: 'Record payment', outstanding: 'Outstanding', paid: 'Paid',
  documents: 'Documents', salesSlipXlsx: 'Sales slip (Excel)', salesSlipPdf: 'Sales slip (PDF)', deliveryNote: 'Delivery note', acceptance: 'Acceptance',
  issueSalesReport: 'Issue the sales slip (freeze its content)', salesReportIssued: 'Sales slip issued.', issuedReport: 'Sales slip issue {no} (issued {date})', draftNote: 'Draft (current content)',
  search: 'Search', from: 'From', to: 'To', minAmount: 'Min amount', maxAmount: 'Max amount', counterparty: 'Counterparty', includeReplaced: 'Include replaced invoices',
  exportCsv: 'Export CSV', exportXlsx: 'Export Excel', issuedOn: 'Issued', replaced: 'Replaced', current: 'Current', none: 'Nothing found.',
  asOf: 'As of', daysOverdue: 'Days overdue', bucket: 'Bucket', total: 'Total', thisMonth: "This month's sales (plan / actual)", pipeline: 'Projects by status', approvalsWaiting: 'Months awaiting approval', overdue: 'Overdue invoices', trend: 'Sales trend (6 months)',
  planActual: 'Plan vs actual', orgUnit: 'Org unit', difference: 'Difference', byCustomer: 'Sales by customer', byContractType: 'Sales by contract type', lastOutcome: 'Last ringi outcome', outcome_approved: 'Approved', outcome_rejected: 'Rejected', outcome_sent_back: 'Sent back', outcome_withdrawn: 'Withdrawn', rate: 'Rate', basis: 'Basis',
  roundingNote: 'Consumption tax is rounded once per tax rate on the invoice total.', open: 'Open',
  dueComputed: 'Due date from the customer\'s closing day and payment terms: {date}', dueApply: 'Use this date', dueUnset: 'The customer\'s closing day or payment terms are not set, so no due date can be computed.', previousLines: 'Start from last month\'s invoice lines',
  correct: 'Correct invoice', correctionReason: 'Reason for correction', correctIssue: 'Issue corrected invoice (replaces the original)', correctionCheckRequested: 'Applied for the sales check with the corrected totals. Once approved, the corrected invoice can be issued.', correctionChecking: 'The corrected totals are awaiting ringi approval; the corrected invoice can be issued once approved.',
};

const STATUS_EN: Record<MonthlySalesStatus, string> = { unconfirmed: 'Unconfirmed', checking: 'Checking', awaiting_invoice: 'Awaiting invoice', invoiced: 'Invoiced', closed_without_billing: 'Nothing to bill' };

export const salesLabels = defineDictionary(ja, en);
/** Japanese from the contract, where the states are defined; keyed by any string, as reports carry the state as text. */
export const monthlySalesStatusLabels: Dictionary<string> = defineDictionary(MONTHLY_SALES_STATUS_LABELS, STATUS_EN);
