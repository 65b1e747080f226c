/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningSss } from '../../src/main/sss.ts';
import { launchBrowser, screenshot, signIn, startServedSss } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { deriveSalesPlan, salesActual } from '../support/sales.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newProject, projectRefs } from '../support/projects.ts';

/**
 * 営業管理 in Chromium: 売上実績入力 → 申請 → (the 稟議 outcome arrives as a command through the API,
 * as the process manager sends it) → invoice preview → 発行 → 請求書 PDF download → 入金 → receivables.
 */
const test = suite<{ sss: RunningSss & { url: string }; browser: Browser; page: Page }>('browser: monthly sales and invoice');

test.before(async (context) => {
  context.sss = await startServedSss();
  context.browser = await launchBrowser();
  context.page = await context.browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
});
test.after(async ({ sss, browser }) => {
  await browser?.close();
  await sss?.stop();
});

test('book a month, get it approved, issue the invoice, download its PDF and record 入金', async ({ sss, page }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-04', revenue: 1_200_000 }]);
  await signIn(page, sss.url, DEMO.salesAdmin);
  await page.getByTestId('nav-monthly-sales').click();
  await page.locator(`[data-testid="monthly-sales-row"][data-project-id="${projectId}"]`).click();
  await page.getByTestId('sales-entry').waitFor();
  assert.is(await page.getByTestId('sales-status').textContent(), '売上未確定');

  await page.getByTestId('sales-labourSales').fill('1200000');
  await page.getByTestId('sales-settlementAmount').fill('30000');
  await page.getByTestId('sales-settlementReason').fill('超過精算 3h');
  await page.getByTestId('sales-recipientName').fill('ブラウザ顧客株式会社');
  await page.getByTestId('sales-add-line').click();
  await page.getByTestId('line-description').fill('システム開発支援（4月分）');
  assert.match((await page.getByTestId('sales-actual-totals').textContent()) ?? '', /¥1,230,000.*¥123,000.*¥1,353,000/);
  await page.getByTestId('sales-save').click();
  await page.getByTestId('sales-notice').waitFor();
  await page.getByTestId('sales-request-check').click();
  await page.getByTestId('confirm-sales-check-confirm').click();
  await page.getByTestId('sales-checking').waitFor();
  assert.is(await page.getByTestId('sales-status').textContent(), '確認中');
  await screenshot(page, 'sales-entry-checking');

  // The 稟議 outcome, as the process manager would send it.
  const admin = await login(sss, DEMO.admin);
  const outcome = await as(sss, admin)({ method: 'POST', url: `/api/monthly-sales/${projectId}/2026-04/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'CF-1' }, headers: { 'idempotency-key': `outcome-${projectId}` } });
  assert.is(outcome.statusCode, 200, outcome.body);

  await page.reload();
  await page.getByTestId('invoice-preview').waitFor();
  assert.is(await page.getByTestId('invoice-preview-gross').textContent(), '¥1,353,000');
  await screenshot(page, 'sales-invoice-preview');
  await page.getByTestId('sales-issue').click();
  // one click only asks: the question names the recipient and the amount
  const question = (await page.getByTestId('confirm-invoice-issue').textContent()) ?? '';
  assert.ok(question.includes('ブラウザ顧客株式会社') && question.includes('¥1,353,000'), question);
  await screenshot(page, 'sales-invoice-confirm');
  await page.getByTestId('confirm-invoice-issue-confirm').click();
  await page.getByTestId('sales-invoiced').waitFor();
  const invoiceNumber = (await page.getByTestId('sales-invoice-number').textContent()) ?? '';
  assert.match(invoiceNumber, /^INV-\d{6}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sales-invoice-pdf').click()]);
  const text = await pdfText(readFileSync((await download.path())!));
  for (const item of ['ブラウザ顧客株式会社 御中', '登録番号: T7123456789012', '1,230,000円', '123,000円', '1,353,000円', invoiceNumber]) assert.ok(text.includes(item), `PDF states ${item}`);

  await page.getByTestId('payment-amount').fill('353000');
  await page.getByTestId('payment-date').fill('2026-05-20');
  await page.getByTestId('payment-submit').click();
  assert.match((await page.getByTestId('confirm-payment').textContent()) ?? '', /¥353,000.*2026-05-20.*¥1,000,000/);
  await page.getByTestId('confirm-payment-confirm').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="sales-outstanding"]')?.textContent === '¥1,000,000');
  assert.match((await page.getByTestId('sales-notice').textContent()) ?? '', /入金を記録しました/);
  // the payment is listed under the invoice, which is now 一部入金 rather than just 請求済
  await page.waitForFunction(() => document.querySelector('[data-testid="payment-state"]')?.getAttribute('data-state') === 'partial');
  assert.is(await page.getByTestId('payment-state').textContent(), '一部入金');
  assert.match((await page.getByTestId('payment-history').textContent()) ?? '', /2026-05-20.*¥353,000/);
  await screenshot(page, 'sales-paid');

  // 訂正: a new invoice replaces the first; the payment already received carries over.
  await page.getByTestId('correction-start').click();
  await page.getByTestId('sales-poNumber').fill('PO-REV-2');
  await page.getByTestId('correction-reason').fill('注文No誤り');
  await page.getByTestId('correction-submit').click();
  await page.getByTestId('confirm-correction-confirm').click();
  await page.waitForFunction((first) => { const n = document.querySelector('[data-testid="sales-invoice-number"]')?.textContent; return !!n && n !== first; }, invoiceNumber);
  assert.is(await page.getByTestId('sales-outstanding').textContent(), '¥1,000,000');
  const correctedNumber = (await page.getByTestId('sales-invoice-number').textContent()) ?? '';

  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoice-counterparty').fill('ブラウザ顧客');
  await page.getByTestId('invoice-search').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="invoice-row"]').length === 1);
  assert.is(await page.getByTestId('invoice-payment-state').first().textContent(), '一部入金');
  // the totals row: the server's sums over the whole search (#13 item 6)
  assert.is(await page.getByTestId('invoice-totals-count').textContent(), '合計（1 件）');
  assert.is(await page.getByTestId('invoice-totals-outstanding').textContent(), '¥1,000,000');
  await page.getByText('訂正前の請求書も表示').click();
  await page.getByTestId('invoice-search').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="invoice-row"]').length === 2);
  const table = (await page.getByTestId('invoice-table').textContent()) ?? '';
  assert.ok(table.includes(`訂正済 → `), `the replaced invoice stays visible: ${table}`);
  await screenshot(page, 'sales-invoices-with-correction');
  // page size: kept in the URL with the search, and remembered for the next visit to the list
  await page.getByTestId('pager-size').selectOption('50');
  await page.waitForURL(/pageSize=50/);
  assert.match(page.url(), /includeReplaced=true/, 'the search stays when the page size changes');
  await page.getByTestId('nav-home').click();
  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoice-row').first().waitFor();
  assert.is(await page.getByTestId('pager-size').inputValue(), '50', 'the list remembers the chosen page size');
  await page.getByTestId('receivables-link').click();
  await page.getByTestId('receivables-table').waitFor();
  const receivables = (await page.getByTestId('receivables-table').textContent()) ?? '';
  assert.ok(receivables.includes(correctedNumber) && !receivables.includes(invoiceNumber), `only the invoice in force is receivable: ${receivables}`);
  await screenshot(page, 'sales-receivables');

  await page.getByTestId('nav-monthly-sales').click();
  await page.getByTestId('plan-actual-row').first().click();
  await page.getByTestId('plan-actual-project').first().waitFor();
  await screenshot(page, 'sales-plan-actual');

  await page.getByTestId('nav-home').click();
  await page.getByTestId('sales-dashboard').waitFor();
  await screenshot(page, 'sales-dashboard');
});

test('a correction that changes the approved totals is refused in Japanese and applied for again with the corrected invoice', async ({ sss, page }) => {
  const projectId = await deriveSalesPlan(sss, [{ month: '2026-06', revenue: 1 }]);
  const base = `/api/monthly-sales/${projectId}/2026-06`;
  const [salesAdmin, admin] = [await login(sss, DEMO.salesAdmin), await login(sss, DEMO.admin)];
  const invoice = { ...salesActual().invoice, recipientName: '訂正稟議商事株式会社', invoiceDate: '2026-06-30', dueDate: '2026-07-31', periodStart: '2026-06-01', periodEnd: '2026-06-30', lines: [{ description: '開発支援', quantity: '1', unit: '式', unitPrice: 1, taxIncluded: false, taxRate: 10 }] };
  const steps = [
    await as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload: salesActual({ labourSales: 1, settlement: { amount: 0, reason: '' }, expenses: [], invoice }), headers: { 'idempotency-key': `a-${projectId}` } }),
    await as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: { 'idempotency-key': `c-${projectId}` } }),
    await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'CF-6' }, headers: { 'idempotency-key': `o-${projectId}` } }),
    await as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: '2026-06-30' }, headers: { 'idempotency-key': `i-${projectId}` } }),
  ];
  for (const step of steps) assert.is(step.statusCode, 200, step.body);

  await page.goto(`${sss.url}/monthly-sales/${projectId}/2026-06`);
  await page.getByTestId('sales-invoiced').waitFor();
  const invoiceNumber = (await page.getByTestId('sales-invoice-number').textContent()) ?? '';
  await page.getByTestId('correction-start').click();
  await page.getByTestId('line-unitPrice').fill('1000000');
  await page.getByTestId('correction-reason').fill('金額訂正');
  await page.getByTestId('correction-submit').click();
  await page.getByTestId('confirm-correction-confirm').click();
  await page.getByTestId('correction-request-check').waitFor();
  assert.match((await page.getByTestId('sales-error').textContent()) ?? '', /10%対象の請求金額が稟議で承認された内容と異なります（承認: 1円、請求: 1,100,000円）/);
  await screenshot(page, 'sales-correction-refused');
  await page.getByTestId('correction-request-check').click();
  await page.getByTestId('correction-checking').waitFor();
  assert.is(await page.getByTestId('sales-status').textContent(), '請求済');
  assert.is(await page.getByTestId('line-unitPrice').inputValue(), '1000000', 'the corrected lines stay while the 稟議 is applied for');

  const outcome = await as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: 'CF-7' }, headers: { 'idempotency-key': `o2-${projectId}` } });
  assert.is(outcome.statusCode, 200, outcome.body);
  // The page keeps the corrected invoice; now the approval covers it.
  await page.getByTestId('correction-submit').click();
  await page.getByTestId('confirm-correction-confirm').click();
  await page.waitForFunction((first) => { const n = document.querySelector('[data-testid="sales-invoice-number"]')?.textContent; return !!n && n !== first; }, invoiceNumber);
  assert.match((await page.getByTestId('sales-invoiced').textContent()) ?? '', /¥1,100,000/);
});

test('issue a 売上連絡票 by its button: the issue is listed with its links, and its PDF keeps the name it was issued under', async ({ sss, page }) => {
  const [sales, salesAdmin] = [await login(sss, DEMO.sales), await login(sss, DEMO.salesAdmin)];
  const refs = await projectRefs(sss, sales);
  const created = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '発行ボタン案件' }), headers: { 'idempotency-key': `issue-button-${Date.now()}` } });
  assert.is(created.statusCode, 201, created.body);
  const projectId = created.json<{ id: string }>().id;
  await deriveSalesPlan(sss, [{ month: '2026-07', revenue: 1_500_000 }], projectId);
  const invoice = { ...salesActual().invoice, recipientName: '発行ボタン商事', invoiceDate: '2026-07-31', dueDate: '2026-08-31' };
  const actual = await as(sss, salesAdmin)({ method: 'PUT', url: `/api/monthly-sales/${projectId}/2026-07/actual`, payload: salesActual({ invoice }), headers: { 'idempotency-key': `issue-button-actual-${projectId}` } });
  assert.is(actual.statusCode, 200, actual.body);

  await page.goto(`${sss.url}/monthly-sales/${projectId}/2026-07`);
  await page.getByTestId('sales-entry').waitFor();
  assert.is(await page.getByTestId('sales-report-issued').count(), 0, 'nothing issued yet');
  await page.getByTestId('sales-report-issue').click();
  const issued = page.getByTestId('sales-report-issued');
  await issued.waitFor();
  assert.match((await page.getByTestId('sales-notice').textContent()) ?? '', /売上連絡票を発行しました/);
  assert.match((await issued.textContent()) ?? '', /売上連絡票 第1版（\d{4}-\d{2}-\d{2} 発行）/);
  assert.ok(await issued.getByRole('link', { name: 'Excel' }).isVisible(), 'the issue links its Excel');
  await screenshot(page, 'sales-report-issued');
  const download = async (link: ReturnType<Page['getByRole']>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    return pdfText(readFileSync((await file.path())!));
  };
  const original = await download(issued.getByRole('link', { name: 'PDF' }));
  assert.ok(original.includes('発行ボタン案件') && original.includes('発行ボタン商事'), `the issue prints the project and the 請求先: ${original}`);

  // The project is renamed afterwards: the issue stays as printed, the draft follows the project.
  const project = await as(sss, sales)({ method: 'GET', url: `/api/projects/${projectId}`, headers: { 'x-sss-min-position': actual.json<{ position: string }>().position } });
  const renamed = await as(sss, sales)({ method: 'PUT', url: `/api/projects/${projectId}`, payload: newProject(refs, { name: '改名後ボタン案件' }), headers: { 'idempotency-key': `issue-button-rename-${projectId}`, 'if-match': `"${project.json<{ revision: number }>().revision}"` } });
  assert.is(renamed.statusCode, 200, renamed.body);
  const read = await as(sss, sales)({ method: 'GET', url: `/api/projects/${projectId}`, headers: { 'x-sss-min-position': renamed.json<{ position: string }>().position } });
  assert.is(read.json<{ name: string }>().name, '改名後ボタン案件', 'the rename has reached the read side before the re-download');
  await page.reload();
  await issued.waitFor();
  assert.is(await download(issued.getByRole('link', { name: 'PDF' })), original, 'the re-download of the issue has exactly the text it had');
  const draft = await download(page.getByRole('link', { name: '売上連絡票（PDF）' }));
  assert.ok(draft.includes('改名後ボタン案件') && !draft.includes('発行ボタン案件'), `the draft shows the project as it is now: ${draft}`);
});

test.run();
