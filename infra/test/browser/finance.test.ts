/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { DEMO } from '../support/sss.ts';
import { customer, issuedInvoices } from '../support/finance.ts';
import { transferNotice } from '../../../write-side/test/finance/zengin-fixture.ts';
import { encodeShiftJis } from '../../../write-side/src/finance/shift-jis.ts';

/**
 * 経理 in Chromium (docs/finance.md): upload a 全銀 振込入金通知 and a bank CSV → suggestions with reasons →
 * confirm one deposit short by a 振込手数料 and one covering two invoices → 売掛金 and the 仮受金 queue updated.
 */
const test = browserSuite('browser: 入金消込');

test('upload, suggestions, confirm a fee and a two-invoice match, receivables and suspense updated', async ({ sss, page }) => {
  const yamada = await issuedInvoices(sss, await customer(sss, '山田商会', 'ヤマダショウカイ'), [300_000]);
  const suzuki = await issuedInvoices(sss, await customer(sss, '鈴木工業', 'スズキコウギョウ'), [100_000, 200_000]);
  await signIn(page, sss.url, DEMO.finance);
  await page.getByTestId('nav-reconciliation').click();
  await page.getByTestId('reconciliation').waitFor();

  const zengin = transferNotice([{ date: '2026-05-29', amount: 329_780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ' }, { date: '2026-06-02', amount: 5_000, payerName: 'ﾀﾅｶ ﾀﾛｳ' }]);
  await page.getByTestId('bank-file').setInputFiles({ name: 'nyukin.txt', mimeType: 'text/plain', buffer: zengin });
  await page.getByTestId('bank-upload-result').waitFor();
  assert.match((await page.getByTestId('bank-upload-result').textContent()) ?? '', /2 件中 2 件/);

  await page.getByTestId('bank-format').selectOption('csv');
  const csv = encodeShiftJis('"日付","摘要","支払い金額","預かり金額","差引残高"\r\n"2026/6/1","振込　ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ","","330,000","1,330,000"\r\n');
  await page.getByTestId('csv-payer').fill('2');
  await page.getByTestId('csv-amount').fill('4');
  await page.getByTestId('bank-file').setInputFiles({ name: 'meisai.csv', mimeType: 'text/csv', buffer: csv });
  await page.waitForFunction(() => /1 件中 1 件/.test(document.querySelector('[data-testid="bank-upload-result"]')?.textContent ?? ''));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deposit-row"]').length === 3);
  await screenshot(page, 'finance-imported');

  await page.locator('[data-testid="deposit-row"][data-payer="ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ"] [data-testid="deposit-show"]').click();
  const first = page.getByTestId('suggestion').first();
  await first.waitFor();
  const reasons = (await first.getByTestId('suggestion-reasons').textContent()) ?? '';
  assert.ok(reasons.includes('振込手数料として妥当') && reasons.includes('読み「ヤマダシヨウカイ」と一致'), reasons);
  assert.match((await first.getByTestId('suggestion-allocation').textContent()) ?? '', new RegExp(`${yamada[0]!.invoiceNumber}.*¥330,000.*¥329,780.*¥220`));
  await screenshot(page, 'finance-suggestion-fee');
  await first.getByTestId('suggestion-confirm').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deposit-row"]').length === 2);

  await page.locator('[data-testid="deposit-row"][data-payer="ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ"] [data-testid="deposit-show"]').click();
  const two = page.getByTestId('suggestion').first();
  await two.waitFor();
  assert.match((await two.getByTestId('suggestion-reasons').textContent()) ?? '', /2 件の請求書/);
  assert.is(await two.getByTestId('suggestion-allocation').count(), 2);
  await two.getByTestId('suggestion-confirm').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="deposit-row"]').length === 1);

  // What is left is the stranger's ¥5,000: the 仮受金 queue.
  await page.waitForFunction(() => document.querySelector('[data-testid="suspense-total"]')?.textContent === '¥5,000');
  assert.is(await page.getByTestId('suspense-row').count(), 1);
  await screenshot(page, 'finance-suspense');

  await page.goto(`${sss.url}/invoices/receivables`);
  await page.getByTestId('receivables-table').waitFor();
  const receivables = (await page.getByTestId('receivables-table').textContent()) ?? '';
  for (const inv of [...yamada, ...suzuki]) assert.not.ok(receivables.includes(inv.invoiceNumber), `${inv.invoiceNumber} is settled: ${receivables}`);
});

test.run();
