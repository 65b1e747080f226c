import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatYen } from '@sss/contracts/domain/money';
import { invoicePdfUrl, type InvoiceSearchParams } from '../api/sales.ts';
import { Pager } from '../components/Pager.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { parseYenInput } from '../lib/yenInput.ts';
import { auditQueries } from './queries.ts';

const EMPTY = { from: '', to: '', minAmount: '', maxAmount: '', customerId: '', includeReplaced: false };
const amount = (text: string) => {
  const value = parseYenInput(text);
  return typeof value === 'number' ? value : undefined;
};

/**
 * 電子帳簿保存法 search: 請求書 by 取引年月日 range, 金額 range and 取引先 (picked from the company
 * list), combinable; corrected originals on request, each with its correction history.
 */
export function InvoiceSearchPanel() {
  const l = useLabels(auditSearchLabels);
  const [form, setForm] = useState(EMPTY);
  const [search, setSearch] = useState<InvoiceSearchParams>({});
  const invoices = useQuery(auditQueries.invoices(search));
  const customers = useQuery(auditQueries.customers());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minAmount = amount(form.minAmount);
    const maxAmount = amount(form.maxAmount);
    setSearch({
      ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}),
      ...(minAmount !== undefined ? { minAmount } : {}), ...(maxAmount !== undefined ? { maxAmount } : {}),
      ...(form.customerId ? { customerId: form.customerId } : {}), ...(form.includeReplaced ? { includeReplaced: true } : {}),
    });
  };
  const page = invoices.data;
  const customerPage = customers.data;
  return (
    <div data-testid="audit-invoices">
      <p className="subtle">{l('invoiceHint')}</p>
      <form className="toolbar wrap" role="search" onSubmit={submit}>
        <label>{l('invoiceFrom')} <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} data-testid="audit-invoice-from" /></label>
        <label>{l('invoiceTo')} <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid="audit-invoice-to" /></label>
        <label>{l('minAmount')} <input inputMode="numeric" value={form.minAmount} onChange={(e) => setForm({ ...form, minAmount: e.target.value })} data-testid="audit-invoice-min" /></label>
        <label>{l('maxAmount')} <input inputMode="numeric" value={form.maxAmount} onChange={(e) => setForm({ ...form, maxAmount: e.target.value })} data-testid="audit-invoice-max" /></label>
        <label>{l('customer')} <select value={form.customerId} onChange={(e) => setForm({ ...form, customerId: e.target.value })} data-testid="audit-invoice-customer">
          <option value="">{l('customerAny')}</option>
          {customerPage?.items.map((c) => <option key={c.id} value={c.id}>{c.name}{c.active ? '' : ' (廃止)'}</option>)}
        </select></label>
        <label className="checkbox"><input type="checkbox" checked={form.includeReplaced} onChange={(e) => setForm({ ...form, includeReplaced: e.target.checked })} data-testid="audit-invoice-replaced" />{l('includeReplaced')}</label>
        <button type="submit" className="button" data-testid="audit-invoice-search">{l('search')}</button>
      </form>
      {customerPage && customerPage.total > customerPage.items.length && <p className="subtle">{l('tooManyCustomers', { shown: customerPage.items.length, total: customerPage.total })}</p>}
      <ProblemMessage error={invoices.error ?? customers.error} onRetry={() => void invoices.refetch()} />
      {page && <Pager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => setSearch({ ...search, page: p })} />}
      <table className="table" data-testid="audit-invoice-table">
        <thead><tr><th>{l('invoiceNumber')}</th><th>{l('invoiceDate')}</th><th>{l('customer')}</th><th className="num">{l('gross')}</th><th>{l('state')}</th><th>{l('links')}</th></tr></thead>
        <tbody>
          {page?.items.length === 0 && <tr><td colSpan={6} className="empty" data-testid="audit-invoice-none">{l('noInvoices')}</td></tr>}
          {page?.items.map((i) => (
            <tr key={i.invoiceNumber} data-testid="audit-invoice-row" data-invoice-number={i.invoiceNumber}>
              <td className="mono">{i.invoiceNumber}</td>
              <td>{i.invoiceDate}</td>
              <td>{i.customerName || i.recipientName}</td>
              <td className="num">{formatYen(i.gross)}</td>
              <td>{i.state === 'replaced' ? `${l('replaced')} → ${i.replacedBy ?? ''}` : l('current')}</td>
              <td>
                <Link to={`/audit/invoices/${encodeURIComponent(i.invoiceNumber)}`} data-testid="audit-invoice-corrections">{l('corrections')}</Link>{' '}
                <a href={invoicePdfUrl(i.invoiceNumber)} download>{l('pdf')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
