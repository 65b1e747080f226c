/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { formatDateJapanese } from '@sss/contracts/domain/dates';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { History } from '@sss/contracts/common';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';
import { as, DEMO, login } from '../support/sss.ts';
import { employeeRow, estimateContent, newProject, projectRefs } from '../support/projects.ts';
import { approveAsProcessManager } from '../support/history.ts';
import { salesActual } from '../support/sales.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * Issue #12 "Done when", walked in one go by a user who holds only the auditor role: open a project,
 * read its whole history in words, view it as it was before its order, find its first invoice by
 * 取引年月日 + 金額 + 取引先 and re-print it as issued (not as corrected), and run a verification —
 * offered no write action on the way.
 */
const test = browserSuite('browser: the auditor\'s walk');

let seq = 0;
const key = () => ({ 'idempotency-key': `audit-walk-${Date.now()}-${seq++}` });
const shot = (page: Parameters<typeof screenshot>[0], name: string) => screenshot(page, `audit-walk/${name}`);

const MONTH = '2025-04';
const invoiceOf = (unitPrice: number, invoiceDate: string) => ({
  ...salesActual().invoice,
  recipientName: '監査ウォーク商事株式会社',
  subject: '4月分 要件定義支援',
  invoiceDate,
  dueDate: '2025-05-31',
  periodStart: '2025-04-01',
  periodEnd: '2025-04-30',
  lines: [{ description: '要件定義支援（4月分）', quantity: '1', unit: '式', unitPrice, taxIncluded: false, taxRate: 10 as const }],
});

