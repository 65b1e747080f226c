/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { customer, issuedInvoices } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';

/**
 * The 振込手数料 tolerance editor in Chromium (docs/finance.md §Fee tolerance): a deposit ¥1,100 short of its invoice is
 * beyond the default tolerance (¥990), so it is not offered as a fee. 経理 sets this customer's tolerance to ¥1,100 in
 * the suggestion (`PUT /api/companies/:id/fee-tolerance`), the suggestion is made again with the gap as a fee and says
 * why, and confirming it records the payment and the fee difference (支払手数料); the invoice leaves 売掛金.
 */
const test = browserSuite('browser: 振込手数料の許容額');

test('finance raises a customer tolerance; the short deposit is then a fee match with its reason, and confirming records the fee', async ({ sss, page }) => {
  const [invoice] = await issuedInvoices(sss, await customer(sss, '手数料商事', 'テスウリヨウシヨウジ'), [300_000]);
  assert.is(invoice!.gross, 330_000);
  const imported = await as(sss, await login(sss, DEMO.finance))({ method: 'POST', url: '/api/bank-files', headers: { 'idempotency-key': 'ft-1' }, payload: { fileName: 'tesuryo.txt', format: 'zengin', content: transferNotice([{ date: '2026-05-29', amount: 328_900, payerName: 'ﾃｽｳﾘﾖｳｼﾖｳｼﾞ' }]).toString('base64') } });
  assert.is(imported.statusCode, 200, imported.body);
  const depositId = imported.json<{ depositIds: string[] }>().depositIds[0]!;

  await signIn(page, sss.url, DEMO.finance);
  await page.getByTestId('nav-reconciliation').click();
  await page.locator('[data-testid="deposit-row"][data-payer="ﾃｽｳﾘﾖｳｼﾖｳｼﾞ"] [data-testid="deposit-show"]').click();
  const suggestion = page.getByTestId('suggestion').first();
  await suggestion.waitFor();
  const before = (await suggestion.getByTestId('suggestion-reasons').textContent()) ?? '';
  assert.not.ok(before.includes('振込手数料として妥当'), `beyond the default tolerance the gap is no fee: ${before}`);
  assert.is(await suggestion.getByTestId('fee-tolerance-input').inputValue(), '990');
  await screenshot(page, 'fee-tolerance-before');

  await suggestion.getByTestId('fee-tolerance-input').fill('1,100');
  await suggestion.getByTestId('fee-tolerance-save').click();
  await page.waitForFunction(() => /差額 1,100円 は振込手数料として妥当（11円単位・許容 1,100円 以内）/.test(document.querySelector('[data-testid="suggestion"] [data-testid="suggestion-reasons"]')?.textContent ?? ''));
  const fee = page.getByTestId('suggestion').first();
  assert.is(await fee.getByTestId('fee-tolerance-input').inputValue(), '1100');
  assert.match((await fee.getByTestId('suggestion-allocation').textContent()) ?? '', new RegExp(`${invoice!.invoiceNumber}.*¥330,000.*¥328,900.*¥1,100`));
  await screenshot(page, 'fee-tolerance-suggested');
  await fee.getByTestId('suggestion-confirm').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="deposit-row"][data-payer="ﾃｽｳﾘﾖｳｼﾖｳｼﾞ"]'));

  // What the clicks recorded: the tolerance on the customer, the payment and the fee on the invoice's month.
  const customerId = ((await sss.events.readStream(`project-${invoice!.projectId}`))[0]!.data as { customerCompanyId: string }).customerCompanyId;
  assert.equal((await sss.events.readStream(`customerfinance-${customerId}`)).map((e) => [e.type, (e.data as { tolerance: number }).tolerance]), [['FeeToleranceSet', 1_100]]);
  const month = (await sss.events.readStream(`monthlysales-${invoice!.projectId}_${invoice!.month}`)).filter((e) => (e.data as { depositId?: string }).depositId === depositId);
  assert.equal(month.map((e) => [e.type, (e.data as { amount: number }).amount, (e.data as { kind?: string }).kind ?? null]), [['PaymentRecorded', 328_900, null], ['InvoiceDifferenceSettled', 1_100, 'bank_fee']]);

  await page.goto(`${sss.url}/invoices/receivables`);
  await page.getByTestId('receivables-table').waitFor();
  assert.not.ok(((await page.getByTestId('receivables-table').textContent()) ?? '').includes(invoice!.invoiceNumber), 'paid with the fee, nothing outstanding');
});

test.run();
