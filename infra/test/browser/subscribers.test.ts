import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/** The subscriber console: an admin finds it in the navigation and sees every subscriber's state; others do not see it. */
const test = browserSuite('browser: サブスクライバー screen');

test('an admin sees each subscriber with its state and lag, and no parked events', async ({ sss, page }) => {
  await signIn(page, sss.url, 'admin@example.co.jp');
  await page.getByTestId('nav-subscribers').click();
  await page.getByTestId('subscribers-page').waitFor();
  await page.getByTestId('subscriber-companies').waitFor();
  assert.match((await page.getByTestId('subscriber-companies').textContent()) ?? '', /プロジェクター/);
  assert.match((await page.getByTestId('subscriber-companies').getByTestId('subscriber-state').textContent()) ?? '', /稼働中|追いつき中/);
  await page.getByTestId('subscriber-forwarder:integration').waitFor();
  await page.getByTestId('subscriber-process-manager:ringi').waitFor();
  await page.getByTestId('parked-none').waitFor();
  await screenshot(page, 'subscribers');
});

test('an admin starts a rebuild from the console and sees it finish, the new generation serving', async ({ sss, page }) => {
  await page.getByTestId('rebuild-companies').waitFor();
  await page.getByTestId('rebuild-companies').getByTestId('rebuild-start').click();
  await page.getByTestId('rebuild-companies').getByText(/companies@v1\.1/).waitFor({ timeout: 30_000 });
  assert.match((await page.getByTestId('rebuild-companies').textContent()) ?? '', /v1 .*件/);
  assert.is(await sss.readModels.store.count('companies'), await sss.readStore.count('companies@v1.1'));
});

test('the navigation shows the console to admins only', async ({ sss, page }) => {
  await page.context().clearCookies();
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.getByTestId('nav-companies').waitFor();
  assert.is(await page.getByTestId('nav-subscribers').count(), 0);
});

test.run();
