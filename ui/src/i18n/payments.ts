import type { PaymentState } from '@sss/contracts/sales/payment-state';
import { defineDictionary } from './labels.ts';

/** An invoice's payment state and its payment history, Japanese first. */
const ja = {
  unpaid: '未入金',
  partial: '一部入金',
  paid: '入金済',
  paymentState: '入金状況',
  history: '入金履歴',
  receivedOn: '入金日',
  amount: '入金額',
  none: '入金はまだありません。',
  total: '入金合計',
} as const satisfies Record<PaymentState, string> & Record<string, string>;
const en: Record<keyof typeof ja, string> = {
  unpaid: 'Unpaid',
  partial: 'Partly paid',
  paid: 'Paid',
  paymentState: 'Payment',
  history: 'Payment history',
  receivedOn: 'Received on',
  amount: 'Amount',
  none: 'No payment yet.',
  total: 'Total received',
};
export const paymentLabels = defineDictionary(ja, en);
