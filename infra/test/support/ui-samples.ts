import * as assert from 'uvu/assert';

/**
 * A concrete URL for each parameterised route of the UI's router (`support/ui-routes.ts`), taken
 * from the demo data through `get` (a reader that may see everything, e.g. the administrator). A
 * new parameterised route needs a sample here; the walks that use this fail until it has one.
 */
export async function uiSamples(get: <T>(url: string) => Promise<T>): Promise<Record<string, string>> {
  const first = <T,>(page: { items: T[] }, what: string): T => {
    assert.ok(page.items.length > 0, `the demo data has ${what}`);
    return page.items[0]!;
  };
  const company = first(await get<{ items: { id: string }[] }>('/api/companies'), 'a company');
  const partner = first(await get<{ items: { id: string }[] }>('/api/partners'), 'a partner');
  const order = first(await get<{ items: { projectId: string }[] }>('/api/orders'), 'an order');
  const ringi = first(await get<{ items: { id: string }[] }>('/api/ringis'), 'a 稟議');
  const sales = first(await get<{ items: { projectId: string; month: string }[] }>('/api/monthly-sales'), 'monthly sales');
  // the demo data issues no invoice: the corrections screen then shows its empty state, which is text too
  const invoice = (await get<{ items: { invoiceNumber: string }[] }>('/api/invoices')).items[0] ?? { invoiceNumber: 'T0000000000000-000001' };
  return {
    '/companies/:id': `/companies/${company.id}`,
    '/companies/:id/edit': `/companies/${company.id}/edit`,
    '/projects/:id': `/projects/${order.projectId}`,
    '/projects/:id/edit': `/projects/${order.projectId}/edit`,
    '/projects/:id/estimate': `/projects/${order.projectId}/estimate`,
    '/projects/:id/order': `/projects/${order.projectId}/order`,
    '/partners/:id': `/partners/${partner.id}`,
    '/partners/:id/edit': `/partners/${partner.id}/edit`,
    '/monthly-sales/:projectId/:month': `/monthly-sales/${sales.projectId}/${sales.month}`,
    '/ringi/:id': `/ringi/${ringi.id}`,
    '/audit/invoices/:invoiceNumber': `/audit/invoices/${encodeURIComponent(invoice.invoiceNumber)}`,
    '/*': '/no-such-screen',
  };
}

/** The URL to open for a router path: itself, or its sample when it has parameters. */
export function sampleUrl(route: string, samples: Record<string, string>): string {
  const url = route.includes(':') || route.includes('*') ? samples[route] : route;
  assert.ok(url, `${route} has a sample URL from the demo data (add one to support/ui-samples.ts)`);
  return url;
}
