const yenFormat = new Intl.NumberFormat('ja-JP');

/** Integer yen as `¥1,234,567`; the ASCII yen sign keeps columns aligned in every font. */
export function formatYen(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return `${amount < 0 ? '-' : ''}¥${yenFormat.format(Math.abs(amount))}`;
}
