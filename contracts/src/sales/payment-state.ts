/**
 * Where an invoice stands with its payments, derived from what is recorded (never stored, so it
 * cannot drift): 未入金, 一部入金, 入金済. Payments above the invoice are refused by the decider
 * (an over-payment waits as 仮受金 instead), so there is no over-paid state here.
 */
export const PAYMENT_STATES = ['unpaid', 'partial', 'paid'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

export function paymentState(gross: number, paid: number): PaymentState {
  if (paid <= 0) return gross <= 0 ? 'paid' : 'unpaid';
  return paid >= gross ? 'paid' : 'partial';
}
