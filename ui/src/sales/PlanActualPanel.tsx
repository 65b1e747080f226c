import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { exportUrl } from '../api/sales.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { salesLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { contractTypeLabels } from '../i18n/codes.ts';
import type { CONTRACT_TYPES } from '@sss/contracts/project/fields';
import { salesQueries, usePlanActual } from './queries.ts';
import { RangeDash } from '../components/RangeDash.tsx';

type ContractType = (typeof CONTRACT_TYPES)[number];
import { ClosedMonthBadge } from '../finance/index.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';

/** 月次売上予実 by month × org unit; the CSV / Excel carry the same rows. */
export function PlanActualPanel() {
  const l = useLabels(salesLabels);
  const contractTypeLabel = useLabels(contractTypeLabels);
  const contractType = (key: ContractType) => (key ? contractTypeLabel(key) : '—');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = usePlanActual({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const [open, setOpen] = useState<{ month: string; orgUnitId: string } | null>(null);
  const drill = useQuery(salesQueries.planActualProjects(open));
  const byCustomer = useQuery(salesQueries.salesBy('customer'));
  const byContract = useQuery(salesQueries.salesBy('contract-type'));
  return (
    <section data-testid="plan-actual">
      <h2>{l('planActual')}</h2>
      <div className="toolbar">
        <input type="month" aria-label={l('from')} value={from} onChange={(e) => setFrom(e.target.value)} />
        <RangeDash />
        <input type="month" aria-label={l('to')} value={to} onChange={(e) => setTo(e.target.value)} />
        <DownloadLink href={exportUrl('sales-plan-actual', 'csv', { fromMonth: from, toMonth: to })}>{l('exportCsv')}</DownloadLink>{' '}
        <DownloadLink href={exportUrl('sales-plan-actual', 'xlsx', { fromMonth: from, toMonth: to })}>{l('exportXlsx')}</DownloadLink>{' '}
        <DownloadLink href={exportUrl('sales-by-customer', 'xlsx', { fromMonth: from, toMonth: to })}>{l('byCustomer')}</DownloadLink>{' '}
        <DownloadLink href={exportUrl('sales-by-contract-type', 'xlsx', { fromMonth: from, toMonth: to })}>{l('byContractType')}</DownloadLink>
      </div>
      <table className="table">
        <thead><tr><th>{l('month')}</th><th>{l('orgUnit')}</th><th className="num">{l('plan')}</th><th className="num">{l('actual')}</th><th className="num">{l('difference')}</th></tr></thead>
        <tbody>
          {report.data?.rows.map((r) => {
            const isOpen = open?.month === r.month && open.orgUnitId === r.orgUnitId;
            return (
              <Fragment key={`${r.month}-${r.orgUnitId}`}>
                <tr className="clickable" data-testid="plan-actual-row" onClick={() => setOpen(isOpen ? null : { month: r.month, orgUnitId: r.orgUnitId })}>
                  <td>{isOpen ? '▾' : '▸'} {r.month} <ClosedMonthBadge month={r.month} /></td><td>{r.orgUnitName}</td><td className="num">{formatYen(r.plan)}</td><td className="num">{formatYen(r.actual)}</td><td className="num">{formatYen(r.difference)}</td>
                </tr>
                {isOpen && drill.data?.items.map((m) => (
                  <tr key={m.id} className="subtle" data-testid="plan-actual-project">
                    <td /><td><Link to={`/monthly-sales/${encodeURIComponent(m.projectId)}/${m.month}`}>{m.projectNumber} {m.projectName}</Link></td>
                    <td className="num">{formatYen(m.planRevenue)}</td><td className="num">{formatYen(m.confirmedNet)}</td><td className="num">{formatYen(m.confirmedNet - m.planRevenue)}</td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
          {report.data && <tr><th colSpan={2}>{l('total')}</th><th className="num">{formatYen(report.data.totals.plan)}</th><th className="num">{formatYen(report.data.totals.actual)}</th><th className="num">{formatYen(report.data.totals.actual - report.data.totals.plan)}</th></tr>}
        </tbody>
      </table>
      <div className="sales-form">
        {[{ title: l('byCustomer'), rows: byCustomer.data?.rows, label: (_key: string, label: string) => <span data-user-data>{label}</span> }, { title: l('byContractType'), rows: byContract.data?.rows, label: (key: string) => contractType(key as ContractType) }].map((t) => (
          <table key={t.title} className="table">
            <thead><tr><th>{t.title}</th><th className="num">{l('plan')}</th><th className="num">{l('actual')}</th></tr></thead>
            <tbody>{t.rows?.map((r) => <tr key={r.key}><td>{t.label(r.key, r.label)}</td><td className="num">{formatYen(r.plan)}</td><td className="num">{formatYen(r.actual)}</td></tr>)}</tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
