import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login, newCompany } from '../support/sss.ts';
import { issueCustomerInvoice } from '../support/invoices.ts';
import { readFileSync } from 'node:fs';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { employeeRow, estimateContent, newProject, projectRefs } from '../support/projects.ts';
import { approveAsProcessManager } from '../support/history.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * The 監査 workspace as the auditor sees it: the ledger check, the search of every event with its
 * link to the entity's history, the 電子帳簿保存法 invoice search, and the read-only as-of view.
 */
const test = browserSuite('browser: 監査 workspace');

test('an auditor starts a whole-store verification and sees 改ざんなし', async ({ sss, page }) => {
  await signIn(page, sss.url, DEMO.auditor);
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-page').waitFor();
  assert.match((await page.getByTestId('audit-fingerprint').textContent()) ?? '', /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  assert.is(await page.getByTestId('audit-export-checkpoints').getAttribute('href'), '/api/audit/ledger/checkpoints?format=jsonl');
  await page.getByTestId('audit-latest-none').waitFor();
  await page.getByTestId('audit-start').click();
  await page.getByTestId('audit-result').waitFor({ timeout: 30_000 });
  assert.is((await page.getByTestId('audit-result').textContent())?.trim(), '改ざんなし');
  await screenshot(page, 'audit');
});

test('an auditor finds an event by text and type, and opens its entity\'s history; no action is offered', async ({ sss, page }) => {
  const sales = await login(sss, DEMO.sales);
  const created = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: newCompany('AUD-BROWSER', { name: '監査画面テスト商事' }), headers: { 'idempotency-key': 'audit-browser-company' } });
  assert.is(created.statusCode, 201, created.body);
  const companyId = created.json<{ id: string }>().id;

  await page.goto(`${sss.url}/audit?tab=events`);
  await page.getByTestId('audit-events').waitFor();
  await page.getByTestId('audit-events-q').fill('監査画面テスト');
  await page.getByTestId('audit-events-type').fill('CompanyRegistered');
  await page.getByTestId('audit-events-search').click();
  const row = page.locator('[data-testid="audit-event-row"][data-event-type="CompanyRegistered"]');
  await row.first().waitFor();
  assert.is(await page.getByTestId('audit-event-row').count(), 1);
  assert.match((await row.textContent()) ?? '', /佐藤 健一/);
  assert.match((await page.getByTestId('audit-events-csv').getAttribute('href')) ?? '', /^\/api\/audit\/events\/export\.csv\?.*q=/);
  await screenshot(page, 'audit-events');
  await row.getByTestId('audit-event-history').click();
  await page.waitForURL(`**/companies/${companyId}#history`);
  await page.getByTestId('history-table').waitFor();
  for (const action of ['action-edit', 'action-anti-social-check', 'action-credit-limit', 'action-abolish']) {
    assert.is(await page.getByTestId(action).count(), 0, `the auditor is not offered ${action}`);
  }
});

test('an auditor finds an invoice by 取引年月日 range + 金額 range + 取引先 and prints its correction history', async ({ sss, page }) => {
  const invoice = await issueCustomerInvoice(sss, { month: '2026-05', recipientName: '電帳法ブラウザ商事株式会社', correctedReason: '宛名の誤記' });
  await page.goto(`${sss.url}/audit?tab=invoices`);
  await page.getByTestId('audit-invoices').waitFor();
  await page.getByTestId('audit-invoice-from').fill('2026-05-01');
  await page.getByTestId('audit-invoice-to').fill('2026-05-31');
  await page.getByTestId('audit-invoice-min').fill(String(invoice.gross - 100));
  await page.getByTestId('audit-invoice-max').fill(String(invoice.gross + 100));
  await page.locator(`[data-testid="audit-invoice-customer"] option[value="${invoice.customerId}"]`).waitFor({ state: 'attached' });
  await page.getByTestId('audit-invoice-customer').selectOption(invoice.customerId);
  await page.getByTestId('audit-invoice-search').click();
  const row = page.locator(`[data-testid="audit-invoice-row"][data-invoice-number="${invoice.invoiceNumber}"]`);
  await row.waitFor();
  assert.is(await page.getByTestId('audit-invoice-row').count(), 1, 'only the invoice that meets all three');
  await screenshot(page, 'audit-invoices');
  await row.getByTestId('audit-invoice-corrections').click();
  await page.getByTestId('invoice-corrections').waitFor();
  await page.locator('[data-testid="invoice-version"]').nth(1).waitFor();
  assert.equal(await page.locator('[data-testid="invoice-version"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state'))), ['replaced', 'current']);
  assert.match((await page.getByTestId('invoice-corrections-table').textContent()) ?? '', /宛名の誤記/);
  await page.getByTestId('invoice-corrections-print').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.is(await page.getByTestId('app-header').isVisible(), false, 'the print leaves the header off');
  await page.emulateMedia({ media: 'screen' });
});

