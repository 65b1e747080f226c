import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatYen } from '@sss/contracts/domain/money';
import { invoicePdfUrl, type InvoiceSearchParams } from '../api/sales.ts';
import { Pager } from '../components/Pager.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { auditQueries } from './queries.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { TransactionCriteriaForm } from '../components/TransactionCriteriaForm.tsx';

/**
 * 電子帳簿保存法 search: 請求書 by 取引年月日 range, 金額 range and 取引先 (picked from the company
 * list), combinable; corrected originals on request, each with its correction history.
 */
export function InvoiceSearchPanel() {
  const l = useLabels(auditSearchLabels);
  const [includeReplaced, setIncludeReplaced] = useState(false);
  const [search, setSearch] = useState<InvoiceSearchParams>({});
  const invoices = useQuery(auditQueries.invoices(search));
  const customers = useQuery(auditQueries.customers());
  const page = invoices.data;
  return (
    <div data-testid="audit-invoices">
      <p className="subtle">{l('invoiceHint')}</p>
      <TransactionCriteriaForm
        testId="audit-invoice"
        customers={customers.data}
        onSearch={(criteria) => setSearch({ ...criteria, ...(includeReplaced ? { includeReplaced: true } : {}) })}
        after={<label className="checkbox"><input type="checkbox" checked={includeReplaced} onChange={(e) => setIncludeReplaced(e.target.checked)} data-testid="audit-invoice-replaced" />{l('includeReplaced')}</label>}
      />
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
                <DownloadLink href={invoicePdfUrl(i.invoiceNumber)}>{l('pdf')}</DownloadLink>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