/** A project taken to 受注確定 by its 稟議, its April invoiced, then corrected to another amount and date. */
async function projectWithCorrectedInvoice(sss: Parameters<typeof login>[0]) {
  const sales = await login(sss, DEMO.sales);
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const admin = await login(sss, DEMO.admin);
  const refs = await projectRefs(sss, sales);
  const call = as(sss, sales);
  const ok = async (what: string, response: Promise<{ statusCode: number; body: string; json: <T>() => T }>) => {
    const answer = await response;
    assert.ok(answer.statusCode < 300, `${what}: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ id: string; position: string }>();
  };
  const project = await ok('project', call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: '監査ウォーク案件' }), headers: key() }));
  await ok('row', call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs), headers: key() }));
  await ok('estimate', call({ method: 'POST', url: '/api/estimates', payload: { projectId: project.id, content: estimateContent() }, headers: key() }));
  const estimateRingi = await ok('estimate 稟議', call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積稟議をお願いします' }, headers: key() }));
  await approveAsProcessManager(sss, estimateRingi.id, 'RINGI-W-1');
  const terms = { customerPoNumber: 'PO-WALK-1', orderDate: '2025-03-25', orderAmount: 2_160_000, labourAmount: 2_160_000, periodStart: '2025-04-01', periodEnd: '2025-06-30' };
  await waitUntil('the estimate approval to reach the project', async () => {
    const answer = await call({ method: 'POST', url: '/api/orders', payload: { projectId: project.id, terms }, headers: key() });
    return answer.statusCode < 300 ? true : null;
  });
  const orderRingi = await ok('order 稟議', call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'order' }, headers: key() }));
  await approveAsProcessManager(sss, orderRingi.id, 'RINGI-W-2');
  const base = `/api/monthly-sales/${project.id}/${MONTH}`;
  await waitUntil('the confirmed order to plan April', async () => ((await sss.events.readStream(`monthlysales-${project.id}_${MONTH}`)).length > 0 ? true : null));

  const first = invoiceOf(1_000_000, '2025-04-30');
  const steps: [typeof sales, 'PUT' | 'POST', string, Record<string, unknown> | undefined][] = [
    [salesAdmin, 'PUT', `${base}/actual`, salesActual({ labourSales: 1_000_000, settlement: { amount: 0, reason: '' }, expenses: [], invoice: first })],
    [salesAdmin, 'POST', `${base}/sales-check`, undefined],
    [admin, 'POST', `${base}/sales-check/outcome`, { outcome: 'approved', ringiId: 'R-WALK-1' }],
    [salesAdmin, 'POST', `${base}/invoice`, { issuedOn: '2025-04-30' }],
    [salesAdmin, 'POST', `${base}/invoice/correction/sales-check`, { invoice: invoiceOf(1_200_000, '2025-05-15') }],
    [admin, 'POST', `${base}/sales-check/outcome`, { outcome: 'approved', ringiId: 'R-WALK-2' }],
    [salesAdmin, 'POST', `${base}/invoice/correction`, { reason: '金額訂正', invoice: invoiceOf(1_200_000, '2025-05-15') }],
  ];
  let position = '0';
  for (const [session, method, url, payload] of steps) position = (await ok(`${method} ${url}`, as(sss, session)({ method, url, ...(payload === undefined ? {} : { payload }), headers: key() }))).position;
  await as(sss, admin)({ method: 'GET', url: base, headers: { 'x-sss-min-position': position } });
  return { projectId: project.id, refs, ringis: [estimateRingi.id, orderRingi.id] };
}

test('an auditor opens a project, reads its history in words, views it before its order, re-prints its first invoice as issued, finds it, and verifies the store', async ({ sss, page }) => {
  const { projectId, refs, ringis } = await projectWithCorrectedInvoice(sss);
  const auditor = await login(sss, DEMO.auditor);
  const me = (await as(sss, auditor)({ method: 'GET', url: '/api/auth/me' })).json<{ roles: string[] }>();
  assert.equal(me.roles, ['auditor'], 'the walk is done with the auditor role only');
  const customer = (await as(sss, auditor)({ method: 'GET', url: `/api/companies/${refs.customerId}` })).json<{ name: string }>().name;
  const history = (await as(sss, auditor)({ method: 'GET', url: `/api/projects/${projectId}/history` })).json<History>();

  // 1. The project, and its whole history in words.
  await signIn(page, sss.url, DEMO.auditor);
  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-search').fill('監査ウォーク案件');
  const listed = page.locator(`[data-testid="project-row"][data-project-id="${projectId}"] [data-testid="project-link"]`);
  await listed.waitFor();
  await listed.click();
  await page.getByTestId('project-detail').waitFor();
  assert.is(await page.getByTestId('project-detail').getAttribute('data-status'), 'ordered');
  const rows = page.getByTestId('history-row');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="history-row"]').length === n, history.events.length);
  const table = (await page.getByTestId('history-table').innerText()) ?? '';
  for (const raw of [projectId, refs.customerId, refs.orgUnitId, refs.leaderId, ...ringis, 'system:']) assert.not.ok(table.includes(raw), `the history shows no raw "${raw}"`);
  const words = await rows.evaluateAll((all) => all.map((r) => [r.getAttribute('data-event-type') ?? '', r.querySelector('[data-testid="history-event"]')?.textContent ?? '', r.querySelector('[data-testid="history-actor"]')?.textContent ?? ''] as const));
  for (const [type, label, actor] of words) {
    assert.ok(label !== '' && label !== type && !/^[A-Z][A-Za-z]+$/.test(label), `${type} is in words: "${label}"`);
    assert.ok(actor !== '' && !actor.startsWith('system:'), `${type} by a named actor: "${actor}"`);
  }
  assert.ok(words.some(([type, , actor]) => type === 'ProjectApprovalGranted' && actor === '稟議連携'));
  // The customer by name, linked; its id only on hover.
  const registered = page.locator('[data-testid="history-row"][data-event-type="ProjectRegistered"]');
  await registered.getByTestId('history-expand').click();
  const customerRef = page.locator('[data-testid="history-diff-row"][data-field="basics.customerCompanyId"] [data-testid="history-ref"]');
  assert.is((await customerRef.textContent())?.trim(), customer);
  assert.is(await customerRef.getAttribute('href'), `/companies/${refs.customerId}`);
  assert.is(await customerRef.getAttribute('title'), refs.customerId);
  assert.ok(!(await page.getByTestId('history-diff').innerText()).includes(refs.customerId), 'the diff names the customer, not its id');
  for (const action of ['action-edit', 'action-copy', 'action-status', 'request-approval-estimate', 'request-approval-order']) assert.is(await page.getByTestId(action).count(), 0, `no ${action} for the auditor`);
  await shot(page, '01-project-history');
  await registered.getByTestId('history-expand').click();

  // 2. As it was before its order: the history row of the estimate's approval opens the screen as of that event.
  const estimateApproval = page.locator('[data-testid="history-row"][data-event-type="ProjectApprovalGranted"]').last();
  await estimateApproval.getByTestId('history-expand').click();
  await page.getByTestId('history-as-of').click();
  await page.getByTestId('as-of-banner').waitFor();
  assert.match((await page.getByTestId('as-of-banner-text').textContent()) ?? '', /^#\d+ 時点の表示/);
  await page.waitForFunction(() => document.querySelector('[data-testid="project-detail"]')?.getAttribute('data-status') !== 'ordered');
  await shot(page, '02-as-of-before-order');
  await page.getByTestId('action-order').click();
  await page.getByTestId('order-screen').waitFor();
  assert.is(await page.getByTestId('order-screen').getAttribute('data-order-status'), 'new', 'the order is absent as of then');
  assert.ok(new URL(page.url()).searchParams.has('asOf'), 'the moment is kept across the link');
  await page.getByTestId('as-of-live').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="order-screen"]')?.getAttribute('data-order-status') === 'confirmed');

  // 3. The first invoice found by 取引年月日 range + 金額 range + 取引先 (corrected originals included).
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-tab-invoices').click();
  await page.getByTestId('audit-invoices').waitFor();
  await page.getByTestId('audit-invoice-from').fill('2025-04-01');
  await page.getByTestId('audit-invoice-to').fill('2025-04-30');
  await page.getByTestId('audit-invoice-min').fill('1050000');
  await page.getByTestId('audit-invoice-max').fill('1150000');
  await page.locator(`[data-testid="audit-invoice-customer"] option[value="${refs.customerId}"]`).waitFor({ state: 'attached' });
  await page.getByTestId('audit-invoice-customer').selectOption(refs.customerId);
  await page.getByTestId('audit-invoice-replaced').check();
  await page.getByTestId('audit-invoice-search').click();
  const found = page.getByTestId('audit-invoice-row');
  await found.first().waitFor();
  assert.is(await found.count(), 1, 'only the first invoice meets all three');
  const firstNumber = (await found.getAttribute('data-invoice-number')) ?? '';
  await shot(page, '03-invoice-search');

  // 4. Re-printed as issued: the replaced version's PDF says the first amount and date, not the corrected ones.
  await found.getByTestId('audit-invoice-corrections').click();
  await page.getByTestId('invoice-corrections').waitFor();
  const original = page.locator('[data-testid="invoice-version"][data-state="replaced"]');
  await original.waitFor();
  assert.ok(((await original.textContent()) ?? '').includes(firstNumber));
  await page.locator('[data-testid="invoice-version"][data-state="current"]').waitFor();
  await shot(page, '04-corrections');
  const [download] = await Promise.all([page.waitForEvent('download'), original.getByTestId('invoice-version-pdf').click()]);
  const printed = await pdfText(readFileSync((await download.path())!));
  for (const item of [firstNumber, '1,100,000円', formatDateJapanese('2025-04-30')]) assert.ok(printed.includes(item), `the re-print states ${item}`);
  for (const item of ['1,320,000円', formatDateJapanese('2025-05-15')]) assert.not.ok(printed.includes(item), `the re-print does not state the corrected ${item}`);

  // 5. A whole-store verification from the audit screen: 改ざんなし with the number of events checked.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-tab-ledger').click();
  await page.getByTestId('audit-start').click();
  await page.getByTestId('audit-result').waitFor({ timeout: 60_000 });
  assert.is((await page.getByTestId('audit-result').textContent())?.trim(), '改ざんなし');
  const checked = Number(((await page.getByTestId('audit-checked-events').textContent()) ?? '').replaceAll(',', ''));
  assert.ok(checked >= history.events.length, `the verification checked the whole log (${checked} events)`);
  await shot(page, '05-verified');
});

test.run();
