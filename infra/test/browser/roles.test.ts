/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import type { Role } from '@sss/contracts/http/auth';
import { accessOf, mayCall } from '@sss/contracts/http/authorization';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';

/**
 * Each role sees only the actions the one authorization table lets it perform: on the company,
 * partner and project lists, a 案件's 月毎明細 and a new 受注, a button is offered exactly when the
 * server would accept the command, and a few facts are pinned outright so a table typo cannot hide.
 */
const test = browserSuite('browser: actions offered by role');

const PEOPLE: Readonly<Record<Exclude<Role, never>, string>> = {
  sales: DEMO.sales,
  sales_admin: DEMO.salesAdmin,
  division_head: DEMO.divisionHead,
  finance: DEMO.finance,
  auditor: DEMO.auditor,
  admin: DEMO.admin,
};

const allowed = (role: Role, method: string, route: string) => mayCall(accessOf(method, route)!, [role]);
const offered = async (page: Page, testId: string) => (await page.getByTestId(testId).count()) > 0;

test('every role is offered exactly the actions the table allows it', async ({ sss, browser }) => {
  const sales = as(sss, await login(sss, DEMO.sales));
  const projects = (await sales({ method: 'GET', url: '/api/projects?status=proposing&pageSize=50' })).json<{ items: { id: string }[] }>().items;
  let proposing: string | undefined;
  for (const p of projects) if ((await sales({ method: 'GET', url: `/api/orders/${p.id}` })).statusCode === 404) proposing ??= p.id;
  assert.ok(proposing, 'a demo 案件 in 提案中 without an order');

  const seen: Record<string, Record<string, boolean>> = {};
  for (const [role, email] of Object.entries(PEOPLE) as [Role, string][]) {
    const page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(page, sss.url, email);
    const row: Record<string, boolean> = {};
    const check = async (testId: string, method: string, route: string) => {
      row[testId] = await offered(page, testId);
      assert.is(row[testId], allowed(role, method, route), `${role}: ${testId} offered=${row[testId]} but the table says ${method} ${route} is ${allowed(role, method, route) ? 'allowed' : 'refused'}`);
    };

    await page.goto(`${sss.url}/companies`);
    await page.getByTestId('company-table').waitFor();
    await check('company-new', 'POST', '/api/companies');

    await page.goto(`${sss.url}/partners`);
    await page.getByTestId('partner-table').waitFor();
    await check('partner-new', 'POST', '/api/partners');

    await page.goto(`${sss.url}/projects`);
    await page.getByTestId('project-table').waitFor();
    await check('project-new', 'POST', '/api/projects');

    await page.goto(`${sss.url}/projects/${proposing}`);
    await page.getByTestId('tab-monthly-button').click();
    await page.getByTestId('tab-monthly').waitFor();
    await check('add-resource-employee', 'PUT', '/api/projects/:id/resources/:resourceNo/effort');

    await page.goto(`${sss.url}/projects/${proposing}/order`);
    await page.getByTestId('order-screen').waitFor();
    await check('order-save', 'POST', '/api/orders');
    await screenshot(page, `roles/${role}-order`);
    seen[role] = row;
    await page.close();
  }
  // pinned: the auditor and finance change nothing here; sales registers; division heads read
  assert.equal(seen.auditor, { 'company-new': false, 'partner-new': false, 'project-new': false, 'add-resource-employee': false, 'order-save': false });
  assert.equal(seen.finance, { 'company-new': false, 'partner-new': false, 'project-new': false, 'add-resource-employee': false, 'order-save': false });
  assert.equal(seen.division_head?.['order-save'], false);
  assert.equal(seen.sales, { 'company-new': true, 'partner-new': true, 'project-new': true, 'add-resource-employee': true, 'order-save': true });
});

test.run();
