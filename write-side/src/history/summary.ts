import type { HistoryChange, Words } from '@sss/contracts/common';

/** How many changes a one-line summary names before it says “and N more”. */
const NAMED = 3;

/**
 * An event in words from its type and its changes, e.g.
 * 「受注変更：受注金額を ¥1,000,000 → ¥1,100,000 に変更」. The full list is in `changes`.
 */
export function summarize(typeLabel: Words, changes: readonly HistoryChange[]): Words {
  if (changes.length === 0) return typeLabel;
  // Values changed say most, then values set; removals (a pending 稟議 cleared, say) come last.
  const rank = (c: HistoryChange) => (c.before !== null && c.after !== null ? 0 : c.after !== null ? 1 : 2);
  const named = [...changes].sort((a, b) => rank(a) - rank(b)).slice(0, NAMED);
  const more = changes.length - named.length;
  const ja = named.map((c) => (c.before === null ? `${c.label.ja}を ${c.after ?? '（なし）'} に設定` : c.after === null ? `${c.label.ja}（${c.before}）を削除` : `${c.label.ja}を ${c.before} → ${c.after} に変更`));
  const en = named.map((c) => (c.beforeEn === null ? `${c.label.en} set to ${c.afterEn ?? '(none)'}` : c.afterEn === null ? `${c.label.en} (${c.beforeEn}) removed` : `${c.label.en} changed from ${c.beforeEn} to ${c.afterEn}`));
  return {
    ja: `${typeLabel.ja}：${ja.join('、')}${more > 0 ? ` ほか${more}件` : ''}`,
    en: `${typeLabel.en}: ${en.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
  };
}
