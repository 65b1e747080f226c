import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { exportUrl, invoicePdfUrl, type InvoiceSearchParams } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { formatNumber, formatYen } from '@sss/contracts/domain/money';
import { Pager } from '../components/Pager.tsx';
import { pageSizeFrom, putPageSize, rememberPageSize } from '../lib/pageSize.ts';
import { listLabels } from '../i18n/lists.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { salesLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useInvoices } from './queries.ts';
import { parseYenInput } from '../lib/yenInput.ts';
import { ClosedMonthBadge, ClosedMonthsNotice } from '../finance/index.ts';
import { paymentState } from '@sss/contracts/sales/payment-state';
import { paymentLabels } from '../i18n/payments.ts';
import { formatDate } from '../lib/format.ts';
import { RangeDash } from '../components/RangeDash.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';

/** A bound typed as yen (「1,234,567」); what does not read as yen goes as typed, for the API to name. */
function amountBound<K extends 'minAmount' | 'maxAmount'>(key: K, text: string): Partial<Record<K, number>> {
  const value = parseYenInput(text);
  return value === null ? {} : ({ [key]: typeof value === 'number' ? value : Number.NaN } as Partial<Record<K, number>>);
}

const INVOICE_LIST = 'invoices';
const TEXT_KEYS = ['from', 'to', 'counterparty'] as const;

/** The search, page and page size live in the URL, as on the other lists: a link shows the same rows. */
function searchParamsOf(search: URLSearchParams): InvoiceSearchParams {
  const query: InvoiceSearchParams = { page: Math.max(1, Number(search.get('page')) || 1), pageSize: pageSizeFrom(search, INVOICE_LIST) };
  for (const key of TEXT_KEYS) {
    const value = search.get(key);
    if (value) query[key] = value;
  }
  for (const key of ['minAmount', 'maxAmount'] as const) {
    const value = search.get(key);
    if (value !== null && value !== '') query[key] = Number(value);
  }
  if (search.get('includeReplaced') === 'true') query.includeReplaced = true;
  return query;
}

function urlOf(query: InvoiceSearchParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of TEXT_KEYS) if (query[key]) search.set(key, query[key]);
  for (const key of ['minAmount', 'maxAmount'] as const) if (query[key] !== undefined) search.set(key, String(query[key]));
  if (query.includeReplaced) search.set('includeReplaced', 'true');
  if (query.page && query.page > 1) search.set('page', String(query.page));
  putPageSize(search, query.pageSize);
  return search;
}

