import type { CsvMapping } from '@sss/contracts/finance/schemas';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { decodeDetected } from './shift-jis.ts';
import { splitPayerCode, type FileFault, type ParsedDeposit } from './parsed-deposit.ts';

/**
 * Internet-banking CSV exports (docs/finance.md §Import): the encoding is detected (UTF-8 with or without
 * BOM, else Shift_JIS), the columns come from a mapping, dates are 西暦 (2026/4/15, 2026-04-15, 20260415),
 * amounts may carry thousands separators, full-width digits or a 円 sign. Rows with no deposit amount
 * (withdrawals) are skipped. Any fault refuses the whole file.
 */

export type CsvResult = { ok: true; deposits: ParsedDeposit[] } | { ok: false; faults: FileFault[] };

/** RFC 4180 rows, each with its text as written: quoted fields may hold commas, doubled quotes and line breaks. */
export function csvRows(text: string): { cells: string[]; text: string }[] {
  const rows: { cells: string[]; text: string }[] = [];
  let row: string[] = [];
  let start = 0;
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push({ cells: row, text: text.slice(start, i) });
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      start = i + 1;
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ cells: row, text: text.slice(start) });
  }
  return rows;
}

function dateOf(value: string): string | null {
  const v = value.normalize('NFKC').trim();
  const m = /^(\d{4})[/.-]?(\d{1,2})[/.-]?(\d{1,2})$/.exec(v) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(v);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/** '193,945' / '¥193,945' / '１９３，９４５円' → 193945; '' → 0; anything else → null. */
function amountOf(value: string): number | null {
  const v = value.normalize('NFKC').replace(/[,\s¥\\円]/g, '');
  if (v === '') return 0;
  return /^\d{1,12}$/.test(v) ? Number(v) : null;
}

export function parseBankCsv(bytes: Uint8Array, mapping: CsvMapping): CsvResult {
  const { text } = decodeDetected(bytes);
  const rows = csvRows(text);
  const faults: FileFault[] = [];
  const deposits: ParsedDeposit[] = [];
  const skip = mapping.headerRows ?? 1;
  const columns = { date: mapping.date, amount: mapping.amount, payer: mapping.payer, ...(mapping.inquiryNumber !== undefined ? { inquiryNumber: mapping.inquiryNumber } : {}) };
  const labels: Record<string, string> = { date: '日付', amount: '入金額', payer: '振込依頼人', inquiryNumber: '照会番号' };
  rows.forEach(({ cells: row, text: rowText }, index) => {
    const line = index + 1;
    if (index < skip || row.every((cell) => cell.trim() === '')) return;
    const fault = (key: string, message: string) => faults.push({ line, bytes: '', field: `${labels[key]}（${(columns as Record<string, number>)[key]! + 1}列目）`, message: `${line} 行目 ${(columns as Record<string, number>)[key]! + 1} 列目（${labels[key]}）: ${message}` });
    const cell = (key: keyof typeof columns) => {
      const at = columns[key]!;
      if (at >= row.length) {
        fault(key, `列がありません（この行は ${row.length} 列です）。`);
        return null;
      }
      return row[at]!;
    };
    const [dateText, amountText, payerText] = [cell('date'), cell('amount'), cell('payer')];
    if (dateText === null || amountText === null || payerText === null) return;
    const amount = amountOf(amountText);
    if (amount === null) return void fault('amount', `金額として読めません（「${amountText}」）。`);
    if (amount === 0) return; // a withdrawal or a balance line
    const valueDate = dateOf(dateText);
    if (!valueDate) return void fault('date', `日付として読めません（「${dateText}」。2026/4/15 の形で）。`);
    const inquiry = columns.inquiryNumber !== undefined ? (cell('inquiryNumber') ?? '') : '';
    // 振込 plus an ideographic space before the name (SMBC) is the transaction kind, not the payer.
    const payer = splitPayerCode(payerText.replace(/^振込[\s\u3000]*/, '').trim());
    deposits.push({
      source: 'csv', line, inquiryNumber: inquiry.trim(), valueDate, amount, payerCode: payer.code, payerName: payer.name,
      remitterBank: '', remitterBranch: '', ediInfo: '', raw: Buffer.from(rowText, 'utf8').toString('base64'),
    });
  });
  return faults.length ? { ok: false, faults } : { ok: true, deposits };
}
