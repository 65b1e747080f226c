import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { DEMO } from '../support/sss.ts';

/**
 * Issue #11 item 6: "sign out everywhere" on the account page, after a confirmation, ends this
 * browser's session and another browser's alike; cancelling ends nothing.
 */
const test = browserSuite('account page: sign out everywhere');

test('signing out everywhere, once confirmed, sends this browser and another one to the login page', async ({ sss, browser, page }) => {
  const other = await browser.newPage({ locale: 'ja-JP' });
  try {
    await signIn(page, sss.url, DEMO.salesAdmin);
    await signIn(other, sss.url, DEMO.salesAdmin);
    await page.getByTestId('change-password').click();
    await page.getByTestId('end-all-sessions').click();
    const dialog = page.getByTestId('end-all-dialog');
    assert.match((await dialog.textContent()) ?? '', /この端末を含む/);
    await dialog.getByTestId('dialog-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    const stillIn = await other.evaluate(async () => (await fetch('/api/auth/me')).status);
    assert.is(stillIn, 200, 'cancelling ends nothing');

    await page.getByTestId('end-all-sessions').click();
    await screenshot(page, 'account-end-all-confirm');
    await page.getByTestId('end-all-confirm').click();
    await page.waitForURL(/\/login$/);
    assert.is(await page.evaluate(async () => (await fetch('/api/auth/me')).status), 401, 'this browser is signed out');
    await other.reload();
    await other.waitForURL(/\/login/);
    assert.is(await other.evaluate(async () => (await fetch('/api/auth/me')).status), 401, 'the other browser is signed out');
  } finally {
    await other.close();
  }
});

test.run();
