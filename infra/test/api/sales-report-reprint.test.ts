import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import type { IssuedSalesReports } from '@sss/contracts/sales/views';
import type { IssuedDocument } from '@sss/contracts/audit/document-search';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';
import { newProject, projectRefs } from '../support/projects.ts';
import { deriveSalesPlan, salesActual } from '../support/sales.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * A 売上連絡票 is frozen when it is issued (docs/as-of.md §Issued documents): after the project is renamed
 * and the month's actual re-entered, the re-print of the issue has exactly the text it had, while the live
 * preview shows the new figures; the 電帳法 search finds the issue by what it printed.
 */
const test = suite<{ sss: RunningSss; sales: Session; salesAdmin: Session; auditor: Session }>('売上連絡票 re-print as issued');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.salesAdmin = await login(context.sss, DEMO.salesAdmin);
  context.auditor = await login(context.sss, DEMO.auditor);
});
test.after(async ({ sss }) => sss.stop());

let n = 0;
const key = () => ({ 'idempotency-key': `reprint-${Date.now()}-${n++}` });
type Answer = { id: string; revision: string; position: string };

test('the re-print of an issued 売上連絡票 says what it said at issue; the preview follows the month', async ({ sss, sales, salesAdmin, auditor }) => {
  const refs = await projectRefs(sss, sales);
  const created = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '発行時点案件' }), headers: key() });
  const projectId = created.json<Answer>().id;
  await deriveSalesPlan(sss, [{ month: '2026-06', revenue: 1_500_000 }], projectId);
  const base = `/api/monthly-sales/${projectId}/2026-06`;
  const ok = async (response: { statusCode: number; body: string; json<T>(): T }, what: string) => {
    assert.is(response.statusCode, 200, `${what}: ${response.body}`);
    return response.json<Answer>();
  };
  const admin = as(sss, salesAdmin);

  // Nothing to report before a sales actual: refused, nothing appended.
  const before = (await sss.events.readStream(`monthlysales-${projectId}_2026-06`)).length;
  const early = await admin({ method: 'POST', url: `${base}/sales-report`, headers: key() });
  assert.is(early.statusCode, 409, early.body);
  assert.is(early.json<{ errors: { field: string }[] }>().errors[0]!.field, 'status');
  assert.match(early.json<{ detail: string }>().detail, /売上実績が未入力/);
  assert.is((await sss.events.readStream(`monthlysales-${projectId}_2026-06`)).length, before, 'a refused issue appends nothing');

  const invoice = { ...salesActual().invoice, recipientName: '発行時点商事', invoiceDate: '2026-06-30', dueDate: '2026-07-31' };
  await ok(await admin({ method: 'PUT', url: `${base}/actual`, payload: salesActual({ invoice }), headers: key() }), 'actual');
  const issued = await ok(await admin({ method: 'POST', url: `${base}/sales-report`, headers: key() }), 'issue');
  const reprint = async (position: string) => {
    const response = await as(sss, auditor)({ method: 'GET', url: `${base}/sales-reports/1/pdf`, headers: { 'x-sss-min-position': position } });
    assert.is(response.statusCode, 200, response.body);
    return pdfText(response.rawPayload);
  };
  const gross = (await as(sss, auditor)({ method: 'GET', url: base, headers: { 'x-sss-min-position': issued.position } })).json<{ actualGross: number }>().actualGross;
  const original = await reprint(issued.position);
  for (const expected of ['売上連絡票', '発行時点案件', '発行時点商事', '1,500,000円', `${gross.toLocaleString('ja-JP')}円`]) assert.ok(original.includes(expected), `the issue prints ${expected}: ${original}`);

  // Later: the project is renamed and the month's actual re-entered with other figures and another 請求先.
  const project = (await as(sss, sales)({ method: 'GET', url: `/api/projects/${projectId}`, headers: { 'x-sss-min-position': issued.position } })).json<{ revision: number }>();
  await ok(await as(sss, sales)({ method: 'PUT', url: `/api/projects/${projectId}`, payload: newProject(refs, { name: '改名後案件' }), headers: { ...key(), 'if-match': `"${project.revision}"` } }), 'rename');
  const later = await ok(await admin({ method: 'PUT', url: `${base}/actual`, payload: salesActual({ labourSales: 2_000_000, invoice: { ...invoice, recipientName: '変更後商事' } }), headers: key() }), 'new actual');

  const preview = await as(sss, auditor)({ method: 'GET', url: `${base}/documents/sales-slip.pdf`, headers: { 'x-sss-min-position': later.position } });
  const now = await pdfText(preview.rawPayload);
  assert.ok(now.includes('改名後案件') && now.includes('2,000,000円') && now.includes('変更後商事'), `the preview shows today's month: ${now}`);
  assert.is(await reprint(later.position), original, 'the re-print has exactly the text of the issue');
  const xlsx = await as(sss, auditor)({ method: 'GET', url: `${base}/sales-reports/1/xlsx`, headers: { 'x-sss-min-position': later.position } });
  assert.is(xlsx.statusCode, 200);
  assert.match(decodeURIComponent(xlsx.headers['content-disposition'] as string), /売上連絡票_.*_2026-06_第1版\.xlsx/);

  const listed = (await as(sss, auditor)({ method: 'GET', url: `${base}/sales-reports`, headers: { 'x-sss-min-position': later.position } })).json<IssuedSalesReports>();
  assert.equal(listed.items.map((r) => [r.issueNo, r.projectName, r.actualGross]), [[1, '発行時点案件', gross]]);
  assert.match(listed.items[0]!.contentHash, /^[0-9a-f]{64}$/);
  assert.is((await as(sss, auditor)({ method: 'GET', url: `${base}/sales-reports/2/pdf`, headers: { 'x-sss-min-position': later.position } })).statusCode, 404, 'an issue never made');

  // The 電帳法 search finds the issue by what it printed (its 金額), not by the month's figures now.
  const search = async (query: string) => (await as(sss, auditor)({ method: 'GET', url: `/api/audit/documents?kind=sales_report&${query}`, headers: { 'x-sss-min-position': later.position } })).json<{ items: IssuedDocument[] }>().items.filter((d) => d.projectId === projectId);
  const hits = await search(`from=2026-06-30&to=2026-06-30&minAmount=${gross}&maxAmount=${gross}&customerId=${refs.customerId}`);
  assert.equal(hits.map((d) => [d.issueNo, d.projectName, d.amount, d.date]), [[1, '発行時点案件', gross, '2026-06-30']]);
  assert.equal(await search(`minAmount=${gross + 1}`), [], 'not by the month\'s figures after the issue');

  // A second issue freezes the new content beside the first.
  const second = await ok(await admin({ method: 'POST', url: `${base}/sales-report`, headers: key() }), 'second issue');
  const secondText = await pdfText((await as(sss, auditor)({ method: 'GET', url: `${base}/sales-reports/2/pdf`, headers: { 'x-sss-min-position': second.position } })).rawPayload);
  assert.ok(secondText.includes('改名後案件') && secondText.includes('2,000,000円'), secondText);
  assert.is(await reprint(second.position), original, 'the first issue is unchanged by the second');
});

test.run();
