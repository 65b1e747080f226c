import type { CellAddress, CellRange, GridSize } from './navigation.ts';

/**
 * Pasting from Excel. Excel puts the copied block on the clipboard as tab-separated rows ending in
 * CR LF, with a trailing line break, and quotes a cell only when it holds a tab, a line break or a
 * quote ("" inside). Pure, so it is tested without a clipboard.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      cell += ch;
    }
    i += 1;
  }
  // Excel ends the block with a line break; only a non-empty last line is a row of its own
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.map((r) => r.map((c) => c.trim()));
}

export interface CellWrite extends CellAddress {
  readonly value: string;
}

/**
 * Which cells a pasted block writes. The block starts at the selection's top-left corner and is cut
 * at the grid's edge (a spreadsheet would add rows; here a row is a resource, which needs more than a
 * number). A single value pasted over a selected range fills the whole range, as in Excel.
 */
export function pasteWrites(block: readonly (readonly string[])[], selection: CellRange, size: GridSize): CellWrite[] {
  const writes: CellWrite[] = [];
  if (block.length === 0) return writes;
  const single = block.length === 1 && block[0]!.length === 1;
  if (single) {
    for (let row = selection.top; row <= Math.min(selection.bottom, size.rows - 1); row++)
      for (let col = selection.left; col <= Math.min(selection.right, size.cols - 1); col++) writes.push({ row, col, value: block[0]![0]! });
    return writes;
  }
  block.forEach((cells, r) => {
    const row = selection.top + r;
    if (row >= size.rows) return;
    cells.forEach((value, c) => {
      const col = selection.left + c;
      if (col < size.cols) writes.push({ row, col, value });
    });
  });
  return writes;
}

/** The selection as Excel-pastable text, so copying out of the grid works as well. */
export function toTsv(values: readonly (readonly string[])[]): string {
  return values.map((row) => row.map((v) => (/[\t\r\n"]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join('\t')).join('\r\n') + '\r\n';
}
