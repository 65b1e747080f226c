/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/** An administrator in headless Chromium: the org tree as of dates, a staged reorganization, user administration. */
const test = browserSuite('browser: organization and users', { width: 1400, height: 1000 });

const unitNames = (page: Page) => page.getByTestId('org-unit-name').allTextContents();

test('the tree as of a date, with and without dissolved units', async ({ sss, page }) => {
  await signIn(page, sss.url, 'admin@example.co.jp');
  await page.getByTestId('nav-org').click();
  await page.getByTestId('org-tree').waitFor();
  assert.ok((await unitNames(page)).includes('DX推進室'));
  await page.getByTestId('org-as-of').fill('2025-03-31');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="org-unit-name"]')].some((e) => e.textContent === '技術戦略推進室'));
  assert.not.ok((await unitNames(page)).includes('BS第3グループ'));
  await page.getByTestId('org-as-of').fill('2025-04-01');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="org-unit-name"]')].some((e) => e.textContent === 'DX推進室'));
  assert.not.ok((await unitNames(page)).includes('第2営業部'));
  // The box follows the URL, so it flips a render after the click: wait for it (check() looks at once).
  await page.getByTestId('org-active-only').click();
  await page.waitForFunction(() => !(document.querySelector('[data-testid="org-active-only"]') as HTMLInputElement).checked);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="org-unit-name"]')].some((e) => e.textContent === '第2営業部'));
  await screenshot(page, 'org-tree-with-dissolved');
  await page.getByTestId('org-active-only').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="org-active-only"]') as HTMLInputElement).checked);
});

test('stage a new group, see a refusal beside its field, confirm at an effective date, find it as of that date', async ({ page }) => {
  await page.locator('[data-testid="org-unit"][data-code="BS00"] >> [data-testid="org-add-child"]').first().click();
  const dialog = page.getByTestId('dialog-org-change');
  await dialog.getByTestId('input-code').fill('BS01');
  await dialog.getByTestId('input-name').fill('BS第9グループ');
  await dialog.getByTestId('input-kana').fill('ビーエスダイキュウグループ');
  await dialog.getByTestId('dialog-submit').click();
  await page.getByTestId('error-code').waitFor();
  assert.match((await page.getByTestId('error-code').textContent()) ?? '', /BS01/);
  await dialog.getByTestId('input-code').fill('BS09');
  await dialog.getByTestId('dialog-submit').click();
  await page.getByTestId('org-draft-change').first().waitFor();
  assert.match((await page.getByTestId('org-draft-change').first().textContent()) ?? '', /BS第9グループ/);
  assert.not.ok((await unitNames(page)).includes('BS第9グループ'), 'staged, not yet applied');
  await screenshot(page, 'org-draft');

  await page.getByTestId('org-effective-date').fill('2030-04-01');
  await page.getByTestId('org-note').fill('BS第9グループ新設');
  await page.getByTestId('org-confirm').click();
  await page.getByTestId('org-draft-empty').waitFor();
  await page.getByTestId('org-as-of').fill('2030-04-01');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="org-unit-name"]')].some((e) => e.textContent === 'BS第9グループ'));
  await screenshot(page, 'org-after-reorganization');
});

test('user administration: move a person to another unit and deactivate another', async ({ page }) => {
  await page.getByTestId('nav-users').click();
  const sato = page.locator('[data-testid="user-row"][data-email="sato@example.co.jp"]');
  await sato.waitFor();
  assert.is(await sato.getByTestId('user-org-unit').textContent(), '第1営業部');
  await sato.getByTestId('user-org-edit').click();
  const dialog = page.getByTestId('dialog-user');
  await dialog.getByTestId('input-orgUnitId').selectOption({ label: 'ビジネスソリューション事業部 / BS第1グループ' });
  await dialog.getByTestId('dialog-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-email="sato@example.co.jp"] [data-testid="user-org-unit"]')?.textContent === 'BS第1グループ');

  const watanabe = page.locator('[data-testid="user-row"][data-email="watanabe@example.co.jp"]');
  await watanabe.getByTestId('user-deactivate').click();
  await page.getByTestId('dialog-user').getByTestId('dialog-submit').click();
  await page.waitForFunction(() => document.querySelector('[data-email="watanabe@example.co.jp"] [data-testid="user-status"]')?.textContent === '無効');
  await screenshot(page, 'user-admin');
});

test('changing one\'s own password: a wrong current password is named, then the change keeps this browser signed in', async ({ page }) => {
  await page.getByTestId('change-password').click();
  await page.getByTestId('input-currentPassword').fill('not-my-password-1');
  await page.getByTestId('input-newPassword').fill('fresh-secret-2026');
  await page.getByTestId('password-submit').click();
  await page.getByTestId('error-currentPassword').waitFor();
  await page.getByTestId('input-currentPassword').fill('demo-pass-2025');
  await page.getByTestId('password-submit').click();
  await page.getByTestId('password-changed').waitFor();
  await page.getByTestId('nav-org').click();
  await page.getByTestId('org-tree').waitFor();
});

test.run();
