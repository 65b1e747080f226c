import './audit.css';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { formatYen } from '@sss/contracts/domain/money';
import { invoicePdfUrl } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { auditQueries } from './queries.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';

/**
 * An invoice's correction history (電子帳簿保存法): every version issued for its month, oldest first,
 * with the reason of each correction; print-friendly (the shell's chrome is left off the print).
 */
export function InvoiceCorrectionsPage() {
  const l = useLabels(auditSearchLabels);
  const invoiceNumber = useParams().invoiceNumber ?? '';
  const title = l('correctionsTitle', { number: invoiceNumber });
  useDocumentTitle(title);
  const corrections = useQuery(auditQueries.corrections(invoiceNumber));
  return (
    <section className="page print-page" data-testid="invoice-corrections">
      <div className="page-header">
        <h1>{title}</h1>
        <span className="no-print">
          <button type="button" className="button" onClick={() => window.print()} data-testid="invoice-corrections-print">{l('print')}</button>{' '}
          <Link to="/audit?tab=invoices">{l('back')}</Link>
        </span>
      </div>
      <ProblemMessage error={corrections.error} onRetry={() => void corrections.refetch()} />
      <table className="table" data-testid="invoice-corrections-table">
        <thead><tr><th>{l('version')}</th><th>{l('invoiceNumber')}</th><th>{l('issuedOn')}</th><th>{l('invoiceDate')}</th><th>{l('recipient')}</th><th>{l('subject')}</th><th className="num">{l('gross')}</th><th>{l('state')}</th><th>{l('reason')}</th><th className="no-print">{l('pdf')}</th></tr></thead>
        <tbody>
          {corrections.data?.items.map((v, index) => (
            <tr key={v.invoiceNumber} data-testid="invoice-version" data-state={v.state}>
              <td>{index + 1}</td>
              <td className="mono">{v.invoiceNumber}</td>
              <td>{v.issuedOn}</td>
              <td>{v.invoiceDate}</td>
              <td>{v.recipientName}</td>
              <td>{v.subject}</td>
              <td className="num">{formatYen(v.gross)}</td>
              <td>{v.state === 'replaced' ? l('replaced') : l('current')}</td>
              <td>{v.correctionReason}</td>
              <td className="no-print"><DownloadLink href={invoicePdfUrl(v.invoiceNumber)} testId="invoice-version-pdf">{l('pdf')}</DownloadLink></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
