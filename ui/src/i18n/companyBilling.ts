import { defineDictionary } from './labels.ts';

/** Labels of the company's billing section (docs/billing.md), in a dictionary of their own. */
const ja = {
  section: '請求情報', unset: '未設定', endOfMonth: '末日', dayN: '{n}日', nextMonth: '翌月', monthAfterNext: '翌々月',
  postalCode: '郵便番号', address: '住所', phone: '電話番号（請求）', closingDay: '締日', paymentMonths: '支払サイト（月）', paymentDay: '支払日',
  recipientDepartment: '請求書送付先（部署）', recipientPerson: '請求書送付先（担当者）',
} as const;

export type CompanyBillingLabel = keyof typeof ja;

const en: Record<CompanyBillingLabel, string> = {
  section: 'Billing', unset: 'Not set', endOfMonth: 'End of month', dayN: 'Day {n}', nextMonth: 'Next month', monthAfterNext: 'Month after next',
  postalCode: 'Postal code', address: 'Address', phone: 'Phone (billing)', closingDay: 'Closing day', paymentMonths: 'Payment month', paymentDay: 'Payment day',
  recipientDepartment: 'Invoice to (department)', recipientPerson: 'Invoice to (person)',
};

export const companyBillingLabels = defineDictionary(ja, en);
