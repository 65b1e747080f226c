/**
 * Byte layouts of the 全銀協 records SSS reads (docs/zengin.md): 振込入金通知 (種別 01) and
 * 入出金取引明細 (種別 03). Positions are 1-based and inclusive, as the 全銀協 tables print them.
 * N fields are digits padded with '0'; C fields half-width kana/A–Z/digits padded with spaces.
 * The parser and the test fixture builder both read these tables, so a field moves in one place.
 */

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly start: number;
  readonly length: number;
  readonly kind: 'N' | 'C';
}

const f = (name: string, label: string, start: number, length: number, kind: 'N' | 'C'): FieldSpec => ({ name, label, start, length, kind });

export const RECORD_BYTES = 200;

export const HEADER_01: readonly FieldSpec[] = [
  f('recordType', 'データ区分', 1, 1, 'N'), f('kindCode', '種別コード', 2, 2, 'N'), f('codeType', 'コード区分', 4, 1, 'N'),
  f('createdOn', '作成日', 5, 6, 'N'), f('from', '勘定日（自）', 11, 6, 'N'), f('to', '勘定日（至）', 17, 6, 'N'),
  f('bankCode', '銀行コード', 23, 4, 'N'), f('bankName', '銀行名', 27, 15, 'C'), f('branchCode', '支店コード', 42, 3, 'N'),
  f('branchName', '支店名', 45, 15, 'C'), f('accountType', '預金種目', 60, 1, 'N'), f('accountNumber', '口座番号', 61, 7, 'N'),
  f('accountName', '口座名', 68, 40, 'C'), f('dummy', 'ダミー', 108, 93, 'C'),
];

export const DATA_01: readonly FieldSpec[] = [
  f('recordType', 'データ区分', 1, 1, 'N'), f('inquiryNumber', '照会番号', 2, 6, 'N'), f('valueDate', '勘定日', 8, 6, 'N'),
  f('startDate', '起算日', 14, 6, 'N'), f('amount', '金額', 20, 10, 'N'), f('otherBankChecks', 'うち他店券金額', 30, 10, 'N'),
  f('payerCode', '振込依頼人コード', 40, 10, 'N'), f('payerName', '振込依頼人名', 50, 48, 'C'), f('remitterBank', '仕向銀行名', 98, 15, 'C'),
  f('remitterBranch', '仕向店名', 113, 15, 'C'), f('cancel', '取消区分', 128, 1, 'C'), f('ediInfo', 'EDI情報', 129, 20, 'C'), f('dummy', 'ダミー', 149, 52, 'C'),
];

/** Format B (some banks): the first 128 bytes as above with 金額 all '0', a 12-digit amount after them. */
export const DATA_01_B_AMOUNT = f('amount12', '金額(2)', 129, 12, 'N');
export const DATA_01_B_EDI = f('ediInfo', 'EDI情報', 153, 20, 'C');

export const TRAILER_01: readonly FieldSpec[] = [
  f('recordType', 'データ区分', 1, 1, 'N'), f('count', '振込合計件数', 2, 6, 'N'), f('total', '振込合計金額', 8, 12, 'N'),
  f('cancelCount', '取消合計件数', 20, 6, 'N'), f('cancelTotal', '取消合計金額', 26, 12, 'N'), f('dummy', 'ダミー', 38, 163, 'C'),
];

export const HEADER_03: readonly FieldSpec[] = [
  ...HEADER_01.slice(0, 10),
  f('dummy1', 'ダミー', 60, 3, 'N'), f('accountType', '預金種目', 63, 1, 'N'), f('accountNumber', '口座番号', 64, 10, 'N'),
  f('accountName', '口座名', 74, 40, 'C'), f('overdraft', '貸越区分', 114, 1, 'N'), f('passbook', '通帳・証書区分', 115, 1, 'N'),
  f('openingBalance', '取引前残高', 116, 14, 'N'), f('dummy', 'ダミー', 130, 71, 'C'),
];

export const DATA_03: readonly FieldSpec[] = [
  f('recordType', 'データ区分', 1, 1, 'N'), f('inquiryNumber', '照会番号', 2, 8, 'N'), f('valueDate', '勘定日', 10, 6, 'N'),
  f('depositDate', '預入・払出日', 16, 6, 'N'), f('direction', '入払区分', 22, 1, 'N'), f('transactionType', '取引区分', 23, 2, 'N'),
  f('amount', '取引金額', 25, 12, 'N'), f('otherBankChecks', 'うち他店券金額', 37, 12, 'N'), f('presentedOn', '交換呈示日', 49, 6, 'N'),
  f('returnedOn', '不渡返還日', 55, 6, 'N'), f('billType', '手形・小切手区分', 61, 1, 'N'), f('billNumber', '手形・小切手番号', 62, 7, 'N'),
  f('branchNo', '僚店番号', 69, 3, 'N'), f('payerCode', '振込依頼人コード', 72, 10, 'N'), f('payerName', '振込依頼人名', 82, 48, 'C'),
  f('remitterBank', '仕向銀行名', 130, 15, 'C'), f('remitterBranch', '仕向店名', 145, 15, 'C'), f('summary', '摘要内容', 160, 20, 'C'),
  f('ediInfo', 'EDI情報', 180, 20, 'C'), f('dummy', 'ダミー', 200, 1, 'C'),
];

export const TRAILER_03: readonly FieldSpec[] = [
  f('recordType', 'データ区分', 1, 1, 'N'), f('creditCount', '入金件数', 2, 6, 'N'), f('creditTotal', '入金額合計', 8, 13, 'N'),
  f('debitCount', '出金件数', 21, 6, 'N'), f('debitTotal', '出金額合計', 27, 13, 'N'), f('overdraft', '貸越区分', 40, 1, 'N'),
  f('closingBalance', '取引後残高', 41, 14, 'N'), f('dataCount', 'データ・レコード件数', 55, 7, 'N'), f('dummy', 'ダミー', 62, 139, 'C'),
];

export const END_01: readonly FieldSpec[] = [f('recordType', 'データ区分', 1, 1, 'N'), f('dummy', 'ダミー', 2, 199, 'C')];
export const END_03: readonly FieldSpec[] = [f('recordType', 'データ区分', 1, 1, 'N'), f('recordCount', 'レコード総件数', 2, 10, 'N'), f('accountCount', '口座数', 12, 5, 'N'), f('dummy', 'ダミー', 17, 184, 'C')];
