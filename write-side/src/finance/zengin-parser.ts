import type { DepositSource } from '@sss/contracts/finance/events';
import { decodeShiftJis } from './shift-jis.ts';
import { warekiToIso } from './wareki.ts';
import { splitPayerCode, type FileFault, type ParsedDeposit } from './parsed-deposit.ts';
import {
  DATA_01, DATA_01_B_AMOUNT, DATA_01_B_EDI, DATA_03, HEADER_01, HEADER_03, RECORD_BYTES, TRAILER_01, TRAILER_03, type FieldSpec,
} from './zengin-layout.ts';

/**
 * Reads a 全銀協 振込入金通知 (種別 01) or 入出金取引明細 (種別 03) file (docs/finance.md §Import):
 * 200-byte records, with or without CR LF after each, JIS X 0201 decoded field by field after
 * slicing by byte. Every fault is collected with its record number, byte range and field; a file
 * with any fault yields no deposits at all.
 */

export type ZenginResult = { ok: true; kind: '01' | '03'; deposits: ParsedDeposit[] } | { ok: false; faults: FileFault[] };

const CR = 0x0d;
const LF = 0x0a;
const EOF_MARK = 0x1a;

function splitRecords(bytes: Uint8Array): { records: Uint8Array[]; fault?: FileFault } {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === EOF_MARK || bytes[end - 1] === 0)) end -= 1;
  const crlf = end >= RECORD_BYTES + 2 && bytes[RECORD_BYTES] === CR && bytes[RECORD_BYTES + 1] === LF;
  const stride = crlf ? RECORD_BYTES + 2 : RECORD_BYTES;
  // A CR LF file may lack the last line break.
  const total = crlf && end % stride === RECORD_BYTES ? end + 2 : end;
  if (total % stride !== 0) {
    const line = Math.floor(end / stride) + 1;
    return { records: [], fault: { line, bytes: `1-${end % stride}`, field: 'レコード長', message: `${line} 行目のレコードが ${end % stride} バイトです（全銀のレコードは200バイト${crlf ? '＋改行' : ''}）。` } };
  }
  const records: Uint8Array[] = [];
  for (let offset = 0; offset < end; offset += stride) {
    records.push(bytes.subarray(offset, offset + RECORD_BYTES));
    if (crlf && offset + RECORD_BYTES < end && (bytes[offset + RECORD_BYTES] !== CR || bytes[offset + RECORD_BYTES + 1] !== LF)) {
      const line = offset / stride + 1;
      return { records: [], fault: { line, bytes: '201-202', field: '改行', message: `${line} 行目の末尾が CR LF ではありません（改行は CR LF のみ受け付けます）。` } };
    }
  }
  return { records };
}

class RecordReader {
  constructor(
    readonly bytes: Uint8Array,
    readonly line: number,
    private readonly faults: FileFault[],
  ) {}

  private slice(spec: FieldSpec): Uint8Array {
    return this.bytes.subarray(spec.start - 1, spec.start - 1 + spec.length);
  }

  fault(spec: FieldSpec, message: string): void {
    const bytes = `${spec.start}-${spec.start + spec.length - 1}`;
    // One fault per field: an unreadable amount is not also reported as a zero amount.
    if (this.faults.some((f) => f.line === this.line && f.bytes === bytes)) return;
    this.faults.push({ line: this.line, bytes, field: spec.label, message: `${this.line} 行目 ${spec.start}〜${spec.start + spec.length - 1} バイト目（${spec.label}）: ${message}` });
  }

  digits(spec: FieldSpec): string {
    const text = String.fromCharCode(...this.slice(spec));
    if (!/^\d*$/.test(text)) {
      this.fault(spec, `数字でなければなりません（「${decodeShiftJis(this.slice(spec)).trimEnd()}」）。`);
      return '0'.repeat(spec.length);
    }
    return text;
  }

  number(spec: FieldSpec): number {
    return Number(this.digits(spec));
  }

  text(spec: FieldSpec): string {
    return decodeShiftJis(this.slice(spec)).replace(/ +$/, '');
  }

