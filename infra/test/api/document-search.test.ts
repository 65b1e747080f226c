import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { IssuedDocument } from '@sss/contracts/audit/document-search';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';
import { employeeRow, estimateContent, newProject, projectRefs } from '../support/projects.ts';
import { approveAsProcessManager } from '../support/history.ts';
import { issueCustomerInvoice } from '../support/invoices.ts';

/**
 * 電子帳簿保存法 search of the issued documents besides invoices: 見積書 (by 発行日 and 税込合計) and
 * 売上連絡票 (by 請求日 and 売上実績（税込）), each by 取引年月日 range + 金額 range + 取引先 combined,
 * read by the auditor; each hit says where to re-print it as issued.
 */
const test = suite<{ sss: RunningSss; sales: Session; auditor: Session }>('電帳法 document search');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.sales = await login(context.sss, DEMO.sales);
  context.auditor = await login(context.sss, DEMO.auditor);
});
test.after(async ({ sss }) => sss.stop());

type Answer = { id: string; position: string };
let n = 0;
const key = () => ({ 'idempotency-key': `docsearch-${Date.now()}-${n++}` });

test('見積書 and 売上連絡票 are found only when 取引年月日, 金額 and 取引先 all match', async ({ sss, sales, auditor }) => {
  const call = as(sss, sales);
  const refs = await projectRefs(sss, sales);
  // A second customer: the 取引先 criterion must tell them apart.
  const other = (await call({ method: 'POST', url: '/api/companies', payload: newCompany('DOC-B', { name: '別顧客商事' }), headers: key() })).json<Answer>().id;
  const issueEstimate = async (customerId: string, name: string, issuedOn: string) => {
    const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject({ ...refs, customerId }, { name }), headers: key() })).json<Answer>();
    await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs), headers: key() });
    assert.is((await call({ method: 'POST', url: '/api/estimates', payload: { projectId: project.id, content: estimateContent() }, headers: key() })).statusCode, 201);
    const ringi = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積' }, headers: key() })).json<Answer>().id;
    await approveAsProcessManager(sss, ringi, `R-${name}`);
    const { waitUntil } = await import('@sss/contracts/testing/wait-until');
    return waitUntil(`見積 of ${name} to be issued`, async () => {
      const issued = await call({ method: 'POST', url: `/api/estimates/${project.id}/issue`, payload: { issuedOn }, headers: key() });
      return issued.statusCode < 300 ? { projectId: project.id, position: issued.json<Answer>().position } : null;
    });
  };
  const mine = await issueEstimate(refs.customerId, '電帳法見積A', '2025-03-10');
  const theirs = await issueEstimate(other, '電帳法見積B', '2025-03-10');
  const invoice = await issueCustomerInvoice(sss, { month: '2026-05', recipientName: '電帳法売上連絡票商事' });

  const search = async (query: string, position: string) => {
    const answer = await as(sss, auditor)({ method: 'GET', url: `/api/audit/documents?${query}`, headers: { 'x-sss-min-position': position } });
    assert.is(answer.statusCode, 200, answer.body);
    return answer.json<{ items: IssuedDocument[]; total: number }>();
  };
  const estimate = (await as(sss, auditor)({ method: 'GET', url: `/api/estimates/${mine.projectId}`, headers: { 'x-sss-min-position': theirs.position } })).json<{ versions: { total: number; estimateNumber: string }[] }>().versions[0]!;
  const range = (amount: number) => `minAmount=${amount - 1}&maxAmount=${amount + 1}`;

  const both = await search(`kind=estimate&from=2025-03-01&to=2025-03-31&${range(estimate.total)}`, theirs.position);
  assert.equal(both.items.filter((d) => d.projectId === mine.projectId || d.projectId === theirs.projectId).length, 2, 'both customers\' 見積書 meet date and amount');
  const found = await search(`kind=estimate&from=2025-03-01&to=2025-03-31&${range(estimate.total)}&customerId=${refs.customerId}`, theirs.position);
  const hit = found.items.find((d) => d.projectId === mine.projectId);
  assert.ok(hit, 'the 見積書 of the customer is found');
  assert.not.ok(found.items.some((d) => d.projectId === theirs.projectId), 'the other customer\'s is not');
  assert.equal([hit.number, hit.date, hit.amount, hit.version, hit.customerId], [estimate.estimateNumber, '2025-03-10', estimate.total, 1, refs.customerId]);
  assert.not.ok((await search(`kind=estimate&from=2025-03-11&customerId=${refs.customerId}`, theirs.position)).items.some((d) => d.projectId === mine.projectId), 'outside the date range');
  assert.not.ok((await search(`kind=estimate&minAmount=${estimate.total + 1}&customerId=${refs.customerId}`, theirs.position)).items.some((d) => d.projectId === mine.projectId), 'outside the amount range');

  const month = (await as(sss, auditor)({ method: 'GET', url: `/api/monthly-sales/${invoice.projectId}/2026-05` })).json<{ actualGross: number }>();
  // A 売上連絡票 is a document once issued: before its issue the month is not found.
  assert.not.ok((await search(`kind=sales_report&customerId=${invoice.customerId}`, invoice.position)).items.some((d) => d.projectId === invoice.projectId), 'not issued yet');
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const issued = await as(sss, salesAdmin)({ method: 'POST', url: `/api/monthly-sales/${invoice.projectId}/2026-05/sales-report`, headers: key() });
  assert.is(issued.statusCode, 200, issued.body);
  const at = issued.json<Answer>().position;
  const slip = await search(`kind=sales_report&from=2026-05-01&to=2026-05-31&${range(month.actualGross)}&customerId=${invoice.customerId}`, at);
  const report = slip.items.find((d) => d.projectId === invoice.projectId);
  assert.ok(report, 'the 売上連絡票 is found');
  assert.equal([report.kind, report.month, report.date, report.amount, report.issueNo], ['sales_report', '2026-05', invoice.invoiceDate, month.actualGross, 1]);
  assert.not.ok((await search(`kind=sales_report&from=2026-05-01&to=2026-05-31&${range(month.actualGross)}&customerId=${other}`, at)).items.some((d) => d.projectId === invoice.projectId), 'another 取引先');
  assert.not.ok((await search(`kind=sales_report&to=2026-04-30&customerId=${invoice.customerId}`, at)).items.some((d) => d.projectId === invoice.projectId), 'before the date range');

  // Bad criteria are a problem naming the field; an open query is refused.
  const reversed = await as(sss, auditor)({ method: 'GET', url: '/api/audit/documents?from=2026-05-31&to=2026-05-01' });
  assert.is(reversed.statusCode, 400);
  assert.is(reversed.json<{ errors: { field: string }[] }>().errors[0]!.field, 'to');
  assert.is((await as(sss, auditor)({ method: 'GET', url: '/api/audit/documents?kind=invoice' })).statusCode, 400);
  assert.is((await as(sss, auditor)({ method: 'GET', url: '/api/audit/documents?unknown=1' })).statusCode, 400);
  assert.is((await as(sss, sales)({ method: 'GET', url: '/api/audit/documents' })).statusCode, 403, 'the auditors\' search');
});

test.run();
