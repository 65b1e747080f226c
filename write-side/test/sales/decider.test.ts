import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { MonthlySalesEvent } from '@sss/contracts/sales/events';
import type { RecordSalesActual } from '@sss/contracts/sales/schemas';
import { spec } from '../../src/kernel/spec.ts';
import { monthlySalesDecider } from '../../src/sales/decider.ts';

/** 月次売上: plan, actual, the 稟議 outcome, qualified invoices and payments. */

const key = { projectId: 'p1', month: '2026-04' };
const given = spec(monthlySalesDecider).given;
const issuer = { name: '株式会社サンプル', registrationNumber: 'T7123456789012', address: '東京都港区1-1', phone: '03-1111-2222', bankAccount: { bank: 'みずほ銀行', branch: '本店', type: '普通', number: '1234567', holderKana: 'ｶ)ｻﾝﾌﾟﾙ' } } as const;
const recipientAddress = { postalCode: '100-0001', address: '東京都千代田区千代田1-1', department: '経理部', person: '山田 花子' };

const actual = (overrides: Partial<RecordSalesActual> = {}): RecordSalesActual => ({
  labourSales: 1_500_000,
  settlement: { amount: 100_000, reason: '超過精算 10h' },
  taxRate: 10,
  expenses: [],
  invoice: {
    recipientName: '顧客商事株式会社',
    subject: '4月分 システム開発支援',
    poNumber: 'PO-1',
    invoiceDate: '2026-04-30',
    dueDate: '2026-05-31',
    paymentTerms: '月末締め翌月末払い',
    contact: '営業管理部',
    periodStart: '2026-04-01',
    periodEnd: '2026-04-30',
    lines: [{ description: 'システム開発支援', quantity: '1', unit: '式', unitPrice: 1_600_000, taxIncluded: false, taxRate: 10 }],
  },
  ...overrides,
});

const plan: MonthlySalesEvent = { type: 'MonthlyPlanSet', data: { ...key, projectNumber: '20260001', orderId: 'o1', revenue: 1_500_000, cost: 1_000_000, sourceEventId: 'e1' } };
const recorded = () => {
  const decision = monthlySalesDecider.decide({ type: 'RecordSalesActual', key, body: actual(), roundingMode: 'floor' }, monthlySalesDecider.initialState);
  if (!Array.isArray(decision)) throw new Error('expected events');
  return decision[0]! as MonthlySalesEvent;
};
const draftTotals = { byRate: [{ taxRate: 10 as const, basis: 'excluded' as const, net: 1_600_000, tax: 160_000, gross: 1_760_000 }], net: 1_600_000, tax: 160_000, gross: 1_760_000 };
const requested: MonthlySalesEvent = { type: 'SalesCheckRequested', data: { ...key, totals: { net: 1_600_000, tax: 160_000, gross: 1_760_000 }, invoiceTotals: draftTotals } };
const approved: MonthlySalesEvent = { type: 'SalesCheckApproved', data: { ...key, ringiId: 'r1', comment: '', approvedInvoiceTotals: draftTotals } };
const issue = { type: 'IssueInvoice' as const, key, invoiceNumber: 'INV-000001', issuer, recipientAddress, roundingMode: 'floor' as const, issuedOn: '2026-04-30' };
const issued = () => {
  const decision = monthlySalesDecider.decide(issue, [plan, recorded(), requested, approved].reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState));
  if (!Array.isArray(decision)) throw new Error('expected events');
  return decision[0]! as MonthlySalesEvent;
};

test('the plan arrives once per source event (policy replays change nothing)', () => {
  given([]).when({ type: 'SetMonthlyPlan', key, projectNumber: '20260001', orderId: 'o1', revenue: 1_500_000, cost: 1_000_000, sourceEventId: 'e1' }).then([plan]);
  given([plan]).when({ type: 'SetMonthlyPlan', key, projectNumber: '20260001', orderId: 'o1', revenue: 1_500_000, cost: 1_000_000, sourceEventId: 'e1' }).thenNothing();
});

