import { defineDictionary } from './labels.ts';

/** The unsaved-changes guard on every form and the 月毎明細 grid, Japanese first. */
const ja = {
  title: '保存していない変更があります',
  body: 'このまま移動すると、入力した内容は失われます。',
  stay: 'このページに留まる',
  leave: '変更を破棄して移動',
} as const;
const en: Record<keyof typeof ja, string> = {
  title: 'You have unsaved changes',
  body: 'If you leave now, what you entered will be lost.',
  stay: 'Stay on this page',
  leave: 'Discard changes and leave',
};
export const unsavedLabels = defineDictionary(ja, en);
