import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readXlsx } from '@sss/read-side/documents/xlsx';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session, appendedByPeopleSince } from '../support/sss.ts';
import { deriveSalesPlan, salesActual } from '../support/sales.ts';
import { embeddedFonts, pdfText } from '../support/pdf-text.ts';
import { addDays, todayInJapan } from '@sss/contracts/domain/dates';

/** 月次売上・請求 through the HTTP API: booking, approval outcome, qualified invoice, 入金, reports, documents. */
const test = suite<{ sss: RunningSss; admin: Session; salesAdmin: Session; finance: Session; sales: Session }>('sales API');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.admin = await login(context.sss, DEMO.admin);
  context.salesAdmin = await login(context.sss, DEMO.salesAdmin);
  context.finance = await login(context.sss, DEMO.finance);
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

const problem = (body: string) => JSON.parse(body) as { code: string; detail: string; errors?: { field: string; message: string }[] };
let keySeq = 0;
/** The 409 an issue or a correction gets when the 10 % total differs from what the 稟議 approved (1 yen). */
function assertRefusedAsUnapproved(refused: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  assert.is(refused.statusCode, 409, refused.body);
  assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
  const body = problem(refused.body);
  assert.ok(body.errors?.some((e) => e.field === 'totals.rate10'), refused.body);
  assert.match(body.detail, /10%対象の請求金額が稟議で承認された内容と異なります（承認: 1円、請求: 1,100,000円）/);
}

const key = () => ({ 'idempotency-key': `k-${Date.now()}-${keySeq++}` });

