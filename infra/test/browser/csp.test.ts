/// <reference lib="dom" />
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningSss } from '../../src/main/sss.ts';
import { launchBrowser, signIn, startServedSss } from '../support/browser.ts';

/** The built UI under the Content-Security-Policy: every main screen renders and nothing is blocked. */
const test = suite<{ sss: RunningSss & { url: string }; browser: Browser; page: Page; blocked: string[] }>('browser: content security policy');

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

test.before(async (context) => {
  context.sss = await startServedSss();
  context.browser = await launchBrowser();
  context.page = await context.browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  context.blocked = [];
  context.page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) context.blocked.push(message.text());
  });
  // Injected by the browser driver, not by the page, so the policy does not apply to this listener itself.
  await context.page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});
test.after(async ({ sss, browser }) => {
  await browser?.close();
  await sss?.stop();
});

test('the policy is on the page, and the main screens render with nothing blocked', async ({ sss, page, blocked }) => {
  const first = await page.goto(`${sss.url}/login`);
  assert.match(String(first?.headers()['content-security-policy']), "script-src 'self'");
  await signIn(page, sss.url, 'suzuki@example.co.jp');
  for (const path of ['/companies', '/partners', '/projects', '/orders', '/estimates', '/monthly-sales', '/invoices', '/invoices/receivables', '/ringi', '/org', '/']) {
    await page.goto(`${sss.url}${path}`);
    await page.getByTestId('app-header').waitFor();
    await page.waitForLoadState('networkidle');
    const violations = await page.evaluate(() => window.__cspViolations ?? []);
    assert.equal([...violations, ...blocked], [], `${path}: blocked by the Content-Security-Policy`);
  }
  const styled = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="app-header"]')!).display);
  assert.is.not(styled, 'inline', 'the stylesheet applied');
});

test.run();
