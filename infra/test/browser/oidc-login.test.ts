/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { startLocalProvider, type LocalProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/free-port.ts';

/**
 * 「シングルサインオンでログイン」 against a real OpenID provider (oidc-provider on loopback): the
 * authorization-code flow with PKCE end to end in headless Chromium, matched by verified email.
 */
const test = suite<{ sss: RunningSss; url: string; provider: LocalProvider; browser: Browser }>('browser: OIDC sign-in');
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

test.before(async (context) => {
  const port = await freePort();
  context.url = `http://127.0.0.1:${port}`;
  context.provider = await startLocalProvider(`${context.url}/api/auth/oidc/callback`);
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-oidc-'));
  context.sss = await startSss(readSettings({
    SSS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', SSS_UI_DIR: join(root, 'ui', 'dist'),
    OIDC_ISSUER: context.provider.issuer, OIDC_CLIENT_ID: context.provider.clientId, OIDC_CLIENT_SECRET: context.provider.clientSecret,
    OIDC_REDIRECT_URL: `${context.url}/api/auth/oidc/callback`, OIDC_PROVIDER_NAME: 'テストID',
  }));
  await context.sss.app.listen({ port, host: '127.0.0.1' });
  context.browser = await launchBrowser();
});
test.after(async ({ sss, provider, browser }) => {
  await browser?.close();
  await sss?.stop();
  await provider?.stop();
});

/** The provider's own development sign-in form, then its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').waitFor();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();
}

test('the login page offers the provider; signing in there lands in SSS as the matching user', async ({ url, browser }) => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${url}/login?next=%2Fcompanies`);
  const button = page.getByTestId('login-oidc');
  await button.waitFor();
  assert.is((await button.textContent())?.trim(), 'テストIDでログイン');
  await screenshot(page, 'oidc-login-button');
  await button.click();
  await signInAtProvider(page, 'sato@example.co.jp');
  await page.getByTestId('app-header').waitFor();
  assert.match(page.url(), /\/companies$/);
  await page.getByTestId('company-table').waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  assert.is(me.email, 'sato@example.co.jp');
  assert.equal(me.roles, ['sales']);
  await screenshot(page, 'oidc-signed-in');
  await page.close();
});

test('an email SSS does not know gets a clear Japanese page, and no session', async ({ url, browser }) => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${url}/login`);
  await page.getByTestId('login-oidc').click();
  await signInAtProvider(page, 'stranger@example.co.jp');
  const error = page.getByTestId('oidc-error');
  await error.waitFor();
  assert.match((await error.textContent()) ?? '', /stranger@example\.co\.jp は SSS のユーザーとして登録されていません/);
  await screenshot(page, 'oidc-unknown-user');
  assert.is(await page.evaluate(async () => (await fetch('/api/auth/me')).status), 401);
  await page.close();
});

test('an unverified email is refused', async ({ url, browser }) => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${url}/api/auth/oidc/start`);
  await signInAtProvider(page, 'unverified.sato@example.co.jp');
  await page.getByTestId('oidc-error').waitFor();
  assert.is(await page.getByTestId('oidc-error').getAttribute('data-failure'), 'unverified_email');
  await page.close();
});

test('a callback without the sign-in cookie (forged or expired) is refused', async ({ url, browser }) => {
  const page = await browser.newPage({ locale: 'ja-JP' });
  const response = await page.goto(`${url}/api/auth/oidc/callback?code=forged&state=forged`);
  assert.is(response?.status(), 400);
  assert.is(await page.getByTestId('oidc-error').getAttribute('data-failure'), 'expired');
  await page.close();
});

test.run();