test('recording the sales actual computes labour + settlement + expenses and tax once per rate', () => {
  given([plan]).when({ type: 'RecordSalesActual', key, body: actual({ expenses: [{ kind: '物品購入', name: 'ライセンス', taxIncluded: true, cost: 9_000, price: 11_000, quantity: '2' }] }), roundingMode: 'floor' }).thenEvents(([e]) => {
    assert.is(e!.type, 'SalesActualRecorded');
    const data = e!.data as Extract<MonthlySalesEvent, { type: 'SalesActualRecorded' }>['data'];
    // 1,500,000 + 100,000 外税, 22,000 内税 → 20,000 税抜: net 1,620,000, tax 162,000.
    assert.equal(data.totals, { net: 1_620_000, tax: 162_000, gross: 1_782_000 });
    assert.is(data.expenseCost, 18_000);
    assert.is(data.expenseSales, 22_000);
  });
});

test('a settlement needs its reason; an expense quantity that leaves a fraction of a yen is refused', () => {
  given([plan]).when({ type: 'RecordSalesActual', key, body: actual({ settlement: { amount: 5000, reason: ' ' } }), roundingMode: 'floor' }).thenFails('validation_failed', 'settlement.reason');
  given([plan]).when({ type: 'RecordSalesActual', key, body: actual({ expenses: [{ kind: '交通費', name: '出張', taxIncluded: false, cost: 0, price: 333, quantity: '0.5' }] }), roundingMode: 'floor' }).thenFails('validation_failed', 'expenses.0.quantity');
  given([plan]).when({ type: 'RecordSalesActual', key, body: actual({ settlement: { amount: -2_000_000, reason: '減額' } }), roundingMode: 'floor' }).thenFails('validation_failed', 'settlement.amount');
});

test('売上未確定 → 確認中 → 請求待ち → 請求済', () => {
  given([plan, recorded()]).when({ type: 'RequestSalesCheck', key }).then([requested]);
  given([plan, recorded(), requested]).when({ type: 'ApplySalesCheckOutcome', key, body: { outcome: 'approved', ringiId: 'r1' } }).then([approved]);
  given([plan, recorded(), requested, approved]).when(issue).thenEvents(([e]) => {
    assert.is(e!.type, 'InvoiceIssued');
    const { invoice } = e!.data as Extract<MonthlySalesEvent, { type: 'InvoiceIssued' }>['data'];
    assert.is(invoice.invoiceNumber, 'INV-000001');
    assert.equal(invoice.issuer, issuer);
    assert.equal(invoice.recipientAddress, recipientAddress, 'the customer address given at issue is frozen into the invoice');
    assert.equal(invoice.totals.byRate, [{ taxRate: 10, basis: 'excluded', net: 1_600_000, tax: 160_000, gross: 1_760_000 }]);
    assert.is(invoice.lines[0]!.amount, 1_600_000);
  });
});

test('差し戻し, 却下 and 取り下げ return the month to 売上未確定, where it can be edited and applied again', () => {
  for (const outcome of ['sent_back', 'rejected', 'withdrawn'] as const) {
    const returned: MonthlySalesEvent = { type: 'SalesCheckReturned', data: { ...key, outcome, ringiId: 'r1', comment: '金額誤り' } };
    given([plan, recorded(), requested]).when({ type: 'ApplySalesCheckOutcome', key, body: { outcome, ringiId: 'r1', comment: '金額誤り' } }).then([returned]);
    given([plan, recorded(), requested, returned]).when({ type: 'RecordSalesActual', key, body: actual(), roundingMode: 'floor' }).thenEvents((events) => assert.is(events.length, 1));
    given([plan, recorded(), requested, returned]).when({ type: 'RequestSalesCheck', key }).then([requested]);
  }
});

test('a month with nothing to bill closes without a 稟議', () => {
  given([plan]).when({ type: 'RequestSalesCheck', key }).then([{ type: 'MonthClosedWithoutBilling', data: key }]);
  given([plan, { type: 'MonthClosedWithoutBilling', data: key }]).when({ type: 'RecordSalesActual', key, body: actual(), roundingMode: 'floor' }).thenFails('illegal_transition');
});

