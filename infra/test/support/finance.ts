import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany } from './sss.ts';
import { newProject, projectRefs } from './projects.ts';
import { deriveSalesPlan, salesActual } from './sales.ts';

/** Test support for 入金消込: a customer with its 読み, and issued invoices of a given net amount (10 % tax on top). */

let seq = 0;
const key = () => ({ 'idempotency-key': `fin-${Date.now()}-${seq++}` });

export async function customer(sss: RunningSss, name: string, kana: string): Promise<string> {
  const admin = await login(sss, DEMO.admin);
  const created = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany(`FIN${Date.now() % 1_000_000}${seq++}`, { name, kana, formalName: `${name}株式会社` }), headers: key() });
  if (created.statusCode !== 200 && created.statusCode !== 201) throw new Error(created.body);
  return created.json<{ id: string }>().id;
}

export interface IssuedInvoice {
  readonly projectId: string;
  readonly month: string;
  readonly invoiceNumber: string;
  readonly gross: number;
}

/** One project of the customer with one invoiced month per net amount (months 2026-04, 2026-05, …). */
export async function issuedInvoices(sss: RunningSss, customerId: string, nets: readonly number[]): Promise<IssuedInvoice[]> {
  const [admin, salesAdmin] = [await login(sss, DEMO.admin), await login(sss, DEMO.salesAdmin)];
  const refs = await projectRefs(sss, admin);
  const project = await as(sss, admin)({ method: 'POST', url: '/api/projects', payload: newProject({ ...refs, customerId }), headers: key() });
  if (project.statusCode !== 200 && project.statusCode !== 201) throw new Error(project.body);
  const projectId = project.json<{ id: string }>().id;
  const months = nets.map((_, i) => `2026-${String(4 + i).padStart(2, '0')}`);
  await deriveSalesPlan(sss, months.map((month, i) => ({ month, revenue: nets[i]! })), projectId);
  const out: IssuedInvoice[] = [];
  for (const [i, month] of months.entries()) {
    const net = nets[i]!;
    const base = `/api/monthly-sales/${projectId}/${month}`;
    const end = `${month}-28`;
    const invoice = { ...salesActual().invoice, recipientName: '入金消込検証', invoiceDate: end, dueDate: `${month}-28`, periodStart: `${month}-01`, periodEnd: end, lines: [{ description: '開発支援', quantity: '1', unit: '式', unitPrice: net, taxIncluded: false, taxRate: 10 }] };
    const steps = [
      () => as(sss, salesAdmin)({ method: 'PUT', url: `${base}/actual`, payload: salesActual({ labourSales: net, settlement: { amount: 0, reason: '' }, expenses: [], invoice }), headers: key() }),
      () => as(sss, salesAdmin)({ method: 'POST', url: `${base}/sales-check`, headers: key() }),
      () => as(sss, admin)({ method: 'POST', url: `${base}/sales-check/outcome`, payload: { outcome: 'approved', ringiId: `CF-${projectId}-${month}` }, headers: key() }),
      () => as(sss, salesAdmin)({ method: 'POST', url: `${base}/invoice`, payload: { issuedOn: end }, headers: key() }),
    ];
    for (const step of steps) {
      const r = await step();
      if (r.statusCode !== 200) throw new Error(`${month}: ${r.body}`);
    }
    const stream = await sss.events.readStream(`monthlysales-${projectId}_${month}`);
    const issued = stream.filter((e) => e.type === 'InvoiceIssued').at(-1)!.data as { invoice: { invoiceNumber: string; totals: { gross: number } } };
    out.push({ projectId, month, invoiceNumber: issued.invoice.invoiceNumber, gross: issued.invoice.totals.gross });
  }
  return out;
}