  date(spec: FieldSpec, today: string, required: boolean): string {
    const value = warekiToIso(this.digits(spec), today);
    if (value === null) {
      if (required) this.fault(spec, '日付がありません。');
      return '';
    }
    if (typeof value === 'object') {
      this.fault(spec, value.error);
      return '';
    }
    return value;
  }

  raw(): string {
    return Buffer.from(this.bytes).toString('base64');
  }
}

const fieldOf = (layout: readonly FieldSpec[], name: string): FieldSpec => layout.find((s) => s.name === name)!;

export function parseZengin(bytes: Uint8Array, today: string): ZenginResult {
  const { records, fault } = splitRecords(bytes);
  if (fault) return { ok: false, faults: [fault] };
  const faults: FileFault[] = [];
  if (records.length === 0) return { ok: false, faults: [{ line: 1, bytes: '', field: 'ファイル', message: 'ファイルが空です。' }] };
  const first = new RecordReader(records[0]!, 1, faults);
  const kindCode = first.digits(fieldOf(HEADER_01, 'kindCode'));
  if (first.digits(fieldOf(HEADER_01, 'recordType')) !== '1') first.fault(fieldOf(HEADER_01, 'recordType'), '先頭はヘッダー・レコード（1）でなければなりません。');
  if (kindCode !== '01' && kindCode !== '03') {
    first.fault(fieldOf(HEADER_01, 'kindCode'), `種別コード ${kindCode} は読めません（01 振込入金通知、03 入出金取引明細のみ）。`);
    return { ok: false, faults };
  }
  const kind = kindCode as '01' | '03';
  const deposits: ParsedDeposit[] = [];
  let state: 'header' | 'data' | 'trailed' | 'end' = 'header';
  let block = { count: 0, total: 0, cancelCount: 0, cancelTotal: 0, debitCount: 0, debitTotal: 0, data: 0 };
  for (const [index, record] of records.entries()) {
    const r = new RecordReader(record, index + 1, faults);
    const type = String.fromCharCode(record[0]!);
    // 03 files may hold several accounts: header, data, trailer repeat before the one end record.
    const expected = state === 'header' ? ['1'] : state === 'data' ? ['2', '8'] : state === 'trailed' ? (kind === '03' ? ['1', '9'] : ['9']) : [];
    if (state === 'end' || !expected.includes(type)) {
      r.fault({ name: 'recordType', label: 'データ区分', start: 1, length: 1, kind: 'N' }, state === 'end' ? 'エンド・レコードの後にレコードがあります。' : `ここには ${expected.join(' か ')} のレコードが来るはずです（${type}）。`);
      state = 'end';
      continue;
    }
    if (type === '1') {
      const header = kind === '01' ? HEADER_01 : HEADER_03;
      if (r.digits(fieldOf(header, 'kindCode')) !== kindCode) r.fault(fieldOf(header, 'kindCode'), 'ファイル内で種別コードが変わっています。');
      if (r.digits(fieldOf(header, 'codeType')) !== '0') r.fault(fieldOf(header, 'codeType'), 'EBCDIC（コード区分1）は読めません。JIS（0）で出力してください。');
      r.date(fieldOf(header, 'createdOn'), today, true);
      block = { count: 0, total: 0, cancelCount: 0, cancelTotal: 0, debitCount: 0, debitTotal: 0, data: 0 };
      state = 'data';
    } else if (type === '2') {
      block.data += 1;
      const deposit = kind === '01' ? data01(r, today, block) : data03(r, today, block);
      if (deposit) deposits.push(deposit);
    } else if (type === '8') {
      if (kind === '01') {
        const count = r.number(fieldOf(TRAILER_01, 'count'));
        const total = r.number(fieldOf(TRAILER_01, 'total'));
        if (count !== block.count) r.fault(fieldOf(TRAILER_01, 'count'), `データは ${block.count} 件ですが、トレーラは ${count} 件です。`);
        if (total !== block.total) r.fault(fieldOf(TRAILER_01, 'total'), `データの合計は ${block.total} 円ですが、トレーラは ${total} 円です。`);
        state = 'trailed';
      } else {
        const count = r.number(fieldOf(TRAILER_03, 'creditCount'));
        const total = r.number(fieldOf(TRAILER_03, 'creditTotal'));
        if (count !== block.count) r.fault(fieldOf(TRAILER_03, 'creditCount'), `入金データは ${block.count} 件ですが、トレーラは ${count} 件です。`);
        if (total !== block.total) r.fault(fieldOf(TRAILER_03, 'creditTotal'), `入金額の合計は ${block.total} 円ですが、トレーラは ${total} 円です。`);
        state = 'trailed';
      }
    } else if (type === '9') {
      state = 'end';
    }
  }
  if (state !== 'end') faults.push({ line: records.length, bytes: '1-1', field: 'データ区分', message: `${records.length} 行目で終わっていますが、${state === 'trailed' ? 'エンド・レコード（9）' : 'トレーラ・レコード（8）'}がありません。` });
  return faults.length ? { ok: false, faults } : { ok: true, kind, deposits };
}