test('the whole month: plan → actual → check → approved → invoice → PDF → 入金 → reports', async ({ sss, admin, salesAdmin, finance }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-04', revenue: 1_500_000 }, { month: '2026-05', revenue: 1_500_000 }]);
  const base = `/api/monthly-sales/${projectId}/2026-04`;
  // A counterparty of its own: the demo data has invoices too.
  const payload = salesActual({ invoice: { ...salesActual().invoice, recipientName: 'API検証商事株式会社' } });
  const put = await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload, headers: key() });
  assert.is(put.statusCode, 200, put.body);
  const read = await as(sss, finance)({ method: 'GET', url: base, headers: { 'x-sss-min-position': put.json().position } });
  assert.is(read.statusCode, 200, read.body);
  // 1,500,000 + 100,000 + 10,000 = 1,610,000 税抜; tax once: 161,000.
  assert.equal([read.json().status, read.json().planRevenue, read.json().actualNet, read.json().actualTax, read.json().actualGross], ['unconfirmed', 1_500_000, 1_610_000, 161_000, 1_771_000]);

  const early = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: {}, headers: key() });
  assert.is(early.statusCode, 409, 'no invoice for a month not approved');
  assert.is(problem(early.body).code, 'illegal_transition');
  assert.ok(problem(early.body).errors?.some((e) => e.field === 'status'));

  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  const outcome = await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-1' }, headers: key() });
  assert.is(outcome.statusCode, 200, outcome.body);
  const issued = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-04-30' }, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);
  const again = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: {}, headers: key() });
  assert.is(again.statusCode, 409, 'double issue refused');

  const month = (await as(sss, finance)({ method: 'GET', url: base, headers: { 'x-sss-min-position': issued.json().position } })).json();
  assert.is(month.status, 'invoiced');
  const invoiceNumber = month.invoiceNumber as string;
  assert.match(invoiceNumber, /^INV-\d{6}$/);
  const invoice = (await as(sss, finance)({ method: 'GET', url: `/api/invoices/${invoiceNumber}` })).json();
  assert.equal(invoice.totals.byRate, [{ taxRate: 10, basis: 'excluded', net: 1_610_000, tax: 161_000, gross: 1_771_000 }]);

  const pdf = await as(sss, finance)({ method: 'GET', url: `/api/invoices/${invoiceNumber}/pdf` });
  assert.is(pdf.statusCode, 200);
  assert.is(pdf.headers['content-type'], 'application/pdf');
  const text = await pdfText(pdf.rawPayload);
  for (const item of ['請求書', '株式会社SSSデモ', '登録番号: T7123456789012', 'API検証商事株式会社 御中', '2026年4月1日 〜 2026年4月30日', 'システム開発支援（4月分）', '10%対象', '1,610,000円', '161,000円', '1,771,000円', invoiceNumber]) {
    assert.ok(text.includes(item), `invoice PDF should state ${item}`);
  }
  assert.ok(embeddedFonts(pdf.rawPayload).length > 0, 'the Japanese font is embedded');

  const paid = await as(sss, finance)({ method: 'POST', url: `${base}/payments`, payload: { amount: 771_000, receivedOn: '2026-05-01' }, headers: key() });
  assert.is(paid.statusCode, 200, paid.body);
  const after = { 'x-sss-min-position': paid.json().position };
  const receivables = (await as(sss, finance)({ method: 'GET', url: '/api/receivables?asOf=2026-07-15', headers: after })).json();
  const row = receivables.rows.find((r: { invoiceNumber: string }) => r.invoiceNumber === invoiceNumber);
  assert.equal([row.outstanding, row.daysOverdue, row.bucket], [1_000_000, 45, 'd31_60']);

  const report = (await as(sss, finance)({ method: 'GET', url: '/api/reports/sales-plan-actual?from=2026-04&to=2026-05', headers: after })).json();
  // This project has no 主管部 (its plan was put in directly), so its months are the rows with an empty org unit.
  const ours = report.rows.filter((r: { orgUnitId: string }) => r.orgUnitId === '');
  assert.equal(ours.map((r: { month: string; plan: number; actual: number }) => [r.month, r.plan, r.actual]), [['2026-04', 1_500_000, 1_610_000], ['2026-05', 1_500_000, 0]]);
  const drill = (await as(sss, finance)({ method: 'GET', url: '/api/reports/sales-plan-actual/projects?month=2026-04&orgUnitId=', headers: after })).json();
  assert.ok(drill.items.some((m: { projectId: string }) => m.projectId === projectId), 'drill-down lists the project');
  const search = (await as(sss, finance)({ method: 'GET', url: `/api/invoices?from=2026-04-01&to=2026-04-30&minAmount=1000000&counterparty=${encodeURIComponent('API検証')}`, headers: after })).json();
  assert.is(search.total, 1);
  const none = (await as(sss, finance)({ method: 'GET', url: `/api/invoices?minAmount=2000000&counterparty=${encodeURIComponent('API検証')}`, headers: after })).json();
  assert.is(none.total, 0);

  const csv = await as(sss, finance)({ method: 'GET', url: '/api/exports/invoices?format=csv', headers: after });
  assert.is(csv.statusCode, 200);
  assert.equal([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  assert.ok(csv.body.includes('\r\n') && csv.body.includes('"1771000"'));
  // one way to write a date in every export: 2026/04/30, never 2026-04-30
  assert.match(csv.body, /"\d{4}\/\d{2}\/\d{2}"/);
  assert.not.match(csv.body, /"\d{4}-\d{2}-\d{2}/);
  const xlsx = await as(sss, finance)({ method: 'GET', url: '/api/exports/receivables?format=xlsx&asOf=2026-07-15', headers: after });
  const sheets = await readXlsx(xlsx.rawPayload);
  const rows = Object.values(sheets)[0]!;
  assert.ok(rows.some((r) => r.includes(invoiceNumber) && r.includes(1_000_000)), 'receivables workbook lists the outstanding amount');

  const slip = await as(sss, finance)({ method: 'GET', url: `${base}/documents/sales-slip.xlsx` });
  const slipRows = Object.values(await readXlsx(slip.rawPayload))[0]!;
  assert.ok(slipRows.some((r) => r[0] === '売上実績（税抜）' && r[1] === 1_610_000));
  for (const [kind, expected] of [['sales-slip.pdf', '1,610,000円'], ['delivery-note.pdf', '納品書'], ['acceptance.pdf', '検収書']] as const) {
    const doc = await as(sss, finance)({ method: 'GET', url: `${base}/documents/${kind}` });
    assert.is(doc.statusCode, 200, kind);
    const docText = await pdfText(doc.rawPayload);
    assert.ok(docText.includes(expected), `${kind} says ${expected}`);
    assert.ok(docText.includes('1,610,000') , `${kind} states the amount`);
  }
  const dashboard = await as(sss, finance)({ method: 'GET', url: '/api/dashboard', headers: after });
  assert.is(dashboard.statusCode, 200, dashboard.body);
});

test('bad input is a 4xx naming the field, and appends nothing', async ({ sss, salesAdmin }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-06', revenue: 500_000 }]);
  const url = `/api/monthly-sales/${projectId}/2026-06/actual`;
  const head = await sss.events.headPosition();
  const cases: Array<[Record<string, unknown>, string]> = [
    [salesActual({ labourSales: -1 }), 'labourSales'],
    [salesActual({ taxRate: 5 }), 'taxRate'],
    [salesActual({ expenses: [{ kind: '交通費', name: '出張', taxIncluded: false, cost: -100, price: 0, quantity: '1' }] }), 'expenses.0.cost'],
    [salesActual({ settlement: { amount: 1, reason: 'x'.repeat(256) } }), 'settlement.reason'],
    [salesActual({ invoice: { ...salesActual().invoice, lines: [{ description: 'x', quantity: '1', unit: '式', unitPrice: 100, taxIncluded: false, taxRate: 5 }] } }), 'invoice.lines.0.taxRate'],
    [salesActual({ invoice: { ...salesActual().invoice, dueDate: '2026-04-01' } }), 'invoice.dueDate'],
  ];
  for (const [payload, field] of cases) {
    const response = await as(sss, salesAdmin)({ method: 'PUT', url, payload });
    assert.is(response.statusCode, 400, `${field}: ${response.body}`);
    assert.ok(problem(response.body).errors?.some((e) => e.field === field || e.field.startsWith(field)), `expected ${field}: ${response.body}`);
  }
  assert.equal(await appendedByPeopleSince(sss, head), [], 'nothing appended');
});

test('the issue date: not in the future, not before the 請求日 — 400 naming issuedOn, nothing appended', async ({ sss, admin, salesAdmin }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-09', revenue: 1_500_000 }]);
  const base = `/api/monthly-sales/${projectId}/2026-09`;
  const invoice = { ...salesActual().invoice, invoiceDate: '2026-09-30', dueDate: '2026-10-31', periodStart: '2026-09-01', periodEnd: '2026-09-30' };
  assert.is((await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload: salesActual({ invoice }), headers: key() })).statusCode, 200);
  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-9' }, headers: key() })).statusCode, 200);
  const head = await sss.events.headPosition();
  // Two days ahead of Tokyo's today, so the test does not depend on the hour it runs at.
  const future = addDays(todayInJapan(new Date()), 2);
  for (const [issuedOn, words] of [[future, '未来'], ['2026-09-29', '請求日（2026-09-30）以降'], ['2026-09-31', '実在する日付']] as const) {
    const response = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn } });
    assert.is(response.statusCode, 400, `${issuedOn}: ${response.body}`);
    const body = problem(response.body);
    assert.ok(body.errors?.some((e) => e.field === 'issuedOn' && e.message.includes(words)), `${issuedOn}: ${response.body}`);
  }
  assert.equal(await appendedByPeopleSince(sss, head), [], 'no invoice, no invoice number taken');
  const issued = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-09-30' }, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);
});

