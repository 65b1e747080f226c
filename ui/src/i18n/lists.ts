import { defineDictionary } from './labels.ts';

/** Words every paged list shares: the page size choice and the totals row. */
const ja = {
  pageSize: '表示件数',
  perPage: '{size} 件',
  total: '合計（{count} 件）',
} as const;
const en: Record<keyof typeof ja, string> = {
  pageSize: 'Rows per page',
  perPage: '{size} rows',
  total: 'Total ({count} items)',
};
export const listLabels = defineDictionary(ja, en);
