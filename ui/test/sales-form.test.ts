import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { MonthlySalesView } from '@sss/contracts/sales/views';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import { computedDueDate, formFromView, linesOf } from '../src/sales/salesForm.ts';

/** A month never saved starts from the customer's master data and the order (docs/billing.md §Due date). */

const month = (overrides: Partial<MonthlySalesView> = {}) =>
  ({ month: '2026-01', projectName: '基幹刷新', customerName: '顧客商事', labourSales: 0, planRevenue: 500_000, settlement: { amount: 0, reason: '' }, taxRate: 10, expenses: [], invoice: null, ...overrides }) as unknown as MonthlySalesView;
const customer = { formalName: '顧客商事株式会社', billing: { ...UNSET_BILLING, closingDay: 'end' as const, paymentMonths: 1 as const, paymentDay: 'end' as const } };

test('請求先 is the customer\'s 正式名称, 注文No the order\'s, and the due date comes from 締日/支払サイト (末日締め翌月末 → 2月28日)', () => {
  const form = formFromView(month(), customer, { customerPoNumber: 'PO-2026-001' });
  assert.equal([form.recipientName, form.poNumber, form.invoiceDate, form.dueDate, form.paymentTerms], ['顧客商事株式会社', 'PO-2026-001', '2026-01-31', '2026-02-28', '末日締め翌月末日払い']);
});

test('未設定 terms compute nothing: the form keeps its plain default, and the hint has no date', () => {
  const form = formFromView(month(), { formalName: '', billing: UNSET_BILLING });
  assert.equal([form.recipientName, form.dueDate, form.poNumber], ['顧客商事', '2026-02-28', '']);
  assert.is(computedDueDate('2026-01-31', { formalName: '', billing: UNSET_BILLING }), null);
  assert.is(computedDueDate('2026-01-', customer), null, 'a half-typed date computes nothing');
});

test('a saved draft wins over master data; last month\'s lines are offered as the form holds them', () => {
  const invoice = { recipientName: '別宛先', subject: 's', poNumber: 'PO-X', invoiceDate: '2026-01-31', dueDate: '2026-03-15', paymentTerms: '個別', contact: '', periodStart: '2026-01-01', periodEnd: '2026-01-31', lines: [{ description: '保守', quantity: '1', unit: '式', unitPrice: 100_000, taxIncluded: false, taxRate: 10 }] };
  const form = formFromView(month({ invoice } as never), customer, { customerPoNumber: 'PO-2026-001' });
  assert.equal([form.recipientName, form.poNumber, form.dueDate], ['別宛先', 'PO-X', '2026-03-15']);
  assert.equal(linesOf(month({ invoice } as never)), [{ description: '保守', quantity: '1', unit: '式', unitPrice: '100000', taxIncluded: false, taxRate: '10' }]);
  assert.equal(linesOf(undefined), []);
});

test.run();
