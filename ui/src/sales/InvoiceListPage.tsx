import { useState } from 'react';
import { Link } from 'react-router';
import { exportUrl, invoicePdfUrl, type InvoiceSearchParams } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { formatYen } from '@sss/contracts/domain/money';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { salesLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useInvoices } from './queries.ts';
import { parseYenInput } from '../lib/yenInput.ts';
import { ClosedMonthBadge, ClosedMonthsNotice } from '../finance/index.ts';
import { paymentState } from '@sss/contracts/sales/payment-state';
import { paymentLabels } from '../i18n/payments.ts';
import { formatDate } from '../lib/format.ts';

/** A bound typed as yen (「1,234,567」); what does not read as yen goes as typed, for the API to name. */
function amountBound<K extends 'minAmount' | 'maxAmount'>(key: K, text: string): Partial<Record<K, number>> {
  const value = parseYenInput(text);
  return value === null ? {} : ({ [key]: typeof value === 'number' ? value : Number.NaN } as Partial<Record<K, number>>);
}

/** 請求一覧: search by 請求日, 金額 and 取引先 (電子帳簿保存法); replaced invoices stay findable. */
export function InvoiceListPage() {
  const l = useLabels(salesLabels);
  const pl = useLabels(paymentLabels);
  useDocumentTitle(l('invoicesTitle'));
  const [form, setForm] = useState({ from: '', to: '', minAmount: '', maxAmount: '', counterparty: '', includeReplaced: false });
  const [search, setSearch] = useState<InvoiceSearchParams>({});
  const list = useInvoices(search);
  const submit = () =>
    setSearch({
      ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}),
      ...amountBound('minAmount', form.minAmount), ...amountBound('maxAmount', form.maxAmount),
      ...(form.counterparty ? { counterparty: form.counterparty } : {}), ...(form.includeReplaced ? { includeReplaced: true } : {}),
    });
  const exportQuery = { ...search, page: undefined };
  return (
    <section className="page" data-testid="invoice-list">
      <div className="page-header">
        <h1>{l('invoicesTitle')}</h1>
        <span>
          <a href={exportUrl('invoices', 'csv', exportQuery)} download data-testid="invoice-export-csv">{l('exportCsv')}</a>{' '}
          <a href={exportUrl('invoices', 'xlsx', exportQuery)} download>{l('exportXlsx')}</a>{' '}
          <Link to="/invoices/receivables" data-testid="receivables-link">{l('receivablesTitle')}</Link>
        </span>
      </div>
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label>{l('invoiceDate')} <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} aria-label={`${l('invoiceDate')} ${l('from')}`} data-testid="invoice-from" /></label>〜
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
              <td><a href={invoicePdfUrl(i.invoiceNumber)} download>PDF</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
