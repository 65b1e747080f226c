/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/**
 * Issue #18 item 2 on the admin screen: the user table shows each user's CollaboFlow login, and the
 * setup check lists every check's state; setting a login and pressing 再チェック updates it.
 * COLLABOFLOW_ADMIN_LOGIN lets the check read the built-in simulator's routes and forms.
 */
const test = browserSuite('browser: the CollaboFlow setup check', undefined, { COLLABOFLOW_ADMIN_LOGIN: 'kato' });

const row = (page: Page, id: string) => page.locator(`[data-testid="collaboflow-check-row"][data-check="${id}"]`);

test('each check with its state; a login set in the user table leaves the unmapped list on 再チェック', async ({ sss, page }) => {
  await signIn(page, sss.url, 'admin@example.co.jp');
  await page.goto(`${sss.url}/users`);
  await page.getByTestId('user-table').waitFor();
  const sato = page.locator('[data-testid="user-row"][data-email="sato@example.co.jp"]');
  assert.is((await sato.getByTestId('user-workflow-login').textContent())?.trim(), '未設定');

  await row(page, 'user-logins').waitFor();
  assert.is(await row(page, 'connection').getAttribute('data-ok'), 'true');
  assert.is(await row(page, 'kind:estimate').getAttribute('data-ok'), 'true');
  assert.match((await row(page, 'kind:estimate').textContent()) ?? '', /見積稟議/);
  assert.is(await row(page, 'user-logins').getAttribute('data-ok'), 'false');
  const logins = (await row(page, 'user-logins').textContent()) ?? '';
  assert.match(logins, /4人/);
  assert.match(logins, /佐藤 健一（sato@example\.co\.jp）/);
  assert.is(await page.getByTestId('collaboflow-check-summary').getAttribute('data-ok'), 'false');
  await screenshot(page, 'collaboflow-check');

  await sato.getByTestId('user-workflow-login-edit').click();
  await page.getByTestId('input-workflowLogin').fill('sato');
  await page.getByTestId('dialog-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="user-row"][data-email="sato@example.co.jp"] [data-testid="user-workflow-login"]')?.textContent?.trim() === 'sato');

  await page.getByTestId('collaboflow-recheck').click();
  await page.waitForFunction(() => /3人/.test(document.querySelector('[data-check="user-logins"]')?.textContent ?? ''));
  assert.not.match((await row(page, 'user-logins').textContent()) ?? '', /sato@example\.co\.jp/);
});

test.run();
