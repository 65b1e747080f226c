/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, SCREENSHOTS, screenshot, signIn } from '../support/browser.ts';
import { DEMO } from '../support/sss.ts';
import { pickByName } from '../support/pickers.ts';
import { pdfText } from '../support/pdf-text.ts';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { japaneseText, strayEnglish } from '../support/foreign-text.ts';
import { demoUserData } from '../support/demo-strings.ts';

/**
 * The newcomer walk (#13 item 10), all in the browser, in Japanese and in English: register a
 * customer → a 案件 with two employees and one partner picked by name → 見積 → 見積稟議 approved on
 * the CollaboFlow simulator's page → 受注 (稟議 approved there too) → 売上実績 → 売上確認稟議 →
 * 請求書 PDF with its 振込先 → 入金 → 受注一覧, 予実 and 売掛金 show it. Screenshots of every step
 * go to `.sss-run/screenshots/newcomer-<lang>/`.
 */
type Language = 'ja' | 'en';
const ISSUER = {
  SSS_ISSUER_BANK: 'みずほ銀行', SSS_ISSUER_BRANCH: '丸の内支店', SSS_ISSUER_ACCOUNT_TYPE: '当座', SSS_ISSUER_ACCOUNT_NUMBER: '0123456', SSS_ISSUER_ACCOUNT_HOLDER: 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ',
  RINGI_POLL_SECONDS: '0.5',
};
const MONTH = '2026-11';
async function switchTo(page: Page, language: Language) {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (!current.startsWith(language)) await page.getByTestId('language-switch').click();
  await page.waitForFunction((lang) => document.documentElement.lang.startsWith(lang), language);
}

/** The 稟議 in flight for the project, opened from SSS's 稟議 screen, approved by both approvers on the simulator's page. */
async function approveOnSimulator(page: Page, baseUrl: string, projectId: string, kind: string, step: (name: string) => Promise<void>) {
  const inFlight = () =>
    page.evaluate(async ([project, k]) => {
      const response = await fetch(`/api/ringis?projectId=${encodeURIComponent(project!)}&kind=${k}&status=in_flow`);
      return ((await response.json()) as { items: { id: string }[] }).items[0]?.id ?? null;
    }, [projectId, kind]);
  const id = await waitUntil(`a ${kind} 稟議 in flight`, inFlight, { timeoutMs: 20_000 });
  await page.goto(`${baseUrl}/ringi/${encodeURIComponent(id)}`);
  await page.getByTestId('ringi-open-collaboflow').waitFor({ timeout: 20_000 });
  const link = (await page.getByTestId('ringi-open-collaboflow').getAttribute('href'))!;
  // the simulator's seeded routes: 事業部長 then 営業管理部長; the 売上実績・請求チェック goes to the 営管室長 alone
  for (const approver of kind === 'sales_check' ? ['kobayashi'] : ['takahashi', 'watanabe']) {
    await page.goto(`${link}?as=${approver}`);
    await page.locator('textarea[name="comment"]').first().fill('承認します');
    await page.locator('button[name="action"][value="accept"]').click();
    await page.waitForLoadState();
  }
  await step(`${kind}-ringi-simulator`);
  await page.goto(`${baseUrl}/ringi/${encodeURIComponent(id)}`);
  await page.locator('[data-testid="ringi-status"][data-status="approved"]').waitFor({ timeout: 30_000 });
}

/**
 * What a screen shows outside user data that is not in the walk's language: Japanese on an English
 * screen, stray English on a Japanese one. The rule is the languages walk's (support/foreign-text.ts):
 * structural, by `data-user-data` marks and `lang`, never by tag, so a label inside a table cell (a
 * kind chip, a status) counts like any other. What the walk itself typed is taken out as text.
 */
async function foreignOutsideData(page: Page, language: Language, data: readonly string[]): Promise<string[]> {
  const found = await (language === 'en' ? japaneseText : strayEnglish)(page, data);
  return [...new Set(found.map((f) => `[${f.where}] ${f.text}`))];
}

