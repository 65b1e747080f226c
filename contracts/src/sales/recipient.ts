import type { CompanyBilling } from '../company/billing.ts';

/**
 * Where the 請求書 goes (docs/billing.md): the customer's 郵便番号・住所 and 請求書送付先 (部署・担当者) from its
 * billing master data as it was when the invoice was issued, frozen into the invoice so a reprint says
 * what was sent. null = 未設定 then, or an invoice issued before InvoiceIssued version 3 (nothing invented).
 */
export interface InvoiceRecipientAddress {
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly department: string | null;
  readonly person: string | null;
}

export const UNSTATED_RECIPIENT: InvoiceRecipientAddress = { postalCode: null, address: null, department: null, person: null };

export function recipientAddressOf(billing: CompanyBilling | null): InvoiceRecipientAddress {
  if (!billing) return UNSTATED_RECIPIENT;
  return { postalCode: billing.postalCode, address: billing.address, department: billing.recipientDepartment, person: billing.recipientPerson };
}
