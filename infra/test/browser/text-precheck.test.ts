/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/**
 * Issue #11 item 2 in the browser: a form field checks the server's text policy itself, so a bidi
 * override pasted into a company name is named at the field at once and the form sends nothing.
 */
const test = browserSuite('browser: text policy before sending');

test('U+202E pasted into the company name: the message is at the field and no registration is sent', async ({ sss, page }) => {
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.goto(`${sss.url}/companies/new`);
  await page.getByTestId('company-form').waitFor();
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/api/companies')) sent.push(`${request.method()} ${request.url()}`);
  });

  await page.getByTestId('input-code').fill('BIDI1');
  await page.getByTestId('input-name').click();
  await page.keyboard.insertText('請求書\u202Efdp.exe'); // what a paste inserts
  const error = page.getByTestId('error-name');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /使えない文字（文字の向きを変える制御文字）/);
  assert.is(await page.getByTestId('input-name').getAttribute('aria-invalid'), 'true');

  await page.getByTestId('input-kana').fill('セイキュウショ');
  await page.getByTestId('input-formalName').fill('請求書株式会社');
  await page.getByTestId('input-shortName').fill('Seikyusho');
  await page.getByTestId('input-isCustomer').check();
  await page.getByTestId('save-button').click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'input-name');
  assert.equal(sent, [], 'nothing was sent');
  const refused = await page.locator('.field-error').allTextContents();
  assert.is(refused.length, 1, `the name is the only field refused: ${refused.join(' / ')}`);
  assert.match(refused[0] ?? '', /使えない文字（文字の向きを変える制御文字）/);
  assert.ok(await page.getByTestId('company-form').isVisible(), 'still on the form');
  await screenshot(page, 'text-precheck-bidi');

  // Removing the override clears the message and the registration goes through.
  await page.getByTestId('input-name').fill('請求書商事');
  assert.is(await page.getByTestId('error-name').count(), 0);
  await page.getByTestId('save-button').click();
  await page.getByTestId('company-detail').waitFor();
  assert.is(sent.length, 1);
});

test.run();