test('illegal transitions: no invoice before approval, no edits while checking, no outcome without a request', () => {
  given([plan, recorded()]).when(issue).thenFails('illegal_transition', 'status');
  given([plan, recorded(), requested]).when(issue).thenFails('illegal_transition');
  given([plan, recorded(), requested]).when({ type: 'RecordSalesActual', key, body: actual(), roundingMode: 'floor' }).thenFails('illegal_transition');
  given([plan, recorded()]).when({ type: 'ApplySalesCheckOutcome', key, body: { outcome: 'approved' } }).thenFails('illegal_transition');
  given([plan, recorded(), requested]).when({ type: 'RequestSalesCheck', key }).thenFails('illegal_transition');
  given([plan, recorded()]).when({ type: 'RecordPayment', key, body: { amount: 1, receivedOn: '2026-05-01' }, today: '2026-06-01' }).thenFails('illegal_transition');
});

test('double issue is refused: a second invoice only as a correction, which replaces the first', () => {
  const history = [plan, recorded(), requested, approved, issued()];
  given(history).when({ ...issue, invoiceNumber: 'INV-000002' }).thenFails('illegal_transition', 'status');
  given(history).when({ type: 'CorrectInvoice', key, invoiceNumber: 'INV-000002', issuer, recipientAddress, roundingMode: 'floor', issuedOn: '2026-05-02', body: { reason: '注文No誤り', invoice: { ...actual().invoice, poNumber: 'PO-2' } } }).thenEvents(([e]) => {
    const { invoice } = e!.data as Extract<MonthlySalesEvent, { type: 'InvoiceIssued' }>['data'];
    assert.is(invoice.invoiceNumber, 'INV-000002');
    assert.is(invoice.replaces, 'INV-000001');
    assert.is(invoice.poNumber, 'PO-2');
  });
});

test('入金: up to the outstanding balance, not in the future', () => {
  const history = [plan, recorded(), requested, approved, issued()];
  given(history).when({ type: 'RecordPayment', key, body: { amount: 760_000, receivedOn: '2026-05-31' }, today: '2026-06-01' })
    .then([{ type: 'PaymentRecorded', data: { ...key, invoiceNumber: 'INV-000001', amount: 760_000, receivedOn: '2026-05-31' } }]);
  const paid: MonthlySalesEvent = { type: 'PaymentRecorded', data: { ...key, invoiceNumber: 'INV-000001', amount: 760_000, receivedOn: '2026-05-31' } };
  given([...history, paid]).when({ type: 'RecordPayment', key, body: { amount: 1_000_001, receivedOn: '2026-05-31' }, today: '2026-06-01' }).thenFails('rule_violated', 'amount');
  given(history).when({ type: 'RecordPayment', key, body: { amount: 1, receivedOn: '2026-06-02' }, today: '2026-06-01' }).thenFails('validation_failed', 'receivedOn');
  given(history).when({ type: 'RecordPayment', key, body: { amount: 1, receivedOn: '2026-02-30' }, today: '2026-06-01' }).thenFails('validation_failed', 'receivedOn');
});

test('the issue date is a real date, not before the 請求日; a correction (issued today) cannot carry a later 請求日', () => {
  const history = [plan, recorded(), requested, approved];
  given(history).when({ ...issue, issuedOn: '2026-04-29' }).thenFails('validation_failed', 'issuedOn');
  given(history).when({ ...issue, issuedOn: '2026-02-30' }).thenFails('validation_failed', 'issuedOn');
  given(history).when({ ...issue, issuedOn: '2026-05-01' }).thenEvents(([e]) => assert.is(e!.type, 'InvoiceIssued'));
  given([...history, issued()]).when({ type: 'CorrectInvoice', key, invoiceNumber: 'INV-000002', issuer, recipientAddress, roundingMode: 'floor', issuedOn: '2026-05-02', body: { reason: '請求日誤り', invoice: { ...actual().invoice, invoiceDate: '2026-05-03', dueDate: '2026-05-31' } } })
    .thenFails('validation_failed', 'invoice.invoiceDate');
});

