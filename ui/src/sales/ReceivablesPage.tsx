import { useState } from 'react';
import { exportUrl } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { formatYen } from '@sss/contracts/domain/money';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { salesLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { agingLabels } from '../i18n/codes.ts';
import { useReceivables } from './queries.ts';
import { BarChart } from './BarChart.tsx';
import { ClosedMonthsNotice } from '../finance/index.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';

/** 売掛金: unpaid invoices with their age past the due date (期日前, 1–30, 31–60, 61–90, 90超). */
export function ReceivablesPage() {
  const l = useLabels(salesLabels);
  const aging = useLabels(agingLabels);
  useDocumentTitle(l('receivablesTitle'));
  const [asOf, setAsOf] = useState('');
  const report = useReceivables(asOf || undefined);
  return (
    <section className="page" data-testid="receivables">
      <div className="page-header">
        <h1>{l('receivablesTitle')}</h1>
        <span>
          <DownloadLink href={exportUrl('receivables', 'csv', { asOf: asOf || undefined })}>{l('exportCsv')}</DownloadLink>{' '}
          <DownloadLink href={exportUrl('receivables', 'xlsx', { asOf: asOf || undefined })}>{l('exportXlsx')}</DownloadLink>
        </span>
      </div>
      <label>{l('asOf')} <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} /></label>
      <ProblemMessage error={report.error} onRetry={() => void report.refetch()} />
      <ClosedMonthsNotice />
      {report.data && (
        <>
          <BarChart bars={report.data.buckets.map((b) => ({ label: aging(b.bucket), values: [b.outstanding] }))} series={[l('outstanding')]} />
          <p>{l('total')}: <strong data-testid="receivables-total">{formatYen(report.data.totalOutstanding)}</strong></p>
          <table className="table" data-testid="receivables-table">
            <thead><tr><th>{l('invoiceNumber')}</th><th>{l('counterparty')}</th><th>{l('project')}</th><th>{l('dueDate')}</th><th className="num">{l('gross')}</th><th className="num">{l('paid')}</th><th className="num">{l('outstanding')}</th><th className="num">{l('daysOverdue')}</th><th>{l('bucket')}</th></tr></thead>
            <tbody>
              {report.data.rows.length === 0 && <tr><td colSpan={9} className="empty">{l('none')}</td></tr>}
              {report.data.rows.map((r) => (
                <tr key={r.invoiceNumber} data-testid="receivable-row">
                  <td className="mono">{r.invoiceNumber}</td><td>{r.recipientName}</td><td>{r.projectNumber} {r.projectName}</td><td>{r.dueDate}</td>
                  <td className="num">{formatYen(r.gross)}</td><td className="num">{formatYen(r.paid)}</td><td className="num">{formatYen(r.outstanding)}</td><td className="num">{r.daysOverdue}</td>
                  <td>{aging(r.bucket)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
