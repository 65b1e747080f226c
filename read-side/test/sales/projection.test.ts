import { filter, firstValueFrom } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startProjector } from '../../src/projector/projector.ts';
import { INVOICES, MONTHLY_SALES, salesProjection } from '../../src/sales/projection.ts';
import { planActual, salesBy } from '../../src/sales/reports.ts';
import { receivables } from '../../src/sales/aging.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

/** 月次売上 and 請求書 documents, and the finance reports computed from them, on every read store. */

const key = { projectId: 'p1', month: '2026-04' };
const draft = { recipientName: '顧客商事株式会社', subject: '4月分', poNumber: 'PO', invoiceDate: '2026-04-30', dueDate: '2026-05-31', paymentTerms: '', contact: '', periodStart: '2026-04-01', periodEnd: '2026-04-30', lines: [] };
const invoice = (invoiceNumber: string, replaces: string | null, gross: number) => ({
  invoiceNumber, replaces, correctionReason: replaces ? '訂正' : '', issuedOn: '2026-04-30', issuer: { name: '株式会社SSSデモ', registrationNumber: 'T7123456789012' },
  ...draft, lines: [], totals: { byRate: [{ taxRate: 10, basis: 'excluded', net: gross / 1.1, tax: gross - gross / 1.1, gross }], net: gross / 1.1, tax: gross - gross / 1.1, gross }, roundingMode: 'floor',
});

function history() {
  const log = memoryEventLog();
  log.push('company-c1', 'CompanyRegistered', { companyId: 'c1', name: '顧客商事' });
  log.push('project-p1', 'ProjectRegistered', { projectId: 'p1', projectNumber: '20260001', status: 'proposing', name: '基幹刷新', customerCompanyId: 'c1', supervisingOrgUnitId: 'org-bs1', salesInfo: { contractType: '準委任' } });
  log.push('project-p1', 'ProjectStatusChanged', { projectId: 'p1', from: 'proposing', to: 'ordered' });
  log.push('monthlysales-p1_2026-04', 'MonthlyPlanSet', { ...key, projectNumber: '20260001', orderId: 'o1', revenue: 1_000_000, cost: 700_000, sourceEventId: 'e1' });
  log.push('monthlysales-p1_2026-05', 'MonthlyPlanSet', { projectId: 'p1', month: '2026-05', projectNumber: '20260001', orderId: 'o1', revenue: 1_000_000, cost: 700_000, sourceEventId: 'e1' });
  log.push('monthlysales-p1_2026-04', 'SalesActualRecorded', { ...key, labourSales: 1_000_000, settlement: { amount: 0, reason: '' }, taxRate: 10, expenses: [], expenseCost: 0, expenseSales: 0, totals: { net: 1_000_000, tax: 100_000, gross: 1_100_000 }, roundingMode: 'floor', invoice: draft });
  log.push('monthlysales-p1_2026-04', 'SalesCheckRequested', { ...key, totals: { net: 1_000_000, tax: 100_000, gross: 1_100_000 } });
  log.push('monthlysales-p1_2026-04', 'SalesCheckApproved', { ...key, ringiId: 'r1', comment: '' });
  log.push('monthlysales-p1_2026-04', 'InvoiceIssued', { ...key, invoice: invoice('INV-000001', null, 1_100_000) });
  log.push('monthlysales-p1_2026-04', 'PaymentRecorded', { ...key, invoiceNumber: 'INV-000001', amount: 100_000, receivedOn: '2026-05-10' });
  // The correction changes the totals, so its 稟議 comes first; the month stays 請求済 throughout.
  const corrected = invoice('INV-000002', 'INV-000001', 1_210_000).totals;
  log.push('monthlysales-p1_2026-04', 'SalesCheckRequested', { ...key, totals: { net: 1_000_000, tax: 100_000, gross: 1_100_000 }, invoiceTotals: corrected, correctionOf: 'INV-000001' });
  log.push('monthlysales-p1_2026-04', 'SalesCheckApproved', { ...key, ringiId: 'r2', comment: '訂正承認', approvedInvoiceTotals: corrected });
  log.push('monthlysales-p1_2026-04', 'InvoiceIssued', { ...key, invoice: invoice('INV-000002', 'INV-000001', 1_210_000) });
  // A further correction's 稟議 is open.
  const last = log.push('monthlysales-p1_2026-04', 'SalesCheckRequested', { ...key, totals: { net: 1_000_000, tax: 100_000, gross: 1_100_000 }, invoiceTotals: corrected, correctionOf: 'INV-000002' });
  return { log, last };
}

