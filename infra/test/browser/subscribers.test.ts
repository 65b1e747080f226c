import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { streams } from '@sss/contracts/streams/names';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { userIdOf } from '../support/ringi.ts';
import { companyProjection } from '@sss/read-side/company/projection';

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
  // a rebuild of the version 会社一覧 declares today, under the next build's name (docs/rebuilds.md)
  const version = companyProjection.version;
  const rebuilt = `companies@v${version}.1`;
  await page.getByTestId('rebuild-companies').getByText(rebuilt).waitFor({ timeout: 30_000 });
  assert.match((await page.getByTestId('rebuild-companies').textContent()) ?? '', new RegExp(`v${version} .*件`));
  assert.is(await sss.readModels.store.count('companies'), await sss.readStore.count(rebuilt));
});

test('a write-side policy\'s parked event is in the console; a retry that still fails says why, a skip records who and why', async ({ sss, page }) => {
  // Stored once and malformed (its months are missing): the sales-plan policy throws on it every time.
  const stream = streams.order('o-poison-browser');
  await sss.events.append(stream, [{ type: 'SalesPlanDerived', data: { orderId: 'o-poison-browser', projectId: 'p-poison-browser', projectNumber: 'P-POISON', months: null }, metadata: { actor: 'system:browser-test', correlationId: 'poison-browser' } }], 'no_stream');
  const [event] = await sss.events.readStream(stream);
  const row = page.getByTestId(`parked-${event!.metadata.eventId}`);
  await row.waitFor({ timeout: 30_000 });
  assert.match((await row.textContent()) ?? '', /policy:sales-plan.*SalesPlanDerived/);

  await row.getByTestId('parked-retry').click();
  const retry = page.getByTestId('dialog-parked-retry');
  await retry.getByTestId('input-reason').fill('もう一度試す');
  await retry.getByTestId('dialog-submit').click();
  await retry.getByTestId('dialog-error').waitFor();
  assert.match((await retry.getByTestId('dialog-error').textContent()) ?? '', /再適用でも失敗しました/);
  await retry.getByTestId('dialog-cancel').click();

  await row.getByTestId('parked-skip').click();
  const skip = page.getByTestId('dialog-parked-skip');
  await skip.getByTestId('input-reason').fill('不正な受注データのため破棄');
  await skip.getByTestId('dialog-submit').click();
  await waitUntil('the skipped event to leave the console', async () => (await row.count()) === 0);
  const records = await sss.events.readStream(streams.parked('policy:sales-plan'));
  assert.equal(records.map((r) => r.type), ['SubscriberEventParked', 'ParkedEventSkipped']);
  assert.equal(records[1]!.data, { subscriber: 'policy:sales-plan', eventId: event!.metadata.eventId, by: await userIdOf(sss, 'admin@example.co.jp'), reason: '不正な受注データのため破棄', at: (records[1]!.data as { at: string }).at });
});

test('the navigation shows the console to admins only', async ({ sss, page }) => {
  await page.context().clearCookies();
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.getByTestId('nav-companies').waitFor();
  assert.is(await page.getByTestId('nav-subscribers').count(), 0);
});

test.run();
