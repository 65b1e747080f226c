import { defineDictionary } from './labels.ts';

/** Labels of the as-of control and banner in the shell. */
export const asOfLabels = defineDictionary(
  {
    control: '時点',
    show: '時点表示',
    banner: '{moment} 時点の表示（読み取り専用）',
    backToLive: '現在の表示に戻る',
    invalid: '日時を入力してください。',
  },
  {
    control: 'As of',
    show: 'Show as of',
    banner: 'As of {moment} (read-only)',
    backToLive: 'Back to live',
    invalid: 'Enter a date and time.',
  },
);
