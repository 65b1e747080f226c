/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import type { Page } from 'playwright-core';
import { ROLE_LABELS, type Role } from '@sss/contracts/http/auth';
import { accessOf, mayCall } from '@sss/contracts/http/authorization';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { uiRoutePaths } from '../support/ui-routes.ts';
import { sampleUrl, uiSamples } from '../support/ui-samples.ts';

/**
 * Each role sees only the actions the one authorization table lets it perform. The first test walks
 * every route of the UI's router for every role: a control marked with the command it performs
 * (`data-requires`, ui/src/auth/permission.ts) is offered only to a role the table admits, a screen
 * that exists for one command tells a refused role who may perform it, and no form that changes
 * anything goes unmarked. The second pins, on the company, partner and project lists, a 案件's
 * 月毎明細 and a new 受注, that a button is offered exactly when the server would accept the command,
 * so a table typo cannot hide.
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

interface Seen {
  /** `METHOD /route` of every visible marked control. */
  offered: string[];
  /** Screens that exist for one command, refused: the command and the notice's text. */
  refused: { requires: string; text: string }[];
  /** Visible forms neither marked nor inside a mark nor holding one, nor a search (role=search). */
  unmarkedForms: string[];
}

/** Runs in the page; kept as source text (tsx's helper names do not exist in the page). */
const SEEN = `(() => {
  const visible = (e) => e.checkVisibility({ visibilityProperty: true });
  const offered = [...document.querySelectorAll('[data-requires]')]
    .filter((e) => e.style.display === 'contents' ? [...e.children].some(visible) : visible(e))
    .map((e) => e.getAttribute('data-requires'));
  const refused = [...document.querySelectorAll('[data-requires-refused]')].filter(visible)
    .map((e) => ({ requires: e.getAttribute('data-requires-refused'), text: e.textContent || '' }));
  const unmarkedForms = [...document.querySelectorAll('form')].filter(visible)
    .filter((f) => f.getAttribute('role') !== 'search' && !f.closest('[data-requires]') && !f.querySelector('[data-requires]'))
    .map((f) => f.getAttribute('data-testid') || f.className || '<form>');
  return { offered: [...new Set(offered)], refused, unmarkedForms };
})()`;

const split = (requires: string) => requires.split(' ') as [string, string];

test('every screen, every role: a control is offered only to roles the table admits, and a refused screen says who may', async ({ sss, browser }) => {
  const admin = as(sss, await login(sss, DEMO.admin));
  const samples = await uiSamples(async (url) => (await admin({ method: 'GET', url })).json());
  const routes = uiRoutePaths().filter((r) => r !== '/login');
  const failures: string[] = [];
  const offeredTo: Partial<Record<Role, Set<string>>> = {};
  // the roles walk side by side (one page each): most of a screen's time is waiting for the network to go quiet
  const walkAs = async (role: Role, email: string) => {
    const page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
    await signIn(page, sss.url, email);
    offeredTo[role] = new Set();
    for (const route of routes) {
      await page.goto(`${sss.url}${sampleUrl(route, samples)}`);
      await page.waitForLoadState('networkidle');
      await waitUntil(`${route} to finish loading for ${role}`, () => page.evaluate(() => !/読み込み中/.test(document.body.innerText)), { timeoutMs: 15_000 });
      const seen = (await page.evaluate(SEEN)) as Seen;
      for (const requires of seen.offered) {
        offeredTo[role]!.add(requires);
        const access = accessOf(...split(requires));
        if (access === undefined) failures.push(`${role} ${route}: a control is marked ${requires}, which the table does not know`);
        else if (!mayCall(access, [role])) failures.push(`${role} ${route}: offered ${requires}, which the table refuses ${role}`);
      }
      for (const { requires, text } of seen.refused) {
        const access = accessOf(...split(requires));
        if (access && mayCall(access, [role])) failures.push(`${role} ${route}: says ${requires} is refused, but the table admits ${role}`);
        const who: readonly Role[] = access === undefined || typeof access === 'string' ? [] : access;
        if (who.length === 0 || who.some((r) => !text.includes(ROLE_LABELS[r]))) failures.push(`${role} ${route}: the notice for ${requires} does not name who may (${text})`);
      }
      for (const form of seen.unmarkedForms) failures.push(`${role} ${route}: a form (${form}) changes something without saying which command (data-requires) or is a search without role=search`);
    }
    await page.close();
  };
  await Promise.all((Object.entries(PEOPLE) as [Role, string][]).map(([role, email]) => walkAs(role, email)));
  assert.equal(failures, [], `\n${failures.join('\n')}`);
  // the walk saw the commands at all: each role who may register a company was offered it, the auditor only its verification
  assert.ok(offeredTo.sales?.has('POST /api/companies') && offeredTo.sales.has('POST /api/projects'), 'sales is offered company and project registration');
  assert.ok(offeredTo.finance?.has('POST /api/accounting-periods/:month/close'), 'finance is offered the month close');
  assert.ok(offeredTo.admin?.has('POST /api/users') && offeredTo.admin.has('POST /api/admin/rebuilds'), 'the admin is offered user and rebuild commands');
  // (its own password is everyone's: an `authenticated` route)
  const auditorCommands = [...offeredTo.auditor!].filter((r) => !r.startsWith('GET ') && accessOf(...split(r)) !== 'authenticated');
  assert.equal(auditorCommands, ['POST /api/audit/verifications'], 'the auditor changes nothing but may start a verification');
});

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
