/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { chooseOption } from '../support/pickers.ts';

/** A person registers a partner of a demo partner company with the picker, then sees them on the company screen. */
const test = browserSuite('browser: partners');

test('the picker offers only partner companies; a new partner shows in the list and on the company screen with the count', async ({ sss, page }) => {
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.getByTestId('nav-partners').click();
  await page.getByTestId('partner-table').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-row"]').length >= 5);
  await screenshot(page, 'partner-list');

  await page.getByTestId('partner-new').click();
  await page.getByTestId('save-button').click();
  await page.getByTestId('error-name').waitFor();
  // Only 協力会社 are offered: the customer-only 東都 (C0001) is not found by its kana; 青葉 (C0005) is, by hiragana
  await page.getByTestId('input-companyIds').fill('とうと');
  await page.waitForFunction(() => /該当するものはありません/.test(document.querySelector('[data-testid="status-companyIds"]')?.textContent ?? ''));
  await page.getByTestId('input-name').fill('ブラウザ 花子');
  await page.getByTestId('input-kana').fill('ブラウザ ハナコ');
  await chooseOption(page, 'companyIds', 'あおば', '青葉テクノロジー');
  await page.getByTestId('chosen-C0005').waitFor();
  assert.is(await page.getByTestId('input-companyIds').inputValue(), '', 'the picker is ready for another company');
  await page.getByTestId('save-button').click();
  await page.getByTestId('partner-detail').waitFor();
  assert.match((await page.getByTestId('detail-companies').textContent()) ?? '', /青葉テクノロジー/);
  await screenshot(page, 'partner-detail');

  await page.getByTestId('detail-companies').getByRole('link', { name: '青葉テクノロジー' }).click();
  await page.getByTestId('company-partners').waitFor();
  await page.getByTestId('company-partner').filter({ hasText: 'ブラウザ 花子' }).waitFor();
  // The count arrives over the partner topic; the demo data gave 青葉 two partners already.
  await page.waitForFunction(() => document.querySelector('[data-testid="company-partner-count"]')?.textContent === '(3)', undefined, { timeout: 10_000 }).catch(async () => {
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid="company-partner-count"]')?.textContent === '(3)');
  });
  await screenshot(page, 'company-partners');
});

test.run();