for (const kind of readStoreKinds()) {
  test(`${kind.name}: months, invoices (a correction replaces, both stay), payments carried, reports`, async () => {
    const { log, last } = history();
    const store = await kind.open('sales-projection');
    const projector = await startProjector({ events: log, store, projection: salesProjection, batchSize: 3 });
    await firstValueFrom(projector.position$.pipe(filter((p) => p >= last.position)));

    const april = (await store.get(MONTHLY_SALES, 'p1_2026-04'))!;
    assert.equal([april.status, april.planRevenue, april.actualNet, april.confirmedNet, april.invoiceNumber, april.paid, april.customerName, april.orgUnitId, april.contractType],
      ['invoiced', 1_000_000, 1_000_000, 1_000_000, 'INV-000002', 100_000, '顧客商事', 'org-bs1', '準委任']);
    assert.equal([april.correctionChecking, (april.lastOutcome as { comment?: string } | null)?.comment], [true, '訂正承認'], 'a correction 稟議 leaves the month 請求済 and says it is open');
    const may = (await store.get(MONTHLY_SALES, 'p1_2026-05'))!;
    assert.equal([may.status, may.confirmedNet], ['unconfirmed', 0]);

    const first = (await store.get(INVOICES, 'INV-000001'))!;
    const second = (await store.get(INVOICES, 'INV-000002'))!;
    assert.equal([first.state, first.replacedBy, first.outstanding], ['replaced', 'INV-000002', 0]);
    assert.equal([second.state, second.replaces, second.paid, second.outstanding], ['current', 'INV-000001', 100_000, 1_110_000]);

    const report = await planActual(store, { from: '2026-04', to: '2026-05' });
    assert.equal(report.totals, { plan: 2_000_000, actual: 1_000_000 });
    assert.equal(report.rows.map((r) => [r.month, r.orgUnitId, r.plan, r.actual]), [['2026-04', 'org-bs1', 1_000_000, 1_000_000], ['2026-05', 'org-bs1', 1_000_000, 0]]);
    const byCustomer = await salesBy(store, 'customerId', {});
    assert.equal(byCustomer.map((r) => [r.label, r.plan, r.actual, r.invoiced]), [['顧客商事', 2_000_000, 1_000_000, 1_210_000]]);

    const aging = receivables(await store.find(INVOICES, { state: 'current', outstanding: { $gt: 0 } }), '2026-08-10');
    assert.equal(aging.rows.map((r) => [r.invoiceNumber, r.daysOverdue, r.bucket, r.outstanding]), [['INV-000002', 71, 'd61_90', 1_110_000]]);
    assert.is(aging.totalOutstanding, 1_110_000);
    await projector.stop();
    await store.close();
  });
}

test('aging buckets: due today is current; 30/60/90 days are the last day of their bucket', () => {
  const inv = (dueDate: string) => ({ state: 'current', outstanding: 1, invoiceNumber: dueDate, dueDate, recipientName: '', issuedOn: '', gross: 1, paid: 0 });
  const r = receivables([inv('2026-06-30'), inv('2026-05-31'), inv('2026-05-01'), inv('2026-04-01'), inv('2026-03-31')], '2026-06-30');
  assert.equal(r.rows.map((x) => [x.daysOverdue, x.bucket]), [[91, 'd90_plus'], [90, 'd61_90'], [60, 'd31_60'], [30, 'd1_30'], [0, 'current']]);
});

test.run();
