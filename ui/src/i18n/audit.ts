import { defineDictionary } from './labels.ts';

/** Labels of the 監査 workspace's searches (the ledger tab keeps ui/src/audit/labels.ts). */
export const auditSearchLabels = defineDictionary(
  {
    title: '監査', tabLedger: '改ざん検証', tabEvents: 'イベント検索', tabInvoices: '電子帳簿保存法 検索',
    from: '期間（から）', to: '期間（まで）', actor: '操作者', actorAny: 'すべての操作者', category: '対象の種類', any: 'すべて', entityId: '対象ID', type: 'イベント種別', q: 'キーワード',
    search: '検索', exportCsv: 'CSV出力', occurredAt: '日時', entity: '対象', position: '位置', data: 'データ', links: 'リンク',
    history: '履歴', asOfView: 'この時点で表示', none: '該当するイベントはありません。',
    invoiceFrom: '取引年月日（から）', invoiceTo: '取引年月日（まで）', minAmount: '金額（以上）', maxAmount: '金額（以下）', customer: '取引先', customerAny: 'すべての取引先',
    includeReplaced: '訂正前の請求書も含める', invoiceNumber: '請求書番号', invoiceDate: '取引年月日', gross: '金額（税込）', state: '状態', current: '有効', replaced: '訂正済',
    corrections: '訂正履歴', pdf: 'PDF', noInvoices: '該当する請求書はありません。', tooManyCustomers: '取引先は先頭 {shown} 件を表示しています（全 {total} 件）。',
    correctionsTitle: '請求書 {number} の訂正履歴', version: '版', issuedOn: '発行日', reason: '訂正理由', subject: '件名', recipient: '請求先', print: '印刷', back: '監査に戻る',
    invoiceHint: '取引年月日・金額・取引先を組み合わせて検索できます（電子帳簿保存法の検索要件）。',
    tabDocuments: '見積書・売上連絡票 検索', documentKind: '書類', kindAny: 'すべての書類', estimate: '見積書', salesReport: '売上連絡票', documentNumber: '書類番号', project: '案件', noDocuments: '該当する書類はありません。',
  },
  {
    title: 'Audit', tabLedger: 'Tamper evidence', tabEvents: 'Event search', tabInvoices: 'Invoice search (e-bookkeeping)',
    from: 'From', to: 'To', actor: 'Actor', actorAny: 'Any actor', category: 'Entity type', any: 'Any', entityId: 'Entity id', type: 'Event type', q: 'Text',
    search: 'Search', exportCsv: 'Export CSV', occurredAt: 'When', entity: 'Entity', position: 'Position', data: 'Data', links: 'Links',
    history: 'History', asOfView: 'View as of this event', none: 'No events found.',
    invoiceFrom: 'Transaction date from', invoiceTo: 'Transaction date to', minAmount: 'Min amount', maxAmount: 'Max amount', customer: 'Counterparty', customerAny: 'Any counterparty',
    includeReplaced: 'Include corrected originals', invoiceNumber: 'Invoice no.', invoiceDate: 'Transaction date', gross: 'Amount (incl. tax)', state: 'State', current: 'Current', replaced: 'Corrected',
    corrections: 'Correction history', pdf: 'PDF', noInvoices: 'No invoices found.', tooManyCustomers: 'Showing the first {shown} of {total} counterparties.',
    correctionsTitle: 'Correction history of invoice {number}', version: 'Version', issuedOn: 'Issued', reason: 'Reason', subject: 'Subject', recipient: 'Bill to', print: 'Print', back: 'Back to audit',
    invoiceHint: 'Combine transaction date, amount and counterparty (the e-bookkeeping search requirements).',
    tabDocuments: 'Estimates and sales slips', documentKind: 'Document', kindAny: 'All documents', estimate: 'Estimate', salesReport: 'Sales slip', documentNumber: 'Document no.', project: 'Project', noDocuments: 'No documents found.',
  },
);

/** An event's entity kind by its stream category; a category not listed (a newer one) shows as itself. */
export const auditEntityKindLabels = defineDictionary(
  {
    company: '会社', partner: 'パートナー', user: 'ユーザー', signin: 'サインイン', organization: '組織', project: '案件', estimate: '見積', order: '受注',
    monthlysales: '月次売上', ringi: '稟議', projectnumber: '案件番号の採番', invoicenumber: '請求書番号の採番', companycopy: '会社の写し', partnercopy: 'パートナーの写し',
    unique: '一意性の確保', idempotency: '二重送信の防止', checkpoint: 'チェックポイント', ledgeraudit: '改ざん検証', parked: '保留イベント', deposit: '入金',
    accountingperiod: '月次締め', customerfinance: '顧客の経理設定', lease: '購読の担当（リース）',
  },
  {
    company: 'Company', partner: 'Partner', user: 'User', signin: 'Sign-in', organization: 'Organization', project: 'Project', estimate: 'Estimate', order: 'Order',
    monthlysales: 'Monthly sales', ringi: 'Ringi', projectnumber: 'Project numbering', invoicenumber: 'Invoice numbering', companycopy: 'Company copy', partnercopy: 'Partner copy',
    unique: 'Uniqueness claim', idempotency: 'Duplicate-submit guard', checkpoint: 'Checkpoint', ledgeraudit: 'Tamper check', parked: 'Parked event', deposit: 'Deposit',
    accountingperiod: 'Month-end close', customerfinance: 'Customer finance settings', lease: 'Subscriber lease',
  },
);
