import { defineDictionary } from './labels.ts';

/** Labels of the 入金消込 screen (Japanese first, English complete). */
const ja = {
  title: '入金消込', upload: '銀行ファイルを取り込む', format: '形式', zengin: '全銀協（振込入金通知・入出金取引明細）', csv: '銀行CSV',
  csvDate: '日付の列', csvAmount: '入金額の列', csvPayer: '振込依頼人の列', importButton: '取り込む',
  importedSummary: '{records} 件中 {imported} 件を取り込みました（{already} 件は取込済み）。',
  unmatched: '未消込の入金', valueDate: '勘定日', payer: '振込依頼人', amount: '入金額', unapplied: '未消込残高', status: '状態', suggestions: '消込候補',
  show: '候補を見る', confirm: 'この内容で消込', reasons: '理由', invoice: '請求書', applied: '消込額', difference: '差額（手数料）', remainder: '仮受金に残る額',
  noSuggestion: '候補はありません。仮受金として残ります。', suspense: '仮受金（未消込の入金）', ageDays: '経過日数', total: '合計', none: '該当するデータはありません。',
  confirmed: '消込を確定しました。', score: '確からしさ',
  feeTolerance: '振込手数料の許容額（円）', feeToleranceSave: '許容額を保存', feeToleranceInvalid: '金額を円で入力してください。',
} as const;

const en: Record<keyof typeof ja, string> = {
  title: 'Reconciliation', upload: 'Import a bank file', format: 'Format', zengin: 'Zengin (transfer notice / transaction detail)', csv: 'Bank CSV',
  csvDate: 'Date column', csvAmount: 'Amount column', csvPayer: 'Payer column', importButton: 'Import',
  importedSummary: 'Imported {imported} of {records} ({already} already imported).',
  unmatched: 'Unmatched deposits', valueDate: 'Value date', payer: 'Payer', amount: 'Amount', unapplied: 'Unapplied', status: 'Status', suggestions: 'Suggestions',
  show: 'Show suggestions', confirm: 'Confirm this match', reasons: 'Reasons', invoice: 'Invoice', applied: 'Applied', difference: 'Difference (fee)', remainder: 'Left as suspense',
  noSuggestion: 'No suggestion; it stays in suspense.', suspense: 'Suspense receipts (unmatched)', ageDays: 'Age (days)', total: 'Total', none: 'Nothing to show.',
  confirmed: 'Match confirmed.', score: 'Confidence',
  feeTolerance: 'Bank fee tolerance (yen)', feeToleranceSave: 'Save tolerance', feeToleranceInvalid: 'Enter an amount in yen.',
};

export const financeLabels = defineDictionary(ja, en);
