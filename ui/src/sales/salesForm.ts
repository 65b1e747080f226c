import { parseYen } from '@sss/contracts/domain/money';
import type { RecordSalesActual } from '@sss/contracts/sales/schemas';
import type { MonthlySalesView } from '@sss/contracts/sales/views';
import { normalizeNumber } from '../lib/numberInput.ts';
import type { CompanyView } from '@sss/contracts/company/schemas';
import { dueDateFor, paymentTermsText } from '@sss/contracts/company/payment-terms';

/**
 * The 売上実績と請求情報 form as the person types it (numbers as text, so a half-typed "1,0" is
 * not lost), and its mapping to the command body. Yen fields accept separators.
 */

export interface ExpenseRow { kind: string; name: string; taxIncluded: boolean; cost: string; price: string; quantity: string }
export interface LineRow { description: string; quantity: string; unit: string; unitPrice: string; taxIncluded: boolean; taxRate: '10' | '8' }

export interface SalesFormState {
  labourSales: string;
  settlementAmount: string;
  settlementReason: string;
  taxRate: '10' | '8';
  expenses: ExpenseRow[];
  recipientName: string;
  subject: string;
  poNumber: string;
  invoiceDate: string;
  dueDate: string;
  paymentTerms: string;
  contact: string;
  periodStart: string;
  periodEnd: string;
  lines: LineRow[];
}

/**
 * An amount as typed, read by contracts' `parseYen` (commas only as thousands separators, so
 * 「1,5」 is not 15). The form does not validate before sending, so what `parseYen` refuses goes on
 * as before: a blank or a lone minus as 0, anything else as `Number` reads it (NaN for 「1,5」,
 * sent as null), for the server to refuse naming the field.
 */
export const yenOf = (text: string): number => {
  const parsed = parseYen(text.replace(/\s/g, ''));
  if (parsed.ok) return parsed.value;
  const cleaned = normalizeNumber(text);
  return cleaned === '' || cleaned === '-' ? 0 : Number(cleaned);
};
const text = (n: number) => (n ? String(n) : '');

const lastDay = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const endOfNextMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) + 1, 0)).toISOString().slice(0, 10);

type Draft = RecordSalesActual['invoice'];

/** The customer as the invoice needs it: its 正式名称 and 締日/支払サイト (docs/billing.md). */
export type InvoiceCustomer = Pick<CompanyView, 'formalName' | 'billing'>;

/** お支払期限 from the customer's 締日/支払サイト for an invoice date, or null when they are 未設定 (or the date is not one yet). */
export const computedDueDate = (invoiceDate: string, customer: InvoiceCustomer | null | undefined): string | null =>
  customer && /^\d{4}-\d{2}-\d{2}$/.test(invoiceDate) ? dueDateFor(invoiceDate, customer.billing) : null;

/** A month never saved starts from the customer's master data (正式名称, the computed due date, the terms in words) and the order's 注文No. */
export function formFromView(m: MonthlySalesView, customer?: InvoiceCustomer | null, order?: { customerPoNumber: string } | null): SalesFormState {
  const draft = (m.invoice ?? null) as Draft | null;
  const invoiceDate = draft?.invoiceDate ?? lastDay(m.month);
  const expenses = (m.expenses ?? []) as RecordSalesActual['expenses'];
  return {
    labourSales: text(m.labourSales || (draft ? 0 : m.planRevenue)),
    settlementAmount: text(m.settlement.amount),
    settlementReason: m.settlement.reason,
    taxRate: m.taxRate === 8 ? '8' : '10',
    expenses: expenses.map((e) => ({ kind: e.kind, name: e.name, taxIncluded: e.taxIncluded, cost: String(e.cost), price: String(e.price), quantity: e.quantity })),
    recipientName: draft?.recipientName ?? (customer?.formalName || m.customerName),
    subject: draft?.subject ?? `${m.projectName} ${Number(m.month.slice(5, 7))}月分`,
    // 注文No as the customer's order states it (受注), until the person changes it.
    poNumber: draft?.poNumber ?? order?.customerPoNumber ?? '',
    invoiceDate,
    dueDate: draft?.dueDate ?? computedDueDate(invoiceDate, customer) ?? endOfNextMonth(m.month),
    paymentTerms: draft?.paymentTerms ?? (customer ? paymentTermsText(customer.billing) : null) ?? '月末締め翌月末払い',
    contact: draft?.contact ?? '',
    periodStart: draft?.periodStart ?? `${m.month}-01`,
    periodEnd: draft?.periodEnd ?? lastDay(m.month),
    lines: linesOf(m),
  };
}

/** A month's saved invoice lines as the form holds them: this month's own, or last month's offered as this month's start. */
export function linesOf(m: MonthlySalesView | undefined): LineRow[] {
  const draft = (m?.invoice ?? null) as Draft | null;
  return (draft?.lines ?? []).map((l) => ({ description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: String(l.unitPrice), taxIncluded: l.taxIncluded, taxRate: l.taxRate === 8 ? '8' : '10' }));
}

export function bodyOf(f: SalesFormState): RecordSalesActual {
  return {
    labourSales: yenOf(f.labourSales),
    settlement: { amount: yenOf(f.settlementAmount), reason: f.settlementReason },
    taxRate: f.taxRate === '8' ? 8 : 10,
    expenses: f.expenses.map((e) => ({ kind: e.kind, name: e.name, taxIncluded: e.taxIncluded, cost: yenOf(e.cost), price: yenOf(e.price), quantity: e.quantity.trim() || '0' })),
    invoice: {
      recipientName: f.recipientName, subject: f.subject, poNumber: f.poNumber, invoiceDate: f.invoiceDate, dueDate: f.dueDate,
      paymentTerms: f.paymentTerms, contact: f.contact, periodStart: f.periodStart, periodEnd: f.periodEnd,
      lines: f.lines.map((l) => ({ description: l.description, quantity: l.quantity.trim() || '0', unit: l.unit, unitPrice: yenOf(l.unitPrice), taxIncluded: l.taxIncluded, taxRate: l.taxRate === '8' ? 8 : 10 })),
    },
  };
}

/** Safe inputs for the live preview: a half-typed number counts as 0 rather than breaking the page. */
export const safeQuantity = (q: string) => (/^\d{1,9}(\.\d{1,4})?$/.test(q.trim()) ? q.trim() : '0');
export const safeYen = (t: string) => (Number.isSafeInteger(yenOf(t)) ? yenOf(t) : 0);
