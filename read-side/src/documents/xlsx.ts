import ExcelJS from 'exceljs';

/** The one file that knows exceljs: a sheet as a title, optional header fields, and a table. */

export interface SheetSpec {
  readonly name: string;
  readonly title?: string;
  readonly fields?: readonly (readonly [string, string | number])[];
  readonly columns: readonly { header: string; key: string; width?: number; yen?: boolean }[];
  readonly rows: readonly Record<string, string | number | null>[];
  /** Boxes under the table for seals (e.g. 見積書: 承認・担当・印), each a bordered, tall cell. */
  readonly stamp?: readonly string[];
}

export async function renderXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SSS 営業支援システム';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    if (spec.title) {
      sheet.addRow([spec.title]).font = { bold: true, size: 14 };
      sheet.addRow([]);
    }
    for (const [label, value] of spec.fields ?? []) sheet.addRow([label, value]).getCell(1).font = { bold: true };
    if (spec.fields?.length) sheet.addRow([]);
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }));
    for (const row of spec.rows) sheet.addRow(spec.columns.map((c) => row[c.key] ?? ''));
    if (spec.stamp?.length) {
      sheet.addRow([]);
      const labels = sheet.addRow(spec.stamp);
      const seals = sheet.addRow(spec.stamp.map(() => ''));
      seals.height = 48;
      const thin = { style: 'thin' } as const;
      for (const row of [labels, seals]) spec.stamp.forEach((_, i) => (row.getCell(i + 1).border = { top: thin, left: thin, bottom: thin, right: thin }));
      spec.stamp.forEach((_, i) => (labels.getCell(i + 1).alignment = { horizontal: 'center' }));
    }
    spec.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.width ?? 16;
      if (c.yen) column.numFmt = '#,##0';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Read a workbook back (tests, and anyone checking an export): every sheet as rows of cell values. */
export async function readXlsx(buffer: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings say ArrayBuffer; at run time it reads a Node Buffer (its own writeBuffer's output).
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    out[sheet.name] = rows;
  });
  return out;
}
