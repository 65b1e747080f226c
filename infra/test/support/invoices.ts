import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login } from './sss.ts';
import { newProject, projectRefs } from './projects.ts';
import { deriveSalesPlan, salesActual } from './sales.ts';

let seq = 0;
const key = () => ({ 'idempotency-key': `inv-${Date.now()}-${seq++}` });

/**
 * A 請求書 for a real project of a demo customer, issued through the API (booked, approved, issued)
 * and, with `correctedReason`, corrected once: what the 電子帳簿保存法 search and history look for.
 */
export async function issueCustomerInvoice(sss: RunningSss, options: { month: string; recipientName: string; correctedReason?: string; customerId?: string }) {
  const sales = await login(sss, DEMO.sales);
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const admin = await login(sss, DEMO.admin);
  const refs = await projectRefs(sss, sales);
  const project = await as(sss, sales)({ method: 'POST', url: '/api/projects', payload: newProject({ ...refs, customerId: options.customerId ?? refs.customerId }), headers: key() });
  if (project.statusCode !== 201 && project.statusCode !== 200) throw new Error(`project: ${project.statusCode} ${project.body}`);
  const projectId = project.json<{ id: string }>().id;
  await deriveSalesPlan(sss, [{ month: options.month, revenue: 1_500_000 }], projectId);
  const base = `/api/monthly-sales/${projectId}/${options.month}`;
  const invoice = { ...salesActual().invoice, recipientName: options.recipientName, invoiceDate: `${options.month}-28` };
  const steps: [typeof salesAdmin, 'PUT' | 'POST', string, Record<string, unknown> | undefined][] = [
    [salesAdmin, 'PUT', `${base}/actual`, salesActual({ invoice })],
    [salesAdmin, 'POST', `${base}/sales-check`, undefined],
    [admin, 'POST', `${base}/sales-check/outcome`, { outcome: 'approved', ringiId: 'R-AUDIT' }],
    [salesAdmin, 'POST', `${base}/invoice`, { issuedOn: `${options.month}-28` }],
  ];
  if (options.correctedReason) steps.push([salesAdmin, 'POST', `${base}/invoice/correction`, { reason: options.correctedReason, invoice: { ...invoice, subject: '訂正後の件名' } }]);
  let position = '0';
  for (const [session, method, url, payload] of steps) {
    const response = await as(sss, session)({ method, url, ...(payload === undefined ? {} : { payload }), headers: key() });
    if (response.statusCode !== 200) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    position = response.json<{ position: string }>().position;
  }
  const month = (await as(sss, admin)({ method: 'GET', url: base, headers: { 'x-sss-min-position': position } })).json<{ invoiceNumber: string; invoicedGross: number }>();
  return { projectId, customerId: refs.customerId, invoiceNumber: month.invoiceNumber, gross: month.invoicedGross, invoiceDate: invoice.invoiceDate, position };
}
