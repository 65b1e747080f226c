import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrderPage } from '@sss/contracts/project/views';
import type { InvoicePage } from '@sss/contracts/sales/views';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';
import { employeeRow, newProject, projectRefs } from '../support/projects.ts';
import { issueCustomerInvoice } from '../support/invoices.ts';

/**
 * The totals rows of 受注一覧 and 請求一覧 add up every row the filter matches, on the server: the same
 * figure on every page, and equal to the sum of the rows over all pages (#13 item 6).
 */
const test = suite<{ sss: RunningSss; finance: Session }>('list totals');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.finance = await login(context.sss, DEMO.finance);
});
test.after(async ({ sss }) => sss.stop());

type Answer = { id: string; position: string };

/** Every page of a list at `pageSize` 2, read after `position`. */
async function allPages<P extends { items: unknown[]; total: number }>(sss: RunningSss, session: Session, url: string, position: string): Promise<P[]> {
  const pages: P[] = [];
  for (let page = 1; page === 1 || (page - 1) * 2 < pages[0]!.total; page++) {
    const response = await as(sss, session)({ method: 'GET', url: `${url}&pageSize=2&page=${page}`, headers: { 'x-sss-min-position': position } });
    assert.is(response.statusCode, 200, response.body);
    pages.push(response.json<P>());
  }
  return pages;
}

test('受注一覧: 件数 and 受注金額 of the filtered orders over all pages, not the page shown', async ({ sss, finance }) => {
  const sales = await login(sss, DEMO.sales);
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const refs = await projectRefs(sss, sales);
  const amounts = [1_100_000, 2_200_000, 3_300_000, 4_400_000, 5_500_000];
  let position = '0';
  for (const [i, orderAmount] of amounts.entries()) {
    const call = as(sss, sales);
    const project = (await call({ method: 'POST', url: '/api/projects', payload: newProject(refs, { name: `合計検証案件${i}` }) })).json<Answer>();
    await call({ method: 'POST', url: `/api/projects/${project.id}/resources`, payload: employeeRow(refs) });
    const ringiId = (await call({ method: 'POST', url: `/api/projects/${project.id}/approvals`, payload: { kind: 'estimate', comment: '見積稟議' } })).json<Answer>().id;
    const approved = await as(sss, salesAdmin)({ method: 'POST', url: `/api/projects/${project.id}/approvals/outcome`, payload: { ringiId, outcome: 'approved', decidedBy: '田中 誠', decidedAt: '2026-03-20T10:00:00+09:00' } });
    assert.is(approved.statusCode, 200, approved.body);
    const terms = { customerPoNumber: `PO-SUM-${i}`, orderDate: '2026-03-25', orderAmount, labourAmount: orderAmount, periodStart: '2026-04-01', periodEnd: '2026-06-30' };
    const order = await call({ method: 'POST', url: '/api/orders', payload: { projectId: project.id, terms } });
    assert.is(order.statusCode, 201, order.body);
    position = order.json<Answer>().position;
  }

  const pages = await allPages<OrderPage>(sss, finance, `/api/orders?q=${encodeURIComponent('合計検証案件')}`, position);
  assert.is(pages.length, 3, '5 orders at 2 a page');
  const rows = pages.flatMap((p) => p.items);
  assert.is(rows.length, 5);
  for (const page of pages) assert.equal(page.totals, { count: 5, orderAmount: rows.reduce((sum, o) => sum + o.orderAmount, 0) }, 'the same totals on every page');
  assert.is(pages[0]!.totals.orderAmount, 16_500_000);
  assert.ok(pages[0]!.items.reduce((sum, o) => sum + o.orderAmount, 0) < pages[0]!.totals.orderAmount, 'more than the page shown');

  const none = await as(sss, finance)({ method: 'GET', url: '/api/orders?q=NO-SUCH-ORDER' });
  assert.equal(none.json<OrderPage>().totals, { count: 0, orderAmount: 0 });
});

test('請求一覧: 件数, 税込金額, 入金額 and 未入金 of the searched invoices over all pages', async ({ sss, finance }) => {
  const recipientName = '合計検証商事株式会社';
  for (const month of ['2026-03', '2026-04', '2026-05']) await issueCustomerInvoice(sss, { month, recipientName });
  // one more for someone else: the search must leave it out of the totals
  const { position } = await issueCustomerInvoice(sss, { month: '2026-04', recipientName: '対象外商事株式会社' });

  const pages = await allPages<InvoicePage>(sss, finance, `/api/invoices?counterparty=${encodeURIComponent(recipientName)}`, position);
  assert.is(pages.length, 2, '3 invoices at 2 a page');
  const rows = pages.flatMap((p) => p.items);
  assert.is(rows.length, 3);
  assert.ok(rows.every((r) => r.recipientName === recipientName));
  const sum = (field: 'gross' | 'paid' | 'outstanding') => rows.reduce((total, r) => total + r[field], 0);
  for (const page of pages) assert.equal(page.totals, { count: 3, gross: sum('gross'), paid: sum('paid'), outstanding: sum('outstanding') }, 'the same totals on every page');
  assert.ok(sum('gross') > 0);
});

test.run();
