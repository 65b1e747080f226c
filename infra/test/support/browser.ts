import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite, type Test } from 'uvu';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningSss } from '../../src/main/sss.ts';
import type { Projection } from '@sss/read-side/projector/projection';
import { readSettings } from '../../src/main/config.ts';
import { startSss } from '../../src/main/sss.ts';

/**
 * Debian's Chromium driven by playwright-core (no test tool downloads a browser here), against a
 * whole SSS on the embedded default listening on a free loopback port with the built UI.
 */
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const SCREENSHOTS = join(root, '.sss-run', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * `locale` (e.g. `ja-JP`): Chromium draws date inputs in its own language, not the page's, and on
 * Linux takes that language from the environment (LANG/LANGUAGE), not from the context's locale.
 */
export async function launchBrowser(locale?: string): Promise<Browser> {
  return chromium.launch({
    ...(locale ? { env: { ...process.env, LANG: `${locale.replace('-', '_')}.UTF-8`, LANGUAGE: locale.replace('-', '_') } } : {}),
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', ...(locale ? [`--lang=${locale}`] : [])],
  });
}

/** `projections` replaces the served SSS's projections (a test adds one that it can break and fix). */
export async function startServedSss(env: Record<string, string> = {}, options: { projections?: readonly Projection[] } = {}): Promise<RunningSss & { url: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-browser-'));
  const settings = readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0', SSS_UI_DIR: join(root, 'ui', 'dist'), ...env });
  const sss = await startSss(settings, options);
  const address = await sss.app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(sss, { url: address });
}

/** `name` may hold a folder (`audit-walk/01-history`) to keep one walk's pictures together. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function signIn(page: Page, baseUrl: string, email: string, password = 'demo-pass-2025'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-header').waitFor();
}

export interface BrowserContext {
  sss: RunningSss & { url: string };
  browser: Browser;
  page: Page;
}

/**
 * A uvu suite with a served SSS, Chromium and one Japanese page opened before and closed after;
 * `env` adds settings to the served SSS, `options` what `startServedSss` takes.
 */
export function browserSuite(name: string, viewport = { width: 1280, height: 900 }, env: Record<string, string> = {}, options: { projections?: readonly Projection[] } = {}): Test<BrowserContext> {
  const test = suite<BrowserContext>(name);
  test.before(async (context) => {
    context.sss = await startServedSss(env, options);
    context.browser = await launchBrowser();
    context.page = await context.browser.newPage({ locale: 'ja-JP', viewport });
    // A screen that throws shows as a timeout in the test; its error printed here says why.
    context.page.on('pageerror', (error) => console.error(`[${name}] page error: ${error.message}`));
  });
  test.after(async ({ sss, browser }) => {
    await browser?.close();
    await sss?.stop();
  });
  return test;
}