type Block = { count: number; total: number; cancelCount: number; cancelTotal: number; debitCount: number; debitTotal: number };

function data01(r: RecordReader, today: string, block: Block): ParsedDeposit | null {
  const field = (name: string) => fieldOf(DATA_01, name);
  let amount = r.number(field('amount'));
  let ediInfo = r.text(field('ediInfo'));
  // Format B: 金額 all '0' and a 12-digit amount after byte 128 (docs/zengin.md §振込入金通知 (種別 01)).
  const tail = Buffer.from(r.bytes).subarray(128, 152).toString('latin1');
  if (amount === 0 && /^\d{24}$/.test(tail)) {
    amount = r.number(DATA_01_B_AMOUNT);
    ediInfo = r.text(DATA_01_B_EDI);
  }
  const cancelled = r.text(field('cancel')) === '1';
  const valueDate = r.date(field('valueDate'), today, true);
  r.date(field('startDate'), today, false);
  if (cancelled) {
    block.cancelCount += 1;
    block.cancelTotal += amount;
    return null;
  }
  block.count += 1;
  block.total += amount;
  if (amount <= 0) r.fault(field('amount'), '金額が 0 円です。');
  return deposit('zengin01', r, { inquiryNumber: r.digits(field('inquiryNumber')), valueDate, amount, payerField: r.digits(field('payerCode')), payerName: r.text(field('payerName')), remitterBank: r.text(field('remitterBank')), remitterBranch: r.text(field('remitterBranch')), ediInfo });
}

function data03(r: RecordReader, today: string, block: Block): ParsedDeposit | null {
  const field = (name: string) => fieldOf(DATA_03, name);
  const direction = r.digits(field('direction'));
  const amount = r.number(field('amount'));
  const valueDate = r.date(field('valueDate'), today, true);
  if (direction !== '1' && direction !== '2') r.fault(field('direction'), `入払区分は 1（入金）か 2（出金）です（${direction}）。`);
  // 出金 (and a 19 訂正 of a credit, which arrives as 出金) is not a deposit: only credits reach 入金消込.
  if (direction !== '1') {
    block.debitCount += 1;
    block.debitTotal += amount;
    return null;
  }
  block.count += 1;
  block.total += amount;
  if (amount <= 0) r.fault(field('amount'), '金額が 0 円です。');
  return deposit('zengin03', r, { inquiryNumber: r.digits(field('inquiryNumber')), valueDate, amount, payerField: r.digits(field('payerCode')), payerName: r.text(field('payerName')), remitterBank: r.text(field('remitterBank')), remitterBranch: r.text(field('remitterBranch')), ediInfo: r.text(field('ediInfo')) });
}

function deposit(source: DepositSource, r: RecordReader, d: { inquiryNumber: string; valueDate: string; amount: number; payerField: string; payerName: string; remitterBank: string; remitterBranch: string; ediInfo: string }): ParsedDeposit {
  const split = splitPayerCode(d.payerName);
  const fieldCode = /^0*$/.test(d.payerField) ? '' : d.payerField;
  return {
    source, line: r.line, inquiryNumber: /^0*$/.test(d.inquiryNumber) ? '' : d.inquiryNumber, valueDate: d.valueDate, amount: d.amount,
    payerCode: fieldCode || split.code, payerName: split.name, remitterBank: d.remitterBank, remitterBranch: d.remitterBranch, ediInfo: d.ediInfo, raw: r.raw(),
  };
}
