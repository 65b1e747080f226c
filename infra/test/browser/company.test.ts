/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/** A person in headless Chromium: log in, register a company, find it in the list, see its history. */
const test = browserSuite('browser: companies');

test('a wrong password shows a Japanese message', async ({ sss, page }) => {
  await page.goto(`${sss.url}/login`);
  await page.getByTestId('login-email').fill('sato@example.co.jp');
  await page.getByTestId('login-password').fill('wrong-password');
  await page.getByTestId('login-submit').click();
  await assert.ok((await page.getByTestId('login-error').first().textContent())?.includes('パスワード'));
});

test('log in, register a company with a field error fixed on the way, see it in the list and its history', async ({ sss, page }) => {
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-table').waitFor();
  await page.getByTestId('company-new').click();

  await page.getByTestId('input-code').fill('BR001');
  await page.getByTestId('input-name').fill('ブラウザ商事');
  await page.getByTestId('input-kana').fill('ブラウザショウジ');
  await page.getByTestId('input-formalName').fill('ブラウザ商事株式会社');
  await page.getByTestId('input-shortName').fill('Browser Shoji');
  await page.getByTestId('input-isCustomer').check();
  await page.getByTestId('input-invoiceRegistrationNumber').fill('T123');
  await page.getByTestId('save-button').click();
  const error = page.getByTestId('error-invoiceRegistrationNumber');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /形式|T \+ 13/);
  await screenshot(page, 'company-form-validation');

  await page.getByTestId('input-invoiceRegistrationNumber').fill('T7000012050002');
  await page.getByTestId('save-button').click();
  await page.getByTestId('company-detail').waitFor();
  assert.match((await page.getByTestId('company-name').textContent()) ?? '', /^ブラウザ商事/);

  await page.getByTestId('nav-companies').click();
  await page.getByTestId('company-search').fill('ブラウザ');
  const row = page.getByTestId('company-row').filter({ hasText: 'ブラウザ商事' });
  // The search box is debounced: wait until the list shows only the match.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="company-row"]').length === 1);
  assert.is(await row.count(), 1);
  await screenshot(page, 'company-list');

  await row.first().getByTestId('company-link').click();
  await page.getByTestId('history-panel').waitFor();
  await page.getByTestId('history-row').first().waitFor();
  assert.match((await page.getByTestId('history-actor').first().textContent()) ?? '', /佐藤 健一/);
  assert.match((await page.getByTestId('chain-verdict').textContent()) ?? '', /改ざん/);
  const shot = await screenshot(page, 'company-detail');
  assert.ok(existsSync(shot));
});

test('switching to English relabels the shell, and back', async ({ page }) => {
  assert.match((await page.getByTestId('nav').textContent()) ?? '', /会社/);
  await page.getByTestId('language-switch').first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="nav"]')?.textContent?.includes('Companies'));
  await page.getByTestId('language-switch').first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="nav"]')?.textContent?.includes('会社'));
});

test.run();
