import { Link } from 'react-router';
import { formatYen } from '@sss/contracts/domain/money';
import { salesLabels, monthlySalesStatusLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { projectStatusLabels } from '../i18n/codes.ts';
import type { ProjectStatus } from '@sss/contracts/project/status';
import { useDashboard } from './queries.ts';
import { BarChart } from './BarChart.tsx';
import './sales.css';
import { Dot } from '../components/Dot.tsx';

/** The home dashboard: this month's sales vs plan, the 6-month trend, pipeline, approvals waiting, overdue invoices. */
export function SalesDashboard() {
  const l = useLabels(salesLabels);
  const status = useLabels(monthlySalesStatusLabels);
  const projectStatus = useLabels(projectStatusLabels);
  const dashboard = useDashboard();
  const d = dashboard.data;
  if (!d) return null;
  return (
    <section className="dashboard" data-testid="sales-dashboard">
      <h2>{l('dashboardTitle')}</h2>
      <div className="tiles">
        <div className="tile" data-testid="dashboard-this-month">{l('thisMonth')}<br /><strong>{formatYen(d.thisMonth.actual)}</strong> / {formatYen(d.thisMonth.plan)}（{d.thisMonth.plan ? Math.round((d.thisMonth.actual / d.thisMonth.plan) * 100) : 0}%）</div>
        <Link className="tile" to="/monthly-sales?status=checking" data-testid="dashboard-approvals">{l('approvalsWaiting')}<br /><strong>{d.approvalsWaiting}</strong></Link>
        <Link className="tile" to="/invoices/receivables" data-testid="dashboard-overdue">{l('overdue')}<br /><strong>{d.overdue.count}</strong>（{formatYen(d.overdue.outstanding)}）</Link>
      </div>
      <h3>{l('trend')}</h3>
      <BarChart bars={d.trend.map((t) => ({ label: t.month.slice(2), values: [t.plan, t.actual] }))} series={[l('plan'), l('actual')]} />
      <h3>{l('pipeline')}</h3>
      <ul className="inline-list">
        {d.pipeline.map((p) => <li key={p.status}>{projectStatus(p.status as ProjectStatus)}: {p.count}</li>)}
        {d.monthsByStatus.filter((m) => m.count > 0).map((m) => <li key={m.status}>{l('listTitle')}<Dot />{status(m.status)}: {m.count}</li>)}
      </ul>
    </section>
  );
}
