import { spreadsheetSafe } from './spreadsheet-safe.ts';

/**
 * CSV that Excel opens correctly on a Japanese Windows: UTF-8 with a BOM (otherwise Excel assumes
 * Shift_JIS and shows mojibake), CRLF line ends, every field quoted so commas and newlines survive,
 * and no text cell that a spreadsheet would run as a formula (see spreadsheet-safe.ts).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Buffer {
  const quote = (value: string | number | null) => `"${String(spreadsheetSafe(value) ?? '').replaceAll('"', '""')}"`;
  const lines = [header, ...rows].map((row) => row.map(quote).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
