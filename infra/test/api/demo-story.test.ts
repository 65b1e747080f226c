import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';

/**
 * The demo data tells one story (#13 item 8): loaded into a real store at the volume `npm start` seeds,
 * the 稟議 list agrees with every 案件 — an order only with its approved 受注稟議, nothing 申請中 for a
 * 案件 already past that step — and the lists have hundreds of rows to page through.
 */
const test = suite<{ sss: RunningSss; sales: Session; head: string }>('demo story');

test.before(async (context) => {
  context.sss = await startTestSss({ SSS_DEMO_VOLUME: '200' });
  await context.sss.seedDemoVolume();
  context.sales = await login(context.sss, DEMO.sales);
  context.head = (await context.sss.events.headPosition()).toString();
});
test.after(async ({ sss }) => sss.stop());

type Row = { id: string; status: string; kind?: string; projectId?: string; name?: string };

/** Every row of a list, page by page, once the read side has reached the end of the seeding. */
async function everything({ sss, sales, head }: { sss: RunningSss; sales: Session; head: string }, url: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const response = await as(sss, sales)({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=200`, headers: { 'x-sss-min-position': head } });
    assert.is(response.statusCode, 200, response.body);
    const { items, total } = response.json<{ items: Row[]; total: number }>();
    rows.push(...items);
    if (rows.length >= total || items.length === 0) return rows;
  }
}

const PAST_ORDER = ['ordered', 'sales_actual_in_progress', 'completed'];
const PAST_ESTIMATE = ['estimate_approved', 'early_start_in_ringi', 'early_started', 'order_in_ringi', ...PAST_ORDER];

test('hundreds of companies, projects and 稟議, and every 案件 agrees with its 稟議', async (context) => {
  const companies = await everything(context, '/api/companies');
  const projects = await everything(context, '/api/projects');
  const ringis = await everything(context, '/api/ringis');
  assert.ok(companies.length >= 200, `companies: ${companies.length}`);
  assert.ok(projects.length >= 200, `projects: ${projects.length}`);
  assert.ok(ringis.length >= 80, `稟議: ${ringis.length}`);

  const ringisOf = (projectId: string, kind: string) => ringis.filter((r) => r.projectId === projectId && r.kind === kind);
  const status = new Map(projects.map((p) => [p.id, p.status]));
  const byStatus = (wanted: readonly string[]) => projects.filter((p) => wanted.includes(p.status));
  assert.ok(byStatus(PAST_ORDER).length >= 20, `受注済: ${byStatus(PAST_ORDER).length}`);
  assert.ok(byStatus(['estimate_approved']).length >= 20, `承認: ${byStatus(['estimate_approved']).length}`);
  assert.ok(byStatus(['estimate_in_ringi']).length >= 20, `見積稟議中: ${byStatus(['estimate_in_ringi']).length}`);

  for (const p of byStatus(PAST_ORDER)) assert.ok(ringisOf(p.id, 'order').some((r) => r.status === 'approved'), `${p.name} is 受注済 without an approved 受注稟議`);
  for (const p of byStatus(PAST_ESTIMATE)) assert.ok(ringisOf(p.id, 'estimate').some((r) => r.status === 'approved'), `${p.name} is past 見積 without an approved 見積稟議`);
  for (const r of ringis) {
    // a 稟議 still waiting belongs to a 案件 waiting on exactly it; an approved one to a 案件 that moved on
    if (r.status === 'filing' || r.status === 'in_flow') assert.is(status.get(r.projectId!), `${r.kind}_in_ringi`, `稟議 ${r.id} (${r.kind}) is 申請中 for a 案件 that is ${status.get(r.projectId!)}`);
    if (r.status === 'approved' && r.kind === 'order') assert.ok(PAST_ORDER.includes(status.get(r.projectId!)!), `approved 受注稟議 ${r.id} on a 案件 that is ${status.get(r.projectId!)}`);
    if (r.status === 'approved' && r.kind === 'estimate') assert.ok(PAST_ESTIMATE.includes(status.get(r.projectId!)!), `approved 見積稟議 ${r.id} on a 案件 that is ${status.get(r.projectId!)}`);
  }

  // the orders list holds exactly the 受注済 案件, each confirmed
  const orders = await everything(context, '/api/orders');
  assert.equal(orders.map((o) => o.projectId).sort(), byStatus(PAST_ORDER).map((p) => p.id).sort());
  assert.equal([...new Set(orders.map((o) => o.status))], ['confirmed']);
});

test.run();
