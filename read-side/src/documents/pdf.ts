import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * The one file that knows pdfkit. Documents are described as blocks (headings, key-value rows,
 * tables) and rendered here with Noto Sans JP, which comes from the npm registry
 * (@expo-google-fonts/noto-sans-jp, OFL) and is embedded as a subset, so every PDF shows Japanese
 * the same way on any machine and nothing is fetched at run time.
 */

const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf');

export type Align = 'left' | 'right' | 'center';
export interface Column {
  readonly header: string;
  /** Share of the table width. */
  readonly width: number;
  readonly align?: Align;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string; align?: Align; bold?: boolean; size?: number }
  | { kind: 'fields'; rows: readonly (readonly [string, string])[] }
  | { kind: 'table'; columns: readonly Column[]; rows: readonly (readonly string[])[]; footer?: readonly (readonly string[])[] }
  | { kind: 'space'; lines?: number }
  | { kind: 'stamp'; labels: readonly string[] };

export interface PdfSpec {
  readonly title: string;
  readonly blocks: readonly Block[];
}

const MARGIN = 50;
const LABEL_WIDTH = 120;
const LABEL_GAP = 5;

export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: spec.title, Producer: 'SSS 営業支援システム' } });
  doc.registerFont('jp', FONT_REGULAR);
  doc.registerFont('jp-bold', FONT_BOLD);
  doc.font('jp').fontSize(10);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - MARGIN * 2;
  // A block is measured before it is drawn and starts a new page when it would not fit: nothing
  // is drawn past the bottom margin, and the next block starts below the tallest part of this one.
  const ensureRoom = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };

  const row = (cells: readonly string[], columns: readonly Column[], bold: boolean) => {
    const total = columns.reduce((t, c) => t + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * width);
    doc.font(bold ? 'jp-bold' : 'jp').fontSize(9);
    const height = Math.max(...widths.map((w, i) => doc.heightOfString(cells[i] || ' ', { width: w - 6 }) + 6));
    ensureRoom(height);
    const y = doc.y;
    let x = MARGIN;
    columns.forEach((column, i) => {
      const text = cells[i] ?? '';
      if (text) doc.text(text, x + 3, y + 3, { width: widths[i]! - 6, align: column.align ?? 'left' });
      x += widths[i]!;
    });
    x = MARGIN;
    for (const column of columns) {
      const w = (column.width / total) * width;
      doc.rect(x, y, w, height).lineWidth(0.5).stroke();
      x += w;
    }
    doc.x = MARGIN;
    doc.y = y + height;
  };

  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'title':
        doc.font('jp-bold').fontSize(18).text(block.text, MARGIN, doc.y, { width, align: 'center' });
        doc.moveDown(0.5);
        break;
      case 'heading':
        doc.moveDown(0.3).font('jp-bold').fontSize(11).text(block.text, MARGIN, doc.y, { width });
        break;
      case 'text':
        doc.font(block.bold ? 'jp-bold' : 'jp').fontSize(block.size ?? 10).text(block.text, MARGIN, doc.y, { width, align: block.align ?? 'left' });
        break;
      case 'fields':
        for (const [label, value] of block.rows) {
          // an empty value still takes its line (pdfkit does not move for ''), and a long one pushes the next row down
          const valueWidth = width - LABEL_WIDTH - LABEL_GAP;
          const labelHeight = doc.font('jp-bold').fontSize(9).heightOfString(label || ' ', { width: LABEL_WIDTH });
          const height = Math.max(labelHeight, doc.font('jp').fontSize(9).heightOfString(value || ' ', { width: valueWidth }));
          ensureRoom(height);
          const y = doc.y;
          doc.font('jp-bold').fontSize(9).text(label, MARGIN, y, { width: LABEL_WIDTH });
          if (value) doc.font('jp').fontSize(9).text(value, MARGIN + LABEL_WIDTH + LABEL_GAP, y, { width: valueWidth });
          doc.x = MARGIN;
          doc.y = y + height;
        }
        break;
      case 'table':
        row(block.columns.map((c) => c.header), block.columns, true);
        for (const cells of block.rows) row(cells, block.columns, false);
        for (const cells of block.footer ?? []) row(cells, block.columns, true);
        break;
      case 'space':
        doc.moveDown(block.lines ?? 1);
        break;
      case 'stamp': {
        const size = 60;
        ensureRoom(size + 20);
        const y = doc.y + 5;
        block.labels.forEach((label, i) => {
          const x = MARGIN + width - (block.labels.length - i) * (size + 8);
          doc.rect(x, y, size, size + 14).lineWidth(0.5).stroke();
          doc.font('jp').fontSize(8).text(label, x, y + 2, { width: size, align: 'center' });
        });
        doc.x = MARGIN;
        doc.y = y + size + 20;
        break;
      }
    }
  }
  doc.end();
  return done;
}
