/**
 * Yen as people type it: `1,000,000`, `¥1000000`, full-width digits. A text that is not a whole
 * number is returned unchanged so the schema can say what is wrong with it.
 */
export function parseYenInput(text: string): number | string | null {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，¥￥\s]/g, '');
  if (normalized === '') return null;
  return /^-?\d+$/.test(normalized) ? Number(normalized) : text;
}