test('approval covers what is issued: the request carries the invoice per rate, the approval records it, a changed month needs a new approval', () => {
  given([plan, recorded(), requested]).when({ type: 'ApplySalesCheckOutcome', key, body: { outcome: 'approved', ringiId: 'r1' } }).then([approved]);
  // Approved at 1,760,000; then the month is changed to 1,100,000 more in the 10 % rate.
  const bigger = actual({ invoice: { ...actual().invoice, lines: [...actual().invoice.lines, { description: '追加作業', quantity: '1', unit: '式', unitPrice: 1_000_000, taxIncluded: false, taxRate: 10 }] } });
  const changed = monthlySalesDecider.decide({ type: 'RecordSalesActual', key, body: bigger, roundingMode: 'floor' }, [plan, recorded(), requested, approved].reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState));
  if (!Array.isArray(changed)) throw new Error('changing an approved month is recorded');
  const history = [plan, recorded(), requested, approved, changed[0]!];
  given(history).when(issue).thenFails('illegal_transition', 'totals.rate10');
  // An 8 % line added after approval names the 8 % rate.
  const reduced = actual({ invoice: { ...actual().invoice, lines: [...actual().invoice.lines, { description: '軽減税率品', quantity: '1', unit: '個', unitPrice: 1_080, taxIncluded: true, taxRate: 8 }] } });
  const withReduced = monthlySalesDecider.decide({ type: 'RecordSalesActual', key, body: reduced, roundingMode: 'floor' }, [plan, recorded(), requested, approved].reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState));
  if (!Array.isArray(withReduced)) throw new Error('expected events');
  given([plan, recorded(), requested, approved, withReduced[0]!]).when(issue).thenFails('illegal_transition', 'totals.rate8');
  // A new request carries the new totals; its approval covers the new invoice.
  given(history).when({ type: 'RequestSalesCheck', key }).thenEvents(([e]) => {
    const data = e!.data as Extract<MonthlySalesEvent, { type: 'SalesCheckRequested' }>['data'];
    assert.equal(data.invoiceTotals?.byRate, [{ taxRate: 10, basis: 'excluded', net: 2_600_000, tax: 260_000, gross: 2_860_000 }]);
  });
  // Unchanged after approval: nothing to approve again.
  given([plan, recorded(), requested, approved]).when({ type: 'RequestSalesCheck', key }).thenFails('illegal_transition');
});

test('approval covers corrections: changed totals refused, covered by a 稟議 of the corrected totals after issue; totals-neutral corrections need none', () => {
  const history = [plan, recorded(), requested, approved, issued()];
  const correct = (invoice: RecordSalesActual['invoice']) => ({ type: 'CorrectInvoice' as const, key, invoiceNumber: 'INV-000002', issuer, recipientAddress, roundingMode: 'floor' as const, issuedOn: '2026-05-02', body: { reason: '金額訂正', invoice } });
  const bigger = { ...actual().invoice, lines: [{ ...actual().invoice.lines[0]!, unitPrice: 2_600_000 }] };
  // Approved and issued at 1,760,000; corrected to 2,860,000 without a new approval.
  given(history).when(correct(bigger)).thenFails('illegal_transition', 'totals.rate10');
  // A correction adding an 8 % line names the 8 % rate.
  const reduced = { ...actual().invoice, lines: [...actual().invoice.lines, { description: '軽減税率品', quantity: '1', unit: '個', unitPrice: 1_080, taxIncluded: true, taxRate: 8 as const }] };
  given(history).when(correct(reduced)).thenFails('illegal_transition', 'totals.rate8');
  // Address, due date, PO: the totals stay, no approval needed.
  given(history).when(correct({ ...actual().invoice, recipientName: '顧客商事株式会社 大阪支店', dueDate: '2026-06-30' })).thenEvents(([e]) => assert.is(e!.type, 'InvoiceIssued'));

  // The 稟議 for the correction: requested from 請求済 with the corrected totals; the month stays 請求済.
  const biggerTotals = { byRate: [{ taxRate: 10 as const, basis: 'excluded' as const, net: 2_600_000, tax: 260_000, gross: 2_860_000 }], net: 2_600_000, tax: 260_000, gross: 2_860_000 };
  const reapply = { type: 'RequestCorrectionCheck' as const, key, body: { invoice: bigger }, roundingMode: 'floor' as const };
  const correctionRequested: MonthlySalesEvent = { type: 'SalesCheckRequested', data: { ...key, totals: { net: 1_600_000, tax: 160_000, gross: 1_760_000 }, invoiceTotals: biggerTotals, correctionOf: 'INV-000001' } };
  given(history).when(reapply).then([correctionRequested]);
  given(history).when({ ...reapply, body: { invoice: { ...actual().invoice, poNumber: 'PO-2' } } }).thenFails('illegal_transition', 'invoice.lines');
  given([...history, correctionRequested]).when(reapply).thenFails('illegal_transition', 'status');
  assert.is([...history, correctionRequested].reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState).status, 'invoiced');
  // While it is open the old approval still rules.
  given([...history, correctionRequested]).when(correct(bigger)).thenFails('illegal_transition', 'totals.rate10');
  const correctionApproved: MonthlySalesEvent = { type: 'SalesCheckApproved', data: { ...key, ringiId: 'r2', comment: '', approvedInvoiceTotals: biggerTotals } };
  given([...history, correctionRequested]).when({ type: 'ApplySalesCheckOutcome', key, body: { outcome: 'approved', ringiId: 'r2' } }).then([correctionApproved]);
  const covered = [...history, correctionRequested, correctionApproved];
  assert.is(covered.reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState).status, 'invoiced');
  given(covered).when(correct(bigger)).thenEvents(([e]) => {
    const { invoice } = e!.data as Extract<MonthlySalesEvent, { type: 'InvoiceIssued' }>['data'];
    assert.is(invoice.totals.gross, 2_860_000);
    assert.is(invoice.replaces, 'INV-000001');
  });
  // The approval covers those totals only; and a returned 稟議 covers nothing.
  given(covered).when(correct({ ...bigger, lines: [{ ...bigger.lines[0]!, unitPrice: 2_600_001 }] })).thenFails('illegal_transition', 'totals.rate10');
  const returned: MonthlySalesEvent = { type: 'SalesCheckReturned', data: { ...key, outcome: 'rejected', ringiId: 'r2', comment: '' } };
  const rejected = [...history, correctionRequested, returned];
  assert.is(rejected.reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState).status, 'invoiced');
  given(rejected).when(correct(bigger)).thenFails('illegal_transition', 'totals.rate10');
  // The request is in 請求済 only.
  given([plan, recorded(), requested, approved]).when(reapply).thenFails('illegal_transition', 'status');
});

