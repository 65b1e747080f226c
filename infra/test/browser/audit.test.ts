import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/** The 監査 screen: the auditor sees the signing key's fingerprint, starts a verification and reads its outcome. */
const test = browserSuite('browser: 監査 screen');

test('an auditor starts a whole-store verification and sees 改ざんなし', async ({ sss, page }) => {
  await signIn(page, sss.url, 'watanabe@example.co.jp');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-page').waitFor();
  assert.match((await page.getByTestId('audit-fingerprint').textContent()) ?? '', /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
  assert.is(await page.getByTestId('audit-export-checkpoints').getAttribute('href'), '/api/audit/ledger/checkpoints?format=jsonl');
  await page.getByTestId('audit-latest-none').waitFor();
  await page.getByTestId('audit-start').click();
  await page.getByTestId('audit-result').waitFor({ timeout: 30_000 });
  assert.is((await page.getByTestId('audit-result').textContent())?.trim(), '改ざんなし');
  await screenshot(page, 'audit');
});

test.run();
