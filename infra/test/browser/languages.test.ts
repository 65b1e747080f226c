/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';
import { launchBrowser, SCREENSHOTS, signIn, startServedSss } from '../support/browser.ts';
import { japaneseText, strayEnglish, type Finding } from '../support/foreign-text.ts';
import { demoUserData } from '../support/demo-strings.ts';
import { DEMO } from '../support/sss.ts';
import { uiRoutePaths } from '../support/ui-routes.ts';
import { sampleUrl, uiSamples } from '../support/ui-samples.ts';

/**
 * Every screen of the router, as the administrator (who is admitted to every screen) over the demo
 * data, once in English and once in Japanese: English screens show no Japanese and Japanese screens
 * no stray English, outside user data (see support/foreign-text.ts for the rule). Each language runs
 * in a Chromium started in that language, so date inputs are drawn the way a person of that
 * language sees them, and the page's <html lang> follows the UI language.
 */
type Language = 'ja' | 'en';
const LOCALE: Record<Language, string> = { ja: 'ja-JP', en: 'en-US' };
/** The parts of a date input in the order Chromium draws them, as its accessibility tree names them. */
const DATE_ORDER: Record<Language, readonly string[]> = { ja: ['年', '月', '日'], en: ['Month', 'Day', 'Year'] };
const KEY_SCREENS = ['/', '/projects', '/projects/:id', '/projects/:id/estimate', '/invoices', '/monthly-sales/:projectId/:month', '/companies/:id'];
const OUT = join(SCREENSHOTS, 'languages');

const test = suite<{ sss: RunningSss & { url: string } }>('browser: both languages on every screen');

test.before(async (context) => {
  context.sss = await startServedSss();
});
test.after(async ({ sss }) => {
  await sss?.stop();
});

const api = <T,>(page: Page, url: string) => page.evaluate((u) => fetch(u).then((r) => r.json()), url) as Promise<T>;

/** Network quiet and no loading placeholder left: the screen shows what it will show. */
async function settled(page: Page, route: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await waitUntil(`${route} to finish loading`, () => page.evaluate(() => !/読み込み中|Loading…/.test(document.body.innerText)), { timeoutMs: 15_000 });
}

/** What Chromium draws inside one <input type=date>: its editable parts, in order. */
async function dateParts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })) as { nodeId: number };
    assert.ok(nodeId, `${selector} is on the page`);
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false })) as { nodes: { role?: { value: string }; name?: { value: string } }[] };
    const { nodes: all } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { nodeId: string; parentId?: string; role?: { value: string }; name?: { value: string } }[] };
    const input = nodes[0] as unknown as { nodeId: string };
    const under = new Set([input.nodeId]);
    for (const node of all) if (node.parentId && under.has(node.parentId)) under.add(node.nodeId);
    return all.filter((node) => under.has(node.nodeId) && node.role?.value === 'spinbutton').map((node) => (node.name?.value ?? '').split(' ')[0]!);
  } finally {
    await cdp.detach();
  }
}

async function walk(browser: Browser, sss: RunningSss & { url: string }, language: Language): Promise<Map<string, Finding[]>> {
  const context = await browser.newContext({ locale: LOCALE[language], viewport: { width: 1400, height: 900 } });
  await context.addInitScript((lang) => localStorage.setItem('sss.language', lang), language);
  const page = await context.newPage();
  const inspect = language === 'en' ? japaneseText : strayEnglish;
  const findings = new Map<string, Finding[]>();
  const userData = demoUserData();
  const look = async (route: string) => {
    await settled(page, route);
    assert.is(await page.evaluate(() => document.documentElement.lang), language, `<html lang> on ${route}`);
    assert.is(await page.evaluate(() => navigator.language), LOCALE[language], `the browser's language on ${route}`);
    const found = await inspect(page, userData);
    if (found.length > 0) findings.set(route, found);
    if (KEY_SCREENS.includes(route) || route === '/login') await page.screenshot({ path: join(OUT, `${language}-${route === '/' ? 'home' : route.slice(1).replace(/[/:*]+/g, '-')}.png`), fullPage: true });
  };

  const routes = uiRoutePaths();
  await page.goto(`${sss.url}/login`);
  await look('/login');
  await signIn(page, sss.url, DEMO.admin);
  const concrete = await uiSamples(<T,>(url: string) => api<T>(page, url));
  for (const route of routes.filter((r) => r !== '/login')) {
    await page.goto(`${sss.url}${sampleUrl(route, concrete)}`);
    await look(route);
    if (route === '/projects/new') {
      const parts = await dateParts(page, '[data-testid="input-startDate"]');
      assert.equal(parts, DATE_ORDER[language], `date input drawn as ${parts.join('/')} in ${language}`);
    }
  }
  await context.close();
  return findings;
}

function report(findings: Map<string, Finding[]>): string {
  const lines = [...findings].flatMap(([route, found]) => found.map((f) => `  ${route}  [${f.where}]  ${f.text}`));
  return `${lines.length} lines on ${findings.size} screens:\n${lines.join('\n')}`;
}

for (const language of ['en', 'ja'] as const) {
  test(`${language === 'en' ? 'English: no Japanese' : 'Japanese: no stray English'} outside user data, on every screen`, async ({ sss }) => {
    mkdirSync(OUT, { recursive: true });
    const browser = await launchBrowser(LOCALE[language]);
    try {
      const findings = await walk(browser, sss, language);
      assert.is(findings.size, 0, report(findings));
    } finally {
      await browser.close();
    }
  });
}

test.run();