function walk(language: Language) {
  const test = browserSuite(`browser: newcomer walk (${language})`, { width: 1280, height: 1000 }, ISSUER);
  test(`login → customer → project → estimate → 稟議 → order → sales → invoice PDF → payment → lists (${language})`, async ({ sss, page, browser }) => {
    let n = 0;
    const tag = language.toUpperCase();
    // what the walk typed, and the demo seed's people, units and master values: user data in either language
    const typed = [`新人商事${tag}株式会社`, `新人商事${tag}`, `シンジンショウジ${tag}`, `新人ウォーク${tag}`, `Shinjin ${tag}`, `NW${tag}`, `PO-${tag}-1`, 'SI', '検収基準', 'ITサービス', 'システム開発支援（11月分）', '承認します'];
    const data = [...typed, ...demoUserData()].sort((a, b) => b.length - a.length);
    const stray: Record<string, string[]> = {};
    const check = async (on: Page, name: string) => {
      // the simulator's pages are CollaboFlow's, not SSS's: Japanese there is not ours to translate
      if (name.endsWith('-simulator')) return;
      const lines = await foreignOutsideData(on, language, data);
      if (lines.length) stray[name] = lines;
    };
    const step = async (name: string) => {
      n += 1;
      await screenshot(page, `newcomer-${language}/${String(n).padStart(2, '0')}-${name}`);
      await check(page, name);
    };
    const status = (id: string, value: string) => page.waitForFunction(([t, v]) => document.querySelector(`[data-testid="${t}"]`)?.getAttribute('data-status') === v, [id, value], { timeout: 30_000 });

    await signIn(page, sss.url, DEMO.sales);
    await switchTo(page, language);
    await step('home');

    // a customer
    await page.getByTestId('nav-companies').click();
    await page.getByTestId('company-new').click();
    await page.getByTestId('input-code').fill(`NW${tag}`);
    await page.getByTestId('input-name').fill(`新人商事${tag}`);
    await page.getByTestId('input-kana').fill(`シンジンショウジ${tag}`);
    await page.getByTestId('input-formalName').fill(`新人商事${tag}株式会社`);
    await page.getByTestId('input-shortName').fill(`Shinjin ${tag}`);
    await page.getByTestId('input-isCustomer').check();
    await step('company-form');
    await page.getByTestId('save-button').click();
    await page.getByTestId('company-detail').waitFor();
    await step('company-detail');

    // a project: customer, 主管部 and leader picked by name (the customer by half-width kana)
    await page.getByTestId('nav-projects').click();
    await page.getByTestId('project-new').click();
    await page.getByTestId('project-form').waitFor();
    await page.getByTestId('input-name').fill(`新人ウォーク${tag}`);
    await pickByName(page, 'customerCompanyId', `ｼﾝｼﾞﾝｼｮｳｼﾞ${tag}`, `新人商事${tag}`);
    await pickByName(page, 'supervisingOrgUnitId', 'だいいちえいぎょう', '第1営業部');
    await page.getByTestId('input-salesInfo.serviceType').fill('SI');
    await page.getByTestId('input-salesInfo.revenueRecognition').fill('検収基準');
    await page.getByTestId('input-businessSegment.first').fill('ITサービス');
    await page.getByTestId('input-startDate').fill('2026-11-01');
    await page.getByTestId('input-endDate').fill('2026-11-30');
    await step('project-form');
    await page.getByTestId('save-button').click();
    await page.getByTestId('tab-monthly').waitFor();
    const projectId = (await page.getByTestId('project-detail').getAttribute('data-project-id'))!;

    // two employees and one partner, each picked by name; nobody types an id. 社員番号, rank and cost come
    // from the 社員マスタ (the demo's profiles); the number is not typed over, the cost is this row's to change
    const rows: [string, string, string, string, string][] = [['佐藤', '佐藤 健一', 'E1024', 'M2', '850000'], ['suzuki', '鈴木 美咲', 'E0457', 'S2', '650000']];
    for (const [typed, shown, no, rank, cost] of rows) {
      await page.getByTestId('add-resource-employee').click();
      await pickByName(page, 'employeeId', typed, shown);
      const filled = await page.evaluate(() => ['employeeNo', 'classRank', 'cost'].map((f) => (document.querySelector(`[data-testid="input-${f}"]`) as HTMLInputElement).value));
      assert.equal(filled, [no, rank, cost], `${shown}: filled from the employee master`);
      assert.is(await page.getByTestId('input-employeeNo').getAttribute('readonly'), '', '社員番号 from the master is not typed over');
      await page.getByTestId('input-cost').fill('600,000');
      await page.getByTestId('input-quotedUnitPrice').fill('800,000');
      if (typed === 'suzuki') await step('add-employee');
      await page.getByTestId('dialog-submit').click();
      await page.getByTestId('dialog-add-employee').waitFor({ state: 'detached' });
    }
    await page.getByTestId('add-resource-partner').click();
    await pickByName(page, 'partnerId', 'ｲﾄｳ', '伊藤 大輝');
    await page.waitForFunction(() => (document.querySelector('[data-testid="input-partnerCompanyId"]') as HTMLSelectElement | null)?.value !== '');
    await page.getByTestId('input-cost').fill('500000');
    await page.getByTestId('input-quotedUnitPrice').fill('700000');
    await step('add-partner');
    await page.getByTestId('dialog-submit').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid-row"]').length === 3);
    const resources = await page.getByTestId('grid-row').evaluateAll((r) => r.map((row) => row.getAttribute('data-resource-no')!));
    for (const no of resources) await page.getByTestId(`cell-${no}-${MONTH}`).fill('1');
    await page.getByTestId('grid-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="effort-grid"]')?.getAttribute('data-dirty') === 'false');
    assert.is(await page.getByTestId('total-revenue-all').textContent(), '¥2,300,000');
    await step('project-grid');

    // 見積 and its 稟議, approved on the simulator page
    await page.getByTestId('action-estimate').click();
    await page.getByTestId('estimate-editor').waitFor();
    await page.getByTestId('estimate-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="estimate-editor"]')?.getAttribute('data-status') === 'draft');
    await step('estimate');
    await page.getByTestId('back-to-project').click();
    await page.getByTestId('request-approval-estimate').click();
    await page.getByTestId('dialog-submit').click();
    await status('project-status', 'estimate_in_ringi');
    await approveOnSimulator(page, sss.url, projectId, 'estimate', step);
    await step('estimate-ringi-approved');
    await page.goto(`${sss.url}/projects/${projectId}`);
    await status('project-status', 'estimate_approved');

    // 受注 and its 稟議
    await page.getByTestId('action-order').click();
    await page.getByTestId('order-screen').waitFor();
    await page.getByTestId('input-customerPoNumber').fill(`PO-${tag}-1`);
    await page.getByTestId('order-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="order-screen"]')?.getAttribute('data-order-status') === 'registered');
    await step('order');
    await page.getByTestId('request-approval-order').click();
    await page.getByTestId('dialog-submit').click();
    await status('project-status', 'order_in_ringi');
    await approveOnSimulator(page, sss.url, projectId, 'order', step);
    await page.goto(`${sss.url}/projects/${projectId}/order`);
    await page.waitForFunction(() => document.querySelector('[data-testid="order-screen"]')?.getAttribute('data-order-status') === 'confirmed', undefined, { timeout: 30_000 });
    await step('order-confirmed');

    // 営業管理 books the month, files the 売上確認稟議, issues the invoice and records a payment
    const admin = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
    const adminStep = async (name: string) => {
      n += 1;
      await screenshot(admin, `newcomer-${language}/${String(n).padStart(2, '0')}-${name}`);
      await check(admin, name);
    };
    await signIn(admin, sss.url, DEMO.salesAdmin);
    await switchTo(admin, language);
    await admin.goto(`${sss.url}/monthly-sales/${projectId}/${MONTH}`);
    await admin.getByTestId('sales-entry').waitFor();
    await admin.getByTestId('sales-labourSales').fill('2300000');
    await admin.getByTestId('sales-recipientName').fill(`新人商事${tag}株式会社`);
    await admin.getByTestId('sales-add-line').click();
    await admin.getByTestId('line-description').fill('システム開発支援（11月分）');
    await adminStep('sales-actual');
    await admin.getByTestId('sales-save').click();
    await admin.getByTestId('sales-notice').waitFor();
    await admin.getByTestId('sales-request-check').click();
    await admin.getByTestId('confirm-sales-check-confirm').click();
    await admin.getByTestId('sales-checking').waitFor();
    await approveOnSimulator(admin, sss.url, projectId, 'sales_check', adminStep);
    await admin.goto(`${sss.url}/monthly-sales/${projectId}/${MONTH}`);
    await admin.getByTestId('invoice-preview').waitFor({ timeout: 30_000 });
    assert.is(await admin.getByTestId('invoice-preview-gross').textContent(), '¥2,530,000');
    await admin.getByTestId('sales-issue').click();
    await admin.getByTestId('confirm-invoice-issue-confirm').click();
    await admin.getByTestId('sales-invoiced').waitFor();
    const invoiceNumber = (await admin.getByTestId('sales-invoice-number').textContent()) ?? '';
    await adminStep('invoice-issued');
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('sales-invoice-pdf').click()]);
    const pdf = await pdfText(readFileSync((await download.path())!));
    for (const item of ['お振込先', 'みずほ銀行 丸の内支店 当座 0123456', 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ', invoiceNumber, '2,530,000円']) assert.ok(pdf.includes(item), `the 請求書 PDF states ${item}`);

    await admin.getByTestId('payment-amount').fill('530000');
    await admin.getByTestId('payment-date').fill('2026-12-01');
    await admin.getByTestId('payment-submit').click();
    await admin.getByTestId('confirm-payment-confirm').click();
    await admin.waitForFunction(() => document.querySelector('[data-testid="sales-outstanding"]')?.textContent === '¥2,000,000');
    await adminStep('payment');

    // the lists show it: 受注一覧, 予実, 売掛金
    await admin.getByTestId('nav-orders').click();
    await admin.locator(`[data-testid="order-row"][data-project-id="${projectId}"]`).waitFor();
    await adminStep('order-list');
    await admin.getByTestId('nav-monthly-sales').click();
    await admin.locator(`[data-testid="monthly-sales-row"][data-project-id="${projectId}"]`).waitFor();
    await adminStep('plan-actual');
    await admin.getByTestId('nav-invoices').click();
    await admin.getByTestId('receivables-link').click();
    await admin.getByTestId('receivables-table').waitFor();
    await admin.waitForFunction((number) => (document.querySelector('[data-testid="receivables-table"]')?.textContent ?? '').includes(number), invoiceNumber);
    await adminStep('receivables');
    await admin.close();
    writeFileSync(join(SCREENSHOTS, `newcomer-${language}`, 'foreign-outside-data.json'), JSON.stringify(stray, null, 2));
    // every screen of the walk in its language outside user data: no Japanese in English, no stray English in Japanese
    assert.equal(stray, {}, language === 'en' ? 'Japanese outside user data' : 'stray English outside user data');
  });
  return test;
}

walk('ja').run();
walk('en').run();