test('approval covers what is issued: approved at 1 yen, changed to 1,100,000 → issue refused 409 naming 10%; a new approval lets it out', async ({ sss, admin, salesAdmin, finance }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-10', revenue: 1 }]);
  const base = `/api/monthly-sales/${projectId}/2026-10`;
  const month = (lines: { unitPrice: number }[]) => salesActual({
    labourSales: lines.reduce((t, l) => t + l.unitPrice, 0), settlement: { amount: 0, reason: '' }, expenses: [],
    invoice: { ...salesActual().invoice, invoiceDate: '2026-10-31', dueDate: '2026-11-30', periodStart: '2026-10-01', periodEnd: '2026-10-31', lines: lines.map((l) => ({ description: '開発支援', quantity: '1', unit: '式', unitPrice: l.unitPrice, taxIncluded: false, taxRate: 10 })) },
  });
  assert.is((await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload: month([{ unitPrice: 1 }]), headers: key() })).statusCode, 200);
  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-10' }, headers: key() })).statusCode, 200);
  const changed = await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload: month([{ unitPrice: 1_000_000 }]), headers: key() });
  assert.is(changed.statusCode, 200, changed.body);

  const head = await sss.events.headPosition();
  const refused = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-10-31' } });
  assertRefusedAsUnapproved(refused);
  assert.equal(await appendedByPeopleSince(sss, head), [], 'a refused issue takes no invoice number');

  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200, 'the changed month is applied for again');
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-11' }, headers: key() })).statusCode, 200);
  const issued = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-10-31' }, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);
  const read = (await as(sss, finance)({ method: 'GET', url: base, headers: { 'x-sss-min-position': issued.json().position } })).json();
  assert.is(read.invoicedGross, 1_100_000);
});

