/**
 * The one rule for numbers typed into SSS's forms and grid, the way a Japanese office types them:
 * full-width digits from an IME and ¥/円/spaces pasted from Excel are read as ASCII, and a comma is
 * read only where it is a thousands separator (「1,234,567」, 「1,234.5」). Anything else with a
 * comma — 「1,5」 (a European decimal), 「12,34」 — keeps its comma, so the field's own check refuses
 * it instead of silently reading 15 or 1234.
 */
const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

export function normalizeNumber(text: string): string {
  const ascii = text
    .normalize('NFKC') // ０-９ ， ． ￥ → ASCII
    .replace(/[、]/g, ',')
    .replace(/[－−ー]/g, '-')
    .replace(/[¥\\円\s]/g, '');
  return THOUSANDS.test(ascii) ? ascii.replaceAll(',', '') : ascii;
}
