import { encodeShiftJis } from '../../src/finance/shift-jis.ts';
import { isoToWareki } from '../../src/finance/wareki.ts';
import {
  DATA_01, DATA_03, END_01, END_03, HEADER_01, HEADER_03, RECORD_BYTES, TRAILER_01, TRAILER_03, type FieldSpec,
} from '../../src/finance/zengin-layout.ts';

/**
 * Test support: writes 全銀 records byte for byte from the layout tables — N fields right-aligned and
 * '0'-padded, C fields left-aligned and space-padded, each encoded JIS X 0201 — and refuses a value that
 * does not fit, so a fixture can never be silently shifted.
 */

export type Values = Record<string, string | number>;

export function record(layout: readonly FieldSpec[], values: Values): Buffer {
  const out = Buffer.alloc(RECORD_BYTES, 0x20);
  for (const spec of layout) {
    const value = values[spec.name];
    let bytes: Buffer;
    if (spec.kind === 'N') {
      const digits = value === undefined ? '' : String(value);
      if (!/^\d*$/.test(digits) || digits.length > spec.length) throw new Error(`${spec.name}: ${digits} does not fit N${spec.length}`);
      bytes = Buffer.from(digits.padStart(spec.length, '0'), 'latin1');
    } else {
      const text = encodeShiftJis(value === undefined ? '' : String(value));
      if (text.length > spec.length) throw new Error(`${spec.name}: ${String(value)} is ${text.length} bytes, more than C${spec.length}`);
      bytes = Buffer.concat([text, Buffer.alloc(spec.length - text.length, 0x20)]);
    }
    bytes.copy(out, spec.start - 1);
  }
  return out;
}

export interface Transfer {
  readonly inquiryNumber?: number;
  readonly date: string;
  readonly amount: number;
  readonly payerName: string;
  readonly payerCode?: string;
  readonly ediInfo?: string;
}

const bankHeader = (kind: '01' | '03', date: string): Values => ({
  recordType: 1, kindCode: kind, codeType: 0, createdOn: isoToWareki(date), from: isoToWareki(date), to: isoToWareki(date), bankCode: 9999, bankName: 'ﾃｽﾄｷﾞﾝｺｳ',
  branchCode: 1, branchName: 'ﾎﾝﾃﾝ', accountType: 1, accountNumber: 1234567, accountName: 'ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ',
});

export function transferNotice(transfers: readonly Transfer[], options: { crlf?: boolean; date?: string } = {}): Buffer {
  const date = options.date ?? transfers[0]?.date ?? '2026-04-15';
  const records = [
    record(HEADER_01, bankHeader('01', date)),
    ...transfers.map((t, i) =>
      record(DATA_01, { recordType: 2, inquiryNumber: t.inquiryNumber ?? i + 1, valueDate: isoToWareki(t.date), startDate: isoToWareki(t.date), amount: t.amount, payerCode: t.payerCode ?? '', payerName: t.payerName, remitterBank: 'ﾃｽﾄｷﾞﾝｺｳ', remitterBranch: 'ｼﾝｼﾞﾕｸ', cancel: '0', ediInfo: t.ediInfo ?? '' }),
    ),
    record(TRAILER_01, { recordType: 8, count: transfers.length, total: transfers.reduce((s, t) => s + t.amount, 0), cancelCount: 0, cancelTotal: 0 }),
    record(END_01, { recordType: 9 }),
  ];
  return join(records, options.crlf ?? false);
}

export function transactionDetail(transfers: readonly Transfer[], options: { crlf?: boolean; date?: string; debits?: number[] } = {}): Buffer {
  const date = options.date ?? transfers[0]?.date ?? '2026-04-15';
  const debits = options.debits ?? [];
  const credits = transfers.map((t, i) =>
    record(DATA_03, { recordType: 2, inquiryNumber: t.inquiryNumber ?? i + 1, valueDate: isoToWareki(t.date), depositDate: isoToWareki(t.date), direction: 1, transactionType: 11, amount: t.amount, payerCode: t.payerCode ?? '', payerName: t.payerName, remitterBank: 'ﾃｽﾄｷﾞﾝｺｳ', remitterBranch: 'ｼﾝｼﾞﾕｸ', summary: 'ﾌﾘｺﾐ', ediInfo: t.ediInfo ?? '' }),
  );
  const debitRecords = debits.map((amount, i) => record(DATA_03, { recordType: 2, inquiryNumber: 900 + i, valueDate: isoToWareki(date), depositDate: isoToWareki(date), direction: 2, transactionType: 14, amount, payerName: '', summary: 'ﾌﾘｶｴ' }));
  const creditTotal = transfers.reduce((s, t) => s + t.amount, 0);
  const debitTotal = debits.reduce((s, a) => s + a, 0);
  const records = [
    record(HEADER_03, { ...bankHeader('03', date), dummy1: 0, accountNumber: 1234567, overdraft: 1, passbook: 1, openingBalance: 1_000_000 }),
    ...credits,
    ...debitRecords,
    record(TRAILER_03, { recordType: 8, creditCount: transfers.length, creditTotal, debitCount: debits.length, debitTotal, overdraft: 1, closingBalance: 1_000_000 + creditTotal - debitTotal, dataCount: transfers.length + debits.length }),
    record(END_03, { recordType: 9, recordCount: transfers.length + debits.length + 3, accountCount: 1 }),
  ];
  return join(records, options.crlf ?? false);
}

const join = (records: Buffer[], crlf: boolean) => Buffer.concat(records.flatMap((r) => (crlf ? [r, Buffer.from('\r\n')] : [r])));
