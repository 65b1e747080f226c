import { defineDictionary } from './labels.ts';

/** The entity pickers (company, partner, employee, org unit), Japanese first. */
const ja = {
  placeholder: '名前・カナ・コードで検索',
  clear: '選択を解除',
  searching: '検索中…',
  none: '該当するものはありません',
  shown: '{total}件中 {shown}件を表示',
  more: 'さらに表示',
  failed: '候補を読み込めませんでした',
} as const;
const en: Record<keyof typeof ja, string> = {
  placeholder: 'Search by name, kana or code',
  clear: 'Clear the selection',
  searching: 'Searching…',
  none: 'Nothing matches',
  shown: 'Showing {shown} of {total}',
  more: 'Show more',
  failed: 'Could not load the choices',
};
export const pickerLabels = defineDictionary(ja, en);
