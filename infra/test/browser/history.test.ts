/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { employeeRow, newProject, projectRefs } from '../support/projects.ts';
import { approveAsProcessManager } from '../support/history.ts';

/**
 * Issue #12 as an auditor would try it: open a project and read its whole history in words — who
 * (稟議連携 for what the 稟議 decided), what changed from what to what, the 稟議 behind it, and
 * whether each event is verified.
 */
const test = browserSuite('browser: history');

test('the auditor opens a project and reads its history in words, with 稟議連携 as an actor', async ({ sss, page }) => {
  const sales = await login(sss, DEMO.sales);
  const refs = await projectRefs(sss, sales);
  const call = as(sss, sales);
  const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '監査で見る案件' }) })).json<{ id: string }>();
  assert.ok((await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs) })).statusCode < 300);
  const ringi = await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします' }, headers: { 'idempotency-key': `history-browser-${project.id}` } });
  assert.ok(ringi.statusCode < 300, ringi.body);
  const ringiId = ringi.json<{ id: string }>().id;
  await approveAsProcessManager(sss, ringiId, 'RINGI-B-1');

  await signIn(page, sss.url, DEMO.auditor);
  await page.goto(`${sss.url}/projects/${project.id}`);
  await page.getByTestId('history-panel').waitFor();
  const rows = page.getByTestId('history-row');
  await rows.first().waitFor();
  // Newest first: the 稟議's approval is above the registration.
  const types = await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-event-type')));
  assert.ok(types.indexOf('ProjectApprovalGranted') < types.indexOf('ProjectRegistered'), types.join(', '));

  const granted = page.locator('[data-testid="history-row"][data-event-type="ProjectApprovalGranted"]');
  assert.is((await granted.getByTestId('history-actor').textContent())?.trim(), '稟議連携');
  assert.match((await granted.getByTestId('history-event').textContent()) ?? '', /稟議承認/);
  assert.match((await granted.getByTestId('history-ringi-link').getAttribute('href')) ?? '', new RegExp(`/ringi/${ringiId}$`));
  const registered = page.locator('[data-testid="history-row"][data-event-type="ProjectRegistered"]');
  assert.match((await registered.getByTestId('history-actor').textContent()) ?? '', /佐藤 健一/);
  assert.match((await registered.getByTestId('history-summary').textContent()) ?? '', /案件登録：.*を .+ に設定/);
  assert.is(await registered.getByTestId('history-verification').getAttribute('data-state'), 'unanchored');

  // The status table names the 稟議 process in words too, never `system:ringi`.
  assert.is((await page.locator('[data-testid="status-history-row"][data-to="estimate_approved"] td').last().textContent())?.trim(), '稟議連携');

  // The 月毎明細 row as added, field by field.
  const added = page.locator('[data-testid="history-row"][data-event-type="ResourceAdded"]');
  await added.getByTestId('history-expand').click();
  const diff = page.getByTestId('history-diff').first();
  await diff.waitFor();
  assert.match((await diff.textContent()) ?? '', /明細 #1 工数/);

  // Filter by event type: only the approval is left.
  await page.getByTestId('history-filter').selectOption('ProjectApprovalGranted');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="history-row"]')].every((r) => r.getAttribute('data-event-type') === 'ProjectApprovalGranted'));
  assert.is(await rows.count(), 1);
  await screenshot(page, 'history-project-auditor');

  // English: the same history, worded by the server in English.
  await page.getByTestId('history-filter').selectOption('');
  await page.getByTestId('language-switch').click();
  await page.locator('[data-testid="history-row"][data-event-type="ProjectApprovalGranted"] [data-testid="history-actor"]', { hasText: 'CollaboFlow integration' }).waitFor();
  // A status in words in both languages, never its code.
  const status = page.locator('[data-testid="history-row"][data-event-type="ProjectStatusChanged"]').last();
  assert.match((await status.getByTestId('history-summary').textContent()) ?? '', /Status changed from Proposing to Estimate in approval/);
  await page.getByTestId('language-switch').click();
  assert.match((await status.getByTestId('history-summary').textContent()) ?? '', /ステータスを 提案検討中 → 見積稟議中 に変更/);
});

test('the auditor opens a user\'s history from the user list, and is offered no command there', async ({ sss, page }) => {
  await page.context().clearCookies();
  await signIn(page, sss.url, DEMO.auditor);
  await page.goto(`${sss.url}/users`);
  const row = page.locator('[data-testid="user-row"][data-email="sato@example.co.jp"]');
  // The 履歴 button needs the session, as every command button would: once it is there, the rest is decided.
  await row.getByTestId('user-history').waitFor();
  for (const action of ['user-new', 'user-roles-edit', 'user-org-edit', 'user-password-reset', 'user-deactivate']) assert.is(await page.getByTestId(action).count(), 0, `the auditor is not offered ${action}`);
  await row.getByTestId('user-history').click();
  await page.getByTestId('user-history-dialog').getByTestId('history-table').waitFor();
  const registered = page.locator('[data-testid="user-history-dialog"] [data-testid="history-row"][data-event-type="UserRegistered"]');
  await registered.getByTestId('history-expand').click();
  assert.match((await page.getByTestId('history-diff').textContent()) ?? '', /ロール/);
  assert.not.match((await page.getByTestId('history-diff').textContent()) ?? '', /\bsales\b/, 'roles in words');
});

test.run();
