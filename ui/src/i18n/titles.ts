import { useCallback } from 'react';
import { useI18n } from './I18nProvider.tsx';
import { defineDictionary, type Language } from './labels.ts';

/**
 * English for the Japanese field titles and format hints the shared `Field` and `DetailList` show.
 * Most of them are the contract's schema titles (one source for form, API errors and OpenAPI, in
 * Japanese), so they are keyed by the Japanese text; a title missing here stays Japanese on an
 * English screen, which the languages browser test reports with the field's test id.
 */
const titles = {
  案件名: 'Project name',
  案件番号: 'Project no.',
  顧客会社: 'Customer',
  主管部: 'Supervising unit',
  会計区分: 'Accounting unit',
  請求種別: 'Billing type',
  'プロジェクトリーダー（社員ID）': 'Project leader',
  プロジェクトリーダー: 'Project leader',
  開始日: 'Start date',
  終了日: 'End date',
  期間: 'Period',
  サービス種別: 'Service type',
  契約形態: 'Contract type',
  売上計上基準: 'Revenue recognition',
  第一セグメント: 'Segment 1',
  第二セグメント: 'Segment 2',
  第三セグメント: 'Segment 3',
  事業セグメント: 'Business segment',
  仕入販売: 'Resale',
  請求予定: 'Billing schedule',
  コピー元: 'Copied from',
  登録: 'Registered',
  更新: 'Updated',
  件名: 'Subject',
  宛先: 'Addressee',
  有効期限: 'Valid until',
  納品場所: 'Delivery place',
  支払条件: 'Payment terms',
  前提条件: 'Conditions',
  備考: 'Notes',
  受注日: 'Order date',
  受注金額: 'Order amount',
  うち人件費: 'Of which labour',
  注文No: 'Customer PO no.',
  '作業期間（開始）': 'Work period (start)',
  '作業期間（終了）': 'Work period (end)',
  '契約期間（開始）': 'Contract period (start)',
  '契約期間（終了）': 'Contract period (end)',
  半角英字: 'Latin letters',
  全角カタカナ: 'Full-width katakana',
  'T + 13桁の数字': 'T followed by 13 digits',
  '半角英数字・-・_': 'Letters, digits, - and _',
  必須: 'Required',
  請求書番号: 'Invoice number',
  社員: 'Employee',
  パートナー: 'Partner',
  協力会社: 'Partner company',
  社員番号: 'Employee no.',
  クラスランク: 'Class rank',
  氏名: 'Name',
  経費種別: 'Expense type',
  名称: 'Item',
  原価: 'Cost',
  提示単価: 'Quoted unit price',
} as const;

type Title = keyof typeof titles;
const japanese = Object.fromEntries(Object.keys(titles).map((title) => [title, title])) as Record<Title, string>;
const fieldTitles = defineDictionary(japanese, titles);

/** A Japanese title in the person's language; one this table does not know is shown as it is. */
export function titleIn(language: Language, title: string): string {
  return (fieldTitles[language] as Record<string, string>)[title] ?? title;
}

export function useTitle(): (title: string) => string {
  const { language } = useI18n();
  return useCallback((title: string) => titleIn(language, title), [language]);
}
