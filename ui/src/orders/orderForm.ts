import type { OrderView, ProjectDetail } from '@sss/contracts/project/views';
import { normalizeNumber } from '../lib/numberInput.ts';

/** 受注 terms as text while typed; amounts become integers only when they parse (else the schema names them). */
export interface OrderForm {
  customerPoNumber: string;
  orderDate: string;
  orderAmount: string;
  labourAmount: string;
  periodStart: string;
  periodEnd: string;
  notes: string;
}

export const ORDER_FIELDS = ['customerPoNumber', 'orderDate', 'orderAmount', 'labourAmount', 'periodStart', 'periodEnd', 'notes'] as const;

/** A new order starts from the plan: the 月毎明細's revenue, its people part as the labour portion. */
export function formFromProject(p: ProjectDetail, orderDate: string): OrderForm {
  const expenseRevenue = p.summary.expenses.reduce((sum, line) => sum + line.total.revenue, 0);
  return {
    customerPoNumber: '',
    orderDate,
    orderAmount: String(p.summary.total.revenue),
    labourAmount: String(p.summary.total.revenue - expenseRevenue),
    periodStart: p.startDate,
    periodEnd: p.endDate,
    notes: '',
  };
}

export function formFromOrder(o: OrderView): OrderForm {
  return { customerPoNumber: o.customerPoNumber, orderDate: o.orderDate, orderAmount: String(o.orderAmount), labourAmount: String(o.labourAmount), periodStart: o.periodStart, periodEnd: o.periodEnd, notes: o.notes };
}

const yen = (text: string) => {
  const v = normalizeNumber(text);
  return /^\d+$/.test(v) ? Number(v) : v;
};

export function termsFromForm(f: OrderForm): unknown {
  return {
    customerPoNumber: f.customerPoNumber.trim(),
    orderDate: f.orderDate,
    orderAmount: yen(f.orderAmount),
    labourAmount: yen(f.labourAmount),
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    ...(f.notes.trim() ? { notes: f.notes.trim() } : {}),
  };
}
