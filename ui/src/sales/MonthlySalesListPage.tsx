import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { MONTHLY_SALES_STATUSES } from '@sss/contracts/sales/status';
import { exportUrl } from '../api/sales.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { formatYen } from '@sss/contracts/domain/money';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { salesLabels, monthlySalesStatusLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useMonthlySalesList } from './queries.ts';
import { PlanActualPanel } from './PlanActualPanel.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';

/** 月次売上一覧: every project-month with its plan, actual and state; opens the entry screen. */
export function MonthlySalesListPage() {
  const l = useLabels(salesLabels);
  const statusLabel = useLabels(monthlySalesStatusLabels);
  useDocumentTitle(l('listTitle'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // The dashboard links here with ?status=checking (approvals waiting).
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [month, setMonth] = useState('');
  const [page, setPage] = useState(1);
  const list = useMonthlySalesList({ ...(status ? { status } : {}), ...(month ? { month } : {}), page });
  return (
    <section className="page" data-testid="monthly-sales-list">
      <div className="page-header">
        <h1>{l('listTitle')}</h1>
        <span>
          <DownloadLink href={exportUrl('monthly-sales', 'csv')}>{l('exportCsv')}</DownloadLink>{' '}
          <DownloadLink href={exportUrl('monthly-sales', 'xlsx')}>{l('exportXlsx')}</DownloadLink>
        </span>
      </div>
      <div className="toolbar">
        <select aria-label={l('status')} value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }} data-testid="monthly-sales-status-filter">
          <option value="">{l('status')}</option>
          {MONTHLY_SALES_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s)}</option>)}
        </select>
        <input type="month" aria-label={l('month')} value={month} onChange={(e) => { setMonth(e.target.value); setPage(1); }} />
      </div>
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className="table-wrap">
        <table className="table" data-testid="monthly-sales-table">
          <thead><tr><th>{l('month')}</th><th>{l('project')}</th><th>{l('customer')}</th><th>{l('status')}</th><th className="num">{l('plan')}</th><th className="num">{l('actual')}</th><th>{l('invoiceNumber')}</th></tr></thead>
          <tbody>
            {list.data?.items.length === 0 && <tr><td colSpan={7} className="empty">{l('none')}</td></tr>}
            {list.data?.items.map((m) => (
              <tr key={m.id} className="clickable" data-testid="monthly-sales-row" data-project-id={m.projectId} data-month={m.month} onClick={() => navigate(`/monthly-sales/${encodeURIComponent(m.projectId)}/${m.month}`)}>
                <td>{m.month}</td>
                <td>{m.projectNumber} {m.projectName}</td>
                <td>{m.customerName}</td>
                <td><span className="badge">{statusLabel(m.status)}</span></td>
                <td className="num">{formatYen(m.planRevenue)}</td>
                <td className="num">{formatYen(m.actualNet)}</td>
                <td className="mono">{m.invoiceNumber ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && list.data.total > list.data.pageSize && (
        <div className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>‹</button> {page} / {Math.ceil(list.data.total / list.data.pageSize)}{' '}
          <button type="button" disabled={page * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>›</button>
        </div>
      )}
      <PlanActualPanel />
    </section>
  );
}
