import Big from 'big.js';
import type { FieldError } from '@sss/contracts/http/problem';
import type { InvoiceDraft, RecordSalesActual } from '@sss/contracts/sales/schemas';
import { invoiceTotals, isWholeYen, lineAmount, type RoundingMode, type TaxLine } from '@sss/contracts/sales/tax';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import type { IssuedInvoiceLine, SalesTotals } from '@sss/contracts/sales/events';

/**
 * The arithmetic of a month's sales actual and its invoice draft, and the rules a schema cannot
 * state. The sales actual's tax uses the same per-rate function as the invoice, so the 売上実績
 * figures and the 請求書 never disagree on how tax is computed.
 */

/** The sales actual as tax lines: labour, settlement, and each 実費 row at its own basis. */
export function salesActualLines(body: RecordSalesActual): TaxLine[] {
  const lines: TaxLine[] = [{ quantity: '1', unitPrice: body.labourSales, taxIncluded: false, taxRate: body.taxRate }];
  if (body.settlement.amount !== 0) lines.push({ quantity: '1', unitPrice: body.settlement.amount, taxIncluded: false, taxRate: body.taxRate });
  for (const e of body.expenses) lines.push({ quantity: e.quantity, unitPrice: e.price, taxIncluded: e.taxIncluded, taxRate: body.taxRate });
  return lines;
}

export function salesActualTotals(body: RecordSalesActual, mode: RoundingMode): SalesTotals {
  const { net, tax, gross } = invoiceTotals(salesActualLines(body), mode);
  return { net, tax, gross };
}

export function expenseSums(body: RecordSalesActual): { expenseCost: number; expenseSales: number } {
  let cost = new Big(0);
  let sales = new Big(0);
  for (const e of body.expenses) {
    cost = cost.plus(new Big(e.quantity).times(e.cost));
    sales = sales.plus(new Big(e.quantity).times(e.price));
  }
  return { expenseCost: Number(cost.round(0, Big.roundDown).toFixed(0)), expenseSales: Number(sales.round(0, Big.roundDown).toFixed(0)) };
}

export function salesActualErrors(body: RecordSalesActual, mode: RoundingMode): FieldError[] {
  const errors: FieldError[] = [];
  if (body.settlement.amount !== 0 && body.settlement.reason.trim() === '') errors.push({ field: 'settlement.reason', message: '精算金額を入力したときは精算理由を入力してください。' });
  body.expenses.forEach((e, i) => {
    if (!isWholeYen({ quantity: e.quantity, unitPrice: e.price }) || !isWholeYen({ quantity: e.quantity, unitPrice: e.cost })) {
      errors.push({ field: `expenses.${i}.quantity`, message: '数量×単価が1円未満の端数になります。数量か単価を見直してください。' });
    }
  });
  if (errors.length === 0 && invoiceTotals(salesActualLines(body), mode).byRate.some((r) => r.net < 0)) {
    errors.push({ field: 'settlement.amount', message: '精算後の売上がマイナスになります。精算金額を見直してください。' });
  }
  return [...errors, ...invoiceDraftErrors(body.invoice, 'invoice.')];
}

export function invoiceDraftErrors(draft: InvoiceDraft, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const dates = { invoiceDate: '請求日', dueDate: '支払日', periodStart: '取引期間（開始）', periodEnd: '取引期間（終了）' } as const;
  for (const [field, label] of Object.entries(dates)) {
    if (!isCalendarDate(draft[field as keyof typeof dates])) errors.push({ field: `${prefix}${field}`, message: `${label}は実在する日付で入力してください。` });
  }
  if (draft.periodEnd < draft.periodStart) errors.push({ field: `${prefix}periodEnd`, message: '取引期間の終了は開始以降の日付にしてください。' });
  if (draft.dueDate < draft.invoiceDate) errors.push({ field: `${prefix}dueDate`, message: '支払日は請求日以降の日付にしてください。' });
  draft.lines.forEach((l, i) => {
    if (!isWholeYen(l)) errors.push({ field: `${prefix}lines.${i}.quantity`, message: '数量×単価が1円未満の端数になります。数量か単価を見直してください。' });
  });
  return errors;
}

/**
 * The issue date (発行日) of an invoice: a real date, not before the invoice's 請求日 (the date the invoice
 * bills as of, docs/domain.md §月次売上). "Not in the future" needs the clock and is checked where the
 * request arrives (routes.ts). `field` names what the person can change: the issue date, or for a
 * correction (issued today) its 請求日.
 */
export function issuedOnErrors(issuedOn: string, invoiceDate: string, field: string): FieldError[] {
  if (!isCalendarDate(issuedOn)) return [{ field, message: '発行日は実在する日付で入力してください。' }];
  if (isCalendarDate(invoiceDate) && issuedOn < invoiceDate) {
    return [{ field, message: field === 'issuedOn' ? `発行日は請求日（${invoiceDate}）以降の日付にしてください。` : `請求日（${invoiceDate}）が発行日（${issuedOn}）より後です。請求日は発行日以前にしてください。` }];
  }
  return [];
}

/** Rules that apply only when the draft becomes a real invoice. */
export function issuableErrors(draft: InvoiceDraft, mode: RoundingMode, prefix = 'invoice.'): FieldError[] {
  const errors = invoiceDraftErrors(draft, prefix);
  if (draft.lines.length === 0) errors.push({ field: `${prefix}lines`, message: '請求明細を1行以上入力してください。' });
  if (errors.length === 0 && invoiceTotals(draft.lines, mode).byRate.some((r) => r.net < 0)) {
    errors.push({ field: `${prefix}lines`, message: '税率ごとの請求金額がマイナスになります。明細を見直してください。' });
  }
  return errors;
}

export function issuedLines(draft: InvoiceDraft): IssuedInvoiceLine[] {
  return draft.lines.map((l) => ({ description: l.description, quantity: new Big(l.quantity).toString(), unit: l.unit, unitPrice: l.unitPrice, taxIncluded: l.taxIncluded, taxRate: l.taxRate, amount: lineAmount(l) }));
}
