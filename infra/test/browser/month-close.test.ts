/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { customer, issuedInvoices } from '../support/finance.ts';

/**
 * 月次締め in Chromium (docs/finance.md §Month-end close): finance closes April after a confirmation that
 * says what closing means, 請求一覧 marks April's invoice as closed, a payment dated in April is refused, and
 * 営業管理's correction of April's invoice is refused on its page with the 409 naming the month; reopening
 * without a reason is stopped at the field, with one it goes through and is shown.
 */
const test = browserSuite('browser: 月次締め');

test('close a month with its confirmation, the invoice list marks it, a correction of its invoice is refused on the page, reopen with a reason', async ({ sss, browser, page }) => {
  const [april] = await issuedInvoices(sss, await customer(sss, '締切物産', 'シメキリブッサン'), [100_000]);
  await signIn(page, sss.url, DEMO.finance);
  await page.getByTestId('nav-month-close').click();
  const row = page.locator('[data-testid="period-row"][data-month="2026-04"]');
  await row.waitFor();
  assert.is(await row.getAttribute('data-closed'), 'false');

  await row.getByTestId('period-close').click();
  const dialog = page.getByTestId('close-confirm');
  await dialog.waitFor();
  const says = (await dialog.textContent()) ?? '';
  assert.ok(says.includes('2026年4月を締めますか') && says.includes('売上実績・請求書（発行・訂正）・入金') && says.includes('締めを解除する必要があります'), says);
  await screenshot(page, 'month-close-confirm');
  await page.getByTestId('close-confirm-confirm').click();
  await page.getByTestId('month-close-done').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="period-row"][data-month="2026-04"]')?.getAttribute('data-closed') === 'true');

  // What closing means, through the API the screens use: a payment dated in April is refused, naming the month.
  const refused = await as(sss, await login(sss, DEMO.finance))({ method: 'POST', url: `/api/monthly-sales/${april!.projectId}/${april!.month}/payments`, payload: { amount: 1_000, receivedOn: '2026-04-30' }, headers: { 'idempotency-key': 'mcb-1' } });
  assert.is(refused.statusCode, 409, refused.body);
  assert.match(refused.json<{ detail: string }>().detail, /2026年4月は締め済みです/);

  // And on the page: 営業管理 tries to correct April's invoice; the 409 is shown there, naming the month, and nothing changes.
  const sales = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  try {
    await signIn(sales, sss.url, DEMO.salesAdmin);
    await sales.goto(`${sss.url}/monthly-sales/${april!.projectId}/${april!.month}`);
    await sales.getByTestId('sales-invoiced').waitFor();
    const before = (await sss.events.readStream(`monthlysales-${april!.projectId}_${april!.month}`)).length;
    await sales.getByTestId('correction-start').click();
    await sales.getByTestId('sales-poNumber').fill('PO-CLOSED-1');
    await sales.getByTestId('correction-reason').fill('注文No誤り');
    await sales.getByTestId('correction-submit').click();
    const correction = sales.waitForResponse((r) => r.url().endsWith('/invoice/correction') && r.request().method() === 'POST');
    await sales.getByTestId('confirm-correction-confirm').click();
    assert.is((await correction).status(), 409);
    await sales.getByTestId('sales-error').waitFor();
    assert.match((await sales.getByTestId('sales-error').textContent()) ?? '', /2026年4月は締め済みです/);
    assert.is(await sales.getByTestId('sales-invoice-number').textContent(), april!.invoiceNumber, 'the invoice in force is unchanged');
    assert.is((await sss.events.readStream(`monthlysales-${april!.projectId}_${april!.month}`)).length, before, 'nothing appended');
    await screenshot(sales, 'month-close-correction-refused');
  } finally {
    await sales.close();
  }

  await page.getByTestId('nav-invoices').click();
  await page.getByTestId('invoice-table').waitFor();
  await page.getByTestId('closed-months').waitFor();
  assert.match((await page.getByTestId('closed-months').textContent()) ?? '', /締め済みの月: .*2026年4月/);
  const invoiceRow = page.locator('[data-testid="invoice-row"]', { hasText: april!.invoiceNumber });
  assert.is(await invoiceRow.getByTestId('closed-month-badge').textContent(), '締め済');
  await screenshot(page, 'month-close-invoices');

  await page.getByTestId('nav-month-close').click();
  await row.getByTestId('period-reopen').click();
  await page.getByTestId('reopen-dialog').waitFor();
  await page.getByTestId('reopen-confirm').click();
  await page.getByText('解除の理由を入力してください。').waitFor();
  assert.is(await row.getAttribute('data-closed'), 'true', 'no reason, no reopening');
  await page.getByTestId('input-reason').fill('4月分の入金漏れを記録するため');
  await page.getByTestId('reopen-confirm').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="period-row"][data-month="2026-04"]')?.getAttribute('data-closed') === 'false');
  assert.match((await row.textContent()) ?? '', /4月分の入金漏れを記録するため/);
  await screenshot(page, 'month-close-reopened');
  const history = (await sss.events.readStream('accountingperiod-2026-04')).map((e) => e.type);
  assert.equal(history, ['MonthClosed', 'MonthReopened']);
});

test.run();