test('an auditor finds an issued 見積書 by 取引年月日 + 金額 + 取引先, re-prints it and opens its history', async ({ sss, page }) => {
  const sales = await login(sss, DEMO.sales);
  const call = as(sss, sales);
  const refs = await projectRefs(sss, sales);
  const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '電帳法見積ブラウザ案件' }) })).json<{ id: string }>();
  await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs) });
  assert.is((await call({ method: 'POST', url: '/api/estimates', payload: { projectId: project.id, content: estimateContent() } })).statusCode, 201);
  const ringi = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積' }, headers: { 'idempotency-key': 'audit-browser-estimate-ringi' } })).json<{ id: string }>().id;
  await approveAsProcessManager(sss, ringi, 'R-DOC-1');
  const position = await waitUntil('the 見積 to be issued once approved', async () => {
    const issued = await call({ method: 'POST', url: `/api/estimates/${project.id}/issue`, payload: { issuedOn: '2025-02-14' } });
    return issued.statusCode < 300 ? issued.json<{ position: string }>().position : null;
  });
  const estimate = (await call({ method: 'GET', url: `/api/estimates/${project.id}`, headers: { 'x-sss-min-position': position } })).json<{ versions: { total: number; estimateNumber: string }[] }>().versions[0]!;

  await page.context().clearCookies();
  await signIn(page, sss.url, DEMO.auditor);
  await page.goto(`${sss.url}/audit?tab=documents`);
  await page.getByTestId('audit-documents').waitFor();
  await page.getByTestId('audit-document-kind').selectOption('estimate');
  await page.getByTestId('audit-document-from').fill('2025-02-01');
  await page.getByTestId('audit-document-to').fill('2025-02-28');
  await page.getByTestId('audit-document-min').fill(String(estimate.total - 1));
  await page.getByTestId('audit-document-max').fill(String(estimate.total + 1));
  await page.locator(`[data-testid="audit-document-customer"] option[value="${refs.customerId}"]`).waitFor({ state: 'attached' });
  await page.getByTestId('audit-document-customer').selectOption(refs.customerId);
  await page.getByTestId('audit-document-search').click();
  const row = page.locator(`[data-testid="audit-document-row"][data-number="${estimate.estimateNumber}"]`);
  await row.waitFor();
  assert.is(await page.getByTestId('audit-document-row').count(), 1, 'only the 見積書 that meets all three');
  await screenshot(page, 'audit-documents');
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('audit-document-pdf').click()]);
  const printed = await pdfText(readFileSync((await download.path())!));
  assert.ok(printed.includes(estimate.estimateNumber), 'the re-print is that 見積書');
  await row.getByTestId('audit-document-history').click();
  await page.waitForURL(`**/projects/${project.id}/estimate#history`);
  await page.getByTestId('history-table').waitFor();
});

test('as of a moment: the banner, the moment kept in the URL across navigation and sent on every query, and no command offered', async ({ sss, page }) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/api/') && !new URL(request.url()).pathname.startsWith('/api/auth/')) asked.push(request.url());
  });
  await page.context().clearCookies();
  await signIn(page, sss.url, DEMO.sales);
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-new').waitFor();
  await page.getByTestId('as-of-input').fill('2026-03-31T23:59');
  await page.getByTestId('as-of-apply').click();
  await page.getByTestId('as-of-banner').waitFor();
  assert.is(await page.getByTestId('as-of-banner-text').textContent(), '2026-03-31 23:59 時点の表示（読み取り専用）');
  assert.is(new URL(page.url()).searchParams.get('asOf'), '2026-03-31T23:59:00+09:00');
  assert.is(await page.getByTestId('company-new').count(), 0, 'no command while as of a moment');
  await screenshot(page, 'as-of-banner');

  asked.length = 0;
  await page.getByTestId('nav-projects').click();
  await page.waitForURL((url) => url.pathname === '/projects' && url.searchParams.get('asOf') === '2026-03-31T23:59:00+09:00');
  await page.getByTestId('as-of-banner').waitFor();
  await page.reload();
  await page.getByTestId('as-of-banner').waitFor();
  assert.ok(asked.length > 0, 'the project list asked the API');
  for (const url of asked) assert.is(new URL(url).searchParams.get('asOf'), '2026-03-31T23:59:00+09:00', url);

  await page.getByTestId('as-of-live').click();
  await page.waitForURL((url) => !url.searchParams.has('asOf'));
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-new').waitFor();
  assert.is(await page.getByTestId('as-of-banner').count(), 0);
  assert.not.ok(new URL(page.url()).searchParams.has('asOf'));
});

test('the 売上連絡票 offers its actions only to whom the table lets act, and to nobody as of a moment', async ({ sss, page }) => {
  const invoice = await issueCustomerInvoice(sss, { month: '2026-05', recipientName: '権限表示テスト商事株式会社' });
  const screen = `${sss.url}/monthly-sales/${invoice.projectId}/2026-05`;
  const actions = ['correction-start', 'payment-submit'];
  const offered = async () => Promise.all(actions.map(async (a) => (await page.getByTestId(a).count()) > 0));

  await page.context().clearCookies();
  await signIn(page, sss.url, DEMO.salesAdmin);
  await page.goto(screen);
  await page.getByTestId('sales-invoiced').waitFor();
  assert.equal(await offered(), [true, true], 'the sales admin books corrections and payments');

  await page.goto(`${screen}?asOf=${invoice.position}`);
  await page.getByTestId('as-of-banner').waitFor();
  await page.getByTestId('sales-invoiced').waitFor();
  assert.equal(await offered(), [false, false], 'as of a moment nothing is offered');

  await page.context().clearCookies();
  await signIn(page, sss.url, DEMO.auditor);
  await page.goto(screen);
  await page.getByTestId('sales-invoiced').waitFor();
  assert.equal(await offered(), [false, false], 'the auditor is offered nothing');
  await screenshot(page, 'sales-entry-auditor');
});

test.run();
