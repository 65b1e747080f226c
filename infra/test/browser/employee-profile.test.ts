/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { newProject, projectRefs } from '../support/projects.ts';
import { pickByName } from '../support/pickers.ts';

/**
 * Issue #13 item 1, the 社員マスタ end to end in the browser: the admin sets a person's 社員番号, rank
 * and cost in ユーザー管理, a bad value is refused in the dialog with nothing appended, and picking that
 * person for a project row fills what the admin typed. The values (E2001 / S2 / 650,000) differ from the
 * demo's (E0311 / S1 / 700,000), so every wait below is only met when the edit went through and the fill
 * reads it.
 */
const test = browserSuite('browser: employee profile');
const TANAKA = 'tanaka@example.co.jp';

type HistoryEvent = { type: string; data: Record<string, unknown> };

test('the admin sets 田中\'s 社員情報, a bad value appends nothing, and the sales picker fills it', async ({ sss, page }) => {
  const admin = await login(sss, DEMO.admin);
  const users = (await as(sss, admin)({ method: 'GET', url: '/api/users' })).json<{ items: { id: string; email: string }[] }>().items;
  const tanakaId = users.find((u) => u.email === TANAKA)!.id;
  const profileEvents = async () => (await as(sss, admin)({ method: 'GET', url: `/api/users/${tanakaId}/history` })).json<{ events: HistoryEvent[] }>().events.filter((e) => e.type === 'EmployeeProfileSet');
  assert.is((await profileEvents()).length, 1, 'the demo seeded one profile');

  // The admin types the cost as a Japanese office does, with thousands separators.
  await signIn(page, sss.url, DEMO.admin);
  await page.goto(`${sss.url}/users`);
  const row = page.locator(`[data-testid="user-row"][data-email="${TANAKA}"]`);
  await row.getByTestId('user-employee-profile-edit').click();
  const dialog = page.getByTestId('dialog-user');
  assert.is(await dialog.getByTestId('input-employeeNo').inputValue(), 'E0311', 'the dialog opens with the current profile');
  await dialog.getByTestId('input-employeeNo').fill('E2001');
  await dialog.getByTestId('input-classRank').fill('S2');
  await dialog.getByTestId('input-monthlyCost').fill('650,000');
  await dialog.getByTestId('dialog-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await page.waitForFunction((email) => document.querySelector(`[data-testid="user-row"][data-email="${email}"] [data-testid="user-employee-profile"]`)?.textContent === 'E2001 / S2 / ¥650,000', TANAKA);
  const saved = await profileEvents();
  assert.is(saved.length, 2);
  assert.equal(saved.at(-1)!.data, { userId: tanakaId, employeeNo: 'E2001', classRank: 'S2', monthlyCost: 650_000 }, '「650,000」 is recorded as 650000 yen');

  // 「1,5」 is not read as 15 yen, and a 社員番号 with a space is refused: each message sits beside its field.
  await row.getByTestId('user-employee-profile-edit').click();
  await dialog.getByTestId('input-monthlyCost').fill('1,5');
  await dialog.getByTestId('dialog-submit').click();
  const costError = dialog.getByTestId('error-monthlyCost');
  await costError.waitFor();
  assert.match((await costError.textContent()) ?? '', /原価単価.*数値/, 'a Japanese message naming the cost');
  assert.is(await dialog.getByTestId('error-employeeNo').count(), 0, 'only the bad field is named');
  await screenshot(page, 'employee-profile-bad-cost');
  await dialog.getByTestId('input-monthlyCost').fill('650,000');
  await dialog.getByTestId('input-employeeNo').fill('E 2002');
  await dialog.getByTestId('dialog-submit').click();
  const numberError = dialog.getByTestId('error-employeeNo');
  await numberError.waitFor();
  assert.match((await numberError.textContent()) ?? '', /社員番号/, 'a Japanese message naming the number');
  assert.is(await dialog.getByTestId('error-monthlyCost').count(), 0, 'the fixed cost is no longer named');
  await dialog.getByTestId('dialog-cancel').click();
  await dialog.waitFor({ state: 'detached' });
  assert.is((await profileEvents()).length, 2, 'the refused values appended no EmployeeProfileSet');
  assert.is(await row.getByTestId('user-employee-profile').textContent(), 'E2001 / S2 / ¥650,000');

  // As sales, on a project's 月毎明細: pick 田中 by name and the row's 社員番号, rank and cost are the admin's.
  await page.context().clearCookies();
  const sales = await login(sss, DEMO.sales);
  const project = (await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject(await projectRefs(sss, sales), { name: '社員マスタから埋まる案件' }) })).json<{ id: string }>();
  await signIn(page, sss.url, DEMO.sales);
  await page.goto(`${sss.url}/projects/${project.id}`);
  await page.getByTestId('tab-monthly-button').click();
  await page.getByTestId('add-resource-employee').click();
  assert.is(await pickByName(page, 'employeeId', '田中', '田中 誠'), tanakaId);
  const adding = page.getByTestId('dialog-add-employee');
  await page.waitForFunction(() => (document.querySelector('[data-testid="input-employeeNo"]') as HTMLInputElement | null)?.value === 'E2001');
  assert.is(await adding.getByTestId('input-classRank').inputValue(), 'S2');
  assert.is(await adding.getByTestId('input-cost').inputValue(), '650000');
  assert.is(await adding.getByTestId('input-employeeNo').getAttribute('readonly'), '', '社員番号 from the master is not typed over');
  await screenshot(page, 'employee-profile-picked');
  await adding.getByTestId('input-quotedUnitPrice').fill('900,000');
  await adding.getByTestId('dialog-submit').click();
  await adding.waitFor({ state: 'detached' });
  const projectEvents = (await as(sss, sales)({ method: 'GET', url: `/api/projects/${project.id}/history` })).json<{ events: HistoryEvent[] }>().events;
  const added = projectEvents.find((e) => e.type === 'ResourceAdded');
  assert.ok(added, 'the row was added');
  const resource = added.data.resource as Record<string, unknown>;
  assert.equal([resource.employeeId, resource.employeeNo, resource.classRank, resource.cost], [tanakaId, 'E2001', 'S2', 650_000], 'the row carries the master values');
});

test.run();
