import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { IssuedDocument, IssuedDocumentQuery } from '@sss/contracts/audit/document-search';
import { formatYen } from '@sss/contracts/domain/money';
import { documentUrls } from '../api/projects.ts';
import { documentUrl } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { parseYenInput } from '../lib/yenInput.ts';
import { auditQueries } from './queries.ts';

const EMPTY = { kind: '', from: '', to: '', minAmount: '', maxAmount: '', customerId: '' };
const amount = (text: string) => {
  const value = parseYenInput(text);
  return typeof value === 'number' ? value : undefined;
};

/** A 見積書 prints the version found (frozen at issue); a 売上連絡票 prints its month. */
const pdfOf = (d: IssuedDocument) => (d.kind === 'estimate' ? documentUrls.estimatePdf(d.projectId, d.version) : documentUrl(d.projectId, d.month ?? '', 'sales-slip.pdf'));
/** Its correction history: the history panel of the screen it was issued from. */
const historyOf = (d: IssuedDocument) => (d.kind === 'estimate' ? `/projects/${encodeURIComponent(d.projectId)}/estimate#history` : `/monthly-sales/${encodeURIComponent(d.projectId)}/${d.month ?? ''}#history`);

/**
 * 電子帳簿保存法 search of the issued documents besides invoices — 見積書 and 売上連絡票 — by 取引年月日
 * range, 金額 range and 取引先, combinable; each re-printable and with its history one click away.
 */
export function DocumentSearchPanel() {
  const l = useLabels(auditSearchLabels);
  const [form, setForm] = useState(EMPTY);
  const [search, setSearch] = useState<IssuedDocumentQuery | null>(null);
  const documents = useQuery(auditQueries.documents(search));
  const customers = useQuery(auditQueries.customers());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minAmount = amount(form.minAmount);
    const maxAmount = amount(form.maxAmount);
    setSearch({
      ...(form.kind === 'estimate' || form.kind === 'sales_report' ? { kind: form.kind } : {}),
      ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}),
      ...(minAmount !== undefined ? { minAmount } : {}), ...(maxAmount !== undefined ? { maxAmount } : {}),
      ...(form.customerId ? { customerId: form.customerId } : {}),
    });
  };
  return (
    <div data-testid="audit-documents">
      <p className="subtle">{l('invoiceHint')}</p>
      <form className="toolbar wrap" role="search" onSubmit={submit}>
        <label>{l('documentKind')} <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })} data-testid="audit-document-kind">
          <option value="">{l('kindAny')}</option>
          <option value="estimate">{l('estimate')}</option>
          <option value="sales_report">{l('salesReport')}</option>
        </select></label>
        <label>{l('invoiceFrom')} <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} data-testid="audit-document-from" /></label>
        <label>{l('invoiceTo')} <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid="audit-document-to" /></label>
        <label>{l('minAmount')} <input inputMode="numeric" value={form.minAmount} onChange={(e) => setForm({ ...form, minAmount: e.target.value })} data-testid="audit-document-min" /></label>
        <label>{l('maxAmount')} <input inputMode="numeric" value={form.maxAmount} onChange={(e) => setForm({ ...form, maxAmount: e.target.value })} data-testid="audit-document-max" /></label>
        <label>{l('customer')} <select value={form.customerId} onChange={(e) => setForm({ ...form, customerId: e.target.value })} data-testid="audit-document-customer">
          <option value="">{l('customerAny')}</option>
          {customers.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}{c.active ? '' : ' (廃止)'}</option>)}
        </select></label>
        <button type="submit" className="button" data-testid="audit-document-search">{l('search')}</button>
      </form>
      <ProblemMessage error={documents.error ?? customers.error} onRetry={() => void documents.refetch()} />
      {documents.data && (
        <table className="table" data-testid="audit-document-table">
          <thead><tr><th>{l('documentKind')}</th><th>{l('documentNumber')}</th><th>{l('invoiceDate')}</th><th>{l('customer')}</th><th>{l('project')}</th><th className="num">{l('gross')}</th><th>{l('links')}</th></tr></thead>
          <tbody>
            {documents.data.items.length === 0 && <tr><td colSpan={7} className="empty" data-testid="audit-document-none">{l('noDocuments')}</td></tr>}
            {documents.data.items.map((d) => (
              <tr key={`${d.kind}-${d.number}`} data-testid="audit-document-row" data-kind={d.kind} data-number={d.number}>
                <td>{d.kind === 'estimate' ? l('estimate') : l('salesReport')}</td>
                <td className="mono">{d.number}</td>
                <td>{d.date}</td>
                <td>{d.customerName}</td>
                <td>{d.projectNumber} {d.projectName}</td>
                <td className="num">{formatYen(d.amount)}</td>
                <td>
                  <Link to={historyOf(d)} data-testid="audit-document-history">{l('corrections')}</Link>{' '}
                  <a href={pdfOf(d)} download data-testid="audit-document-pdf">{l('pdf')}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