/** 請求一覧: search by 請求日, 金額 and 取引先 (電子帳簿保存法); replaced invoices stay findable. */
export function InvoiceListPage() {
  const l = useLabels(salesLabels);
  const pl = useLabels(paymentLabels);
  useDocumentTitle(l('invoicesTitle'));
  const ll = useLabels(listLabels);
  const [url, setUrl] = useSearchParams();
  const search = searchParamsOf(url);
  const setSearch = (query: InvoiceSearchParams) => setUrl(urlOf(query), { replace: true });
  const [form, setForm] = useState(() => ({
    from: search.from ?? '', to: search.to ?? '', minAmount: search.minAmount?.toString() ?? '', maxAmount: search.maxAmount?.toString() ?? '',
    counterparty: search.counterparty ?? '', includeReplaced: search.includeReplaced ?? false,
  }));
  const list = useInvoices(search);
  const totals = list.data?.totals;
  const submit = () =>
    setSearch({
      pageSize: search.pageSize,
      ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}),
      ...amountBound('minAmount', form.minAmount), ...amountBound('maxAmount', form.maxAmount),
      ...(form.counterparty ? { counterparty: form.counterparty } : {}), ...(form.includeReplaced ? { includeReplaced: true } : {}),
    });
  const exportQuery = { ...search, page: undefined, pageSize: undefined };
  return (
    <section className="page" data-testid="invoice-list">
      <div className="page-header">
        <h1>{l('invoicesTitle')}</h1>
        <span>
          <DownloadLink href={exportUrl('invoices', 'csv', exportQuery)} testId="invoice-export-csv">{l('exportCsv')}</DownloadLink>{' '}
          <DownloadLink href={exportUrl('invoices', 'xlsx', exportQuery)}>{l('exportXlsx')}</DownloadLink>{' '}
          <Link to="/invoices/receivables" data-testid="receivables-link">{l('receivablesTitle')}</Link>
        </span>
      </div>
      <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label>{l('invoiceDate')} <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} aria-label={`${l('invoiceDate')} ${l('from')}`} data-testid="invoice-from" /></label>
        <RangeDash />
        <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} aria-label={`${l('invoiceDate')} ${l('to')}`} data-testid="invoice-to" />
        <input inputMode="numeric" placeholder={l('minAmount')} value={form.minAmount} onChange={(e) => setForm({ ...form, minAmount: e.target.value })} data-testid="invoice-min" />
        <input inputMode="numeric" placeholder={l('maxAmount')} value={form.maxAmount} onChange={(e) => setForm({ ...form, maxAmount: e.target.value })} data-testid="invoice-max" />
        <input placeholder={l('counterparty')} value={form.counterparty} onChange={(e) => setForm({ ...form, counterparty: e.target.value })} data-testid="invoice-counterparty" />
        <label className="checkbox"><input type="checkbox" checked={form.includeReplaced} onChange={(e) => setForm({ ...form, includeReplaced: e.target.checked })} />{l('includeReplaced')}</label>
        <button type="submit" className="button" data-testid="invoice-search">{l('search')}</button>
      </form>
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <ClosedMonthsNotice months={list.data?.items.map((i) => i.month) ?? []} />
      <table className="table" data-testid="invoice-table">
        <thead><tr><th>{l('invoiceNumber')}</th><th>{l('status')}</th><th>{l('invoiceDate')}</th><th>{l('counterparty')}</th><th>{l('subject')}</th><th className="num">{l('gross')}</th><th className="num">{l('outstanding')}</th><th>{pl('paymentState')}</th><th>{l('dueDate')}</th><th /></tr></thead>
        <tbody>
          {list.data?.items.length === 0 && <tr><td colSpan={10} className="empty">{l('none')}</td></tr>}
          {list.data?.items.map((i) => (
            <tr key={i.invoiceNumber} data-testid="invoice-row">
              <td className="mono"><Link to={`/monthly-sales/${encodeURIComponent(i.projectId)}/${i.month}`}>{i.invoiceNumber}</Link> <ClosedMonthBadge month={i.month} /></td>
              <td>{i.state === 'replaced' ? `${l('replaced')} → ${i.replacedBy}` : l('current')}</td>
              <td>{formatDate(i.invoiceDate)}</td>
              <td>{i.recipientName}</td>
              <td>{i.subject}</td>
              <td className="num">{formatYen(i.gross)}</td>
              <td className="num">{formatYen(i.outstanding)}</td>
              <td data-testid="invoice-payment-state">{i.state === 'replaced' ? '' : pl(paymentState(i.gross, i.paid))}</td>
              <td>{formatDate(i.dueDate)}</td>
              <td><DownloadLink href={invoicePdfUrl(i.invoiceNumber)}>PDF</DownloadLink></td>
            </tr>
          ))}
        </tbody>
        {totals && totals.count > 0 && (
          <tfoot>
            <tr className="totals" data-testid="invoice-totals">
              <th colSpan={5} data-testid="invoice-totals-count">{ll('total', { count: formatNumber(totals.count) })}</th>
              <td className="num" data-testid="invoice-totals-gross">{formatYen(totals.gross)}</td>
              <td className="num" data-testid="invoice-totals-outstanding">{formatYen(totals.outstanding)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        )}
      </table>
      {list.data && (
        <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => setSearch({ ...search, page })}
          onPageSize={(pageSize) => { rememberPageSize(INVOICE_LIST, pageSize); setSearch({ ...search, page: 1, pageSize }); }} />
      )}
    </section>
  );
}
