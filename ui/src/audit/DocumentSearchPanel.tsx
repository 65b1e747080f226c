import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { IssuedDocument, IssuedDocumentQuery } from '@sss/contracts/audit/document-search';
import { formatYen } from '@sss/contracts/domain/money';
import { documentUrls } from '../api/projects.ts';
import { salesReportUrl } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { auditQueries } from './queries.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { TransactionCriteriaForm } from '../components/TransactionCriteriaForm.tsx';

/** A 見積書 prints the version found, a 売上連絡票 the issue found (each frozen at issue). */
const pdfOf = (d: IssuedDocument) => (d.kind === 'estimate' ? documentUrls.estimatePdf(d.projectId, d.version) : salesReportUrl(d.projectId, d.month ?? '', d.issueNo ?? 1, 'pdf'));
/** Its correction history: the history panel of the screen it was issued from. */
const historyOf = (d: IssuedDocument) => (d.kind === 'estimate' ? `/projects/${encodeURIComponent(d.projectId)}/estimate#history` : `/monthly-sales/${encodeURIComponent(d.projectId)}/${d.month ?? ''}#history`);

/**
 * 電子帳簿保存法 search of the issued documents besides invoices — 見積書 and 売上連絡票 — by 取引年月日
 * range, 金額 range and 取引先, combinable; each re-printable and with its history one click away.
 */
export function DocumentSearchPanel() {
  const l = useLabels(auditSearchLabels);
  const [kind, setKind] = useState('');
  const [search, setSearch] = useState<IssuedDocumentQuery | null>(null);
  const documents = useQuery(auditQueries.documents(search));
  const customers = useQuery(auditQueries.customers());
  return (
    <div data-testid="audit-documents">
      <p className="subtle">{l('invoiceHint')}</p>
      <TransactionCriteriaForm
        testId="audit-document"
        customers={customers.data}
        onSearch={(criteria) => setSearch({ ...(kind === 'estimate' || kind === 'sales_report' ? { kind } : {}), ...criteria })}
        before={
          <label>{l('documentKind')} <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="audit-document-kind">
            <option value="">{l('kindAny')}</option>
            <option value="estimate">{l('estimate')}</option>
            <option value="sales_report">{l('salesReport')}</option>
          </select></label>
        }
      />
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
                  <DownloadLink href={pdfOf(d)} testId="audit-document-pdf">{l('pdf')}</DownloadLink>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
