/// <reference lib="dom" />
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import type { RunningSss } from '../../src/main/sss.ts';
import { launchBrowser, screenshot, signIn, startServedSss } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { newProject, projectStatus, userIdOf, waitFor } from '../support/ringi.ts';

/**
 * 見積稟議 in Chromium, on the embedded default with its built-in CollaboFlow simulator:
 * 営業 requests the 稟議 in SSS → 稟議一覧 shows it 承認待ち → the approvers approve on the
 * simulator's page (reached by the timeline's 「コラボフローで開く」) → SSS shows 決裁 and the
 * project 承認. No webhook reaches this SSS (it listens on a port chosen after start), so this
 * also shows polling doing the job.
 */
const test = suite<{ sss: RunningSss & { url: string }; browser: Browser; page: Page }>('browser: ringi');

test.before(async (context) => {
  context.sss = await startServedSss({ RINGI_POLL_SECONDS: '0.5' });
  context.browser = await launchBrowser();
  context.page = await context.browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
});
test.after(async ({ sss, browser }) => {
  await browser?.close();
  await sss?.stop();
});

async function approveOnSimulator(page: Page, link: string, login: string, comment: string): Promise<void> {
  await page.goto(`${link}?as=${login}`);
  await page.locator('textarea[name="comment"]').first().fill(comment);
  await page.locator('button[name="action"][value="accept"]').click();
  await page.waitForLoadState();
}

test('request an estimate ringi, approve it on the simulator page, see the project become 承認', async ({ sss, page }) => {
  const satoId = await userIdOf(sss, DEMO.sales);
  const projectId = await newProject(sss, satoId);
  // 申請 as 営業 through the project API (the same command the project screen's 稟議申請 button sends).
  const sato = await login(sss, DEMO.sales);
  const requested = await as(sss, sato)({ method: 'POST', url: `/api/projects/${projectId}/approvals`, payload: { kind: 'estimate', comment: 'ブラウザから申請' }, headers: { 'idempotency-key': `ringi-${projectId}` } });
  assert.ok(requested.statusCode === 200 || requested.statusCode === 201, requested.body);

  await signIn(page, sss.url, DEMO.sales);
  await page.getByTestId('nav-ringi').click();
  await page.getByTestId('ringi-view-mine').click();
  // The command answers with the ringi id (POST /api/projects/:id/approvals).
  const ringiId = (requested.json() as { id: string }).id;
  const row = page.locator(`[data-testid="ringi-row"][data-ringi-id="${ringiId}"]`);
  await row.waitFor();
  await row.click();
  await page.getByTestId('ringi-detail').waitFor();
  await page.locator('[data-testid="ringi-status"][data-status="in_flow"]').waitFor({ timeout: 15_000 });
  assert.match((await page.getByTestId('detail-waiting-for').textContent()) ?? '', /高橋 健一/);
  await screenshot(page, 'ringi-waiting');
  const ringiUrl = page.url();
  const link = await page.getByTestId('ringi-open-collaboflow').getAttribute('href');
  assert.ok(link, 'a link to the document in CollaboFlow');

  await approveOnSimulator(page, link!, 'takahashi', '承認します');
  await approveOnSimulator(page, link!, 'watanabe', '押印して送付します');
  await screenshot(page, 'ringi-simulator-decided');

  await page.goto(ringiUrl);
  await page.locator('[data-testid="ringi-status"][data-status="approved"]').waitFor({ timeout: 20_000 });
  await page.getByTestId('detail-effect').getByText('案件ステータスが「承認」になりました').waitFor({ timeout: 10_000 });
  const timeline = (await page.getByTestId('ringi-timeline').textContent()) ?? '';
  assert.match(timeline, /高橋 健一 が承認「承認します」/);
  assert.match(timeline, /渡辺 美咲 が承認「押印して送付します」/);
  assert.match((await page.getByTestId('detail-document-number').textContent()) ?? '', /^RINGI\d{4}-\d{6}$/);
  await screenshot(page, 'ringi-approved');
  assert.is(await waitFor('the project to be 承認', async () => ((await projectStatus(sss, projectId)) === 'estimate_approved' ? 'ok' : null)), 'ok');
});

test.run();