test('history from before approvals carried totals still replays; such an approval must be renewed before issue', () => {
  const oldRequested: MonthlySalesEvent = { type: 'SalesCheckRequested', data: { ...key, totals: { net: 1_600_000, tax: 160_000, gross: 1_760_000 } } };
  const oldApproved: MonthlySalesEvent = { type: 'SalesCheckApproved', data: { ...key, ringiId: 'r1', comment: '' } };
  const history = [plan, recorded(), oldRequested, oldApproved];
  assert.is(history.reduce(monthlySalesDecider.evolve, monthlySalesDecider.initialState).status, 'awaiting_invoice');
  given(history).when(issue).thenFails('illegal_transition', 'totals');
  given(history).when({ type: 'RequestSalesCheck', key }).then([requested]);
});

test('a 売上連絡票 is issued only after a sales actual, numbered per month, with the content it was given', () => {
  const content = { projectNumber: '20260001', projectName: '案件', customerId: 'c1', customerName: '顧客', month: '2026-04', contractType: '準委任', planRevenue: 1_500_000, labourSales: 1_500_000, settlement: { amount: 100_000, reason: '超過精算 10h' }, taxRate: 10, expenses: [], expenseSales: 0, actualNet: 1_600_000, actualTax: 160_000, actualGross: 1_760_000, recipientName: '顧客商事株式会社', invoiceDate: '2026-04-30', dueDate: '2026-05-31', paymentTerms: '月末締め翌月末払い', poNumber: 'PO-1' };
  const command = { type: 'IssueSalesReport' as const, key, content, contentHash: 'h1', issuedOn: '2026-04-30' };
  given([plan]).when(command).thenFails('illegal_transition', 'status');
  const first: MonthlySalesEvent = { type: 'SalesReportIssued', data: { ...key, report: { issueNo: 1, issuedOn: '2026-04-30', contentHash: 'h1', content } } };
  given([plan, recorded()]).when(command).then([first]);
  given([plan, recorded(), first]).when({ ...command, contentHash: 'h2' }).then([{ type: 'SalesReportIssued', data: { ...key, report: { issueNo: 2, issuedOn: '2026-04-30', contentHash: 'h2', content } } }]);
});

test.run();