test('approval covers corrections: a correction to 1,100,000 of an invoice approved at 1 yen is refused 409 naming 10%, nothing appended; a 稟議 of the corrected totals lets it out; an address correction needs none', async ({ sss, admin, salesAdmin, finance }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-03', revenue: 1 }]);
  const base = `/api/monthly-sales/${projectId}/2026-03`;
  const invoice = (unitPrice: number, recipientName = salesActual().invoice.recipientName) => ({
    ...salesActual().invoice, recipientName, invoiceDate: '2026-03-31', dueDate: '2026-04-30', periodStart: '2026-03-01', periodEnd: '2026-03-31',
    lines: [{ description: '開発支援', quantity: '1', unit: '式', unitPrice, taxIncluded: false, taxRate: 10 as const }],
  });
  const payload = salesActual({ labourSales: 1, settlement: { amount: 0, reason: '' }, expenses: [], invoice: invoice(1) });
  assert.is((await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload, headers: key() })).statusCode, 200);
  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() })).statusCode, 200);
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-30' }, headers: key() })).statusCode, 200);
  const issued = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-03-31' }, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);

  const head = await sss.events.headPosition();
  const refused = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice/correction`, payload: { reason: '金額訂正', invoice: invoice(1_000_000) }, headers: key() });
  assertRefusedAsUnapproved(refused);
  assert.equal(await appendedByPeopleSince(sss, head), [], 'a refused correction appends nothing and takes no invoice number');

  // Totals-neutral: a new address needs no approval.
  const address = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice/correction`, payload: { reason: '宛名訂正', invoice: invoice(1, '顧客商事株式会社 大阪支店') }, headers: key() });
  assert.is(address.statusCode, 200, address.body);

  // The 稟議 of the corrected totals, from 請求済; the month stays 請求済 meanwhile.
  const reapply = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice/correction/sales-check`, payload: { invoice: invoice(1_000_000) }, headers: key() });
  assert.is(reapply.statusCode, 200, reapply.body);
  const checking = (await as(sss, finance)({ method: 'GET', url: base, headers: { 'x-sss-min-position': reapply.json().position } })).json();
  assert.equal([checking.status, checking.correctionChecking], ['invoiced', true]);
  assert.is((await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'R-31' }, headers: key() })).statusCode, 200);
  const corrected = await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice/correction`, payload: { reason: '金額訂正', invoice: invoice(1_000_000) }, headers: key() });
  assert.is(corrected.statusCode, 200, corrected.body);
  const read = (await as(sss, finance)({ method: 'GET', url: base, headers: { 'x-sss-min-position': corrected.json().position } })).json();
  assert.equal([read.status, read.invoicedGross, read.correctionChecking], ['invoiced', 1_100_000, false]);
});

test('who may do what: sales cannot book, finance cannot issue, only admin sends the 稟議 outcome', async ({ sss, sales, finance, salesAdmin }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-07', revenue: 100_000 }]);
  const base = `/api/monthly-sales/${projectId}/2026-07`;
  assert.is((await as(sss, sales)({ method: 'PUT', url: `${base}/actual`, payload: salesActual(), headers: key() })).statusCode, 403);
  assert.is((await as(sss, finance)({ method: 'POST', url: `${base}/invoice`, payload: {}, headers: key() })).statusCode, 403);
  assert.is((await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved' }, headers: key() })).statusCode, 403);
});

test('a month with nothing to bill closes without a 稟議', async ({ sss, salesAdmin }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-08', revenue: 0 }]);
  const response = await as(sss, salesAdmin)({ method: 'POST', url: `/api/monthly-sales/${projectId}/2026-08/sales-check`, headers: key() });
  assert.is(response.statusCode, 200, response.body);
  const month = (await as(sss, salesAdmin)({ method: 'GET', url: `/api/monthly-sales/${projectId}/2026-08`, headers: { 'x-sss-min-position': response.json().position } })).json();
  assert.is(month.status, 'closed_without_billing');
});

test.run();
