import { useState } from 'react';
import { exportUrl } from '../api/sales.ts';
import { formatYen } from '../format/yen.ts';
import { useSalesLabels } from './labels.ts';
import { usePlanActual } from './queries.ts';

/** 月次売上予実 by month × org unit; the CSV / Excel carry the same rows. */
export function PlanActualPanel() {
  const { l } = useSalesLabels();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const report = usePlanActual({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  return (
    <section data-testid="plan-actual">
      <h2>{l('planActual')}</h2>
      <div className="toolbar">
        <input type="month" aria-label={l('from')} value={from} onChange={(e) => setFrom(e.target.value)} />〜
        <input type="month" aria-label={l('to')} value={to} onChange={(e) => setTo(e.target.value)} />
        <a href={exportUrl('sales-plan-actual', 'csv', { fromMonth: from, toMonth: to })} download>{l('exportCsv')}</a>{' '}
        <a href={exportUrl('sales-plan-actual', 'xlsx', { fromMonth: from, toMonth: to })} download>{l('exportXlsx')}</a>{' '}
        <a href={exportUrl('sales-by-customer', 'xlsx', { fromMonth: from, toMonth: to })} download>{l('byCustomer')}</a>{' '}
        <a href={exportUrl('sales-by-contract-type', 'xlsx', { fromMonth: from, toMonth: to })} download>{l('byContractType')}</a>
      </div>
      <table className="table">
        <thead><tr><th>{l('month')}</th><th>{l('orgUnit')}</th><th className="num">{l('plan')}</th><th className="num">{l('actual')}</th><th className="num">{l('difference')}</th></tr></thead>
        <tbody>
          {report.data?.rows.map((r) => (
            <tr key={`${r.month}-${r.orgUnitId}`}><td>{r.month}</td><td>{r.orgUnitName}</td><td className="num">{formatYen(r.plan)}</td><td className="num">{formatYen(r.actual)}</td><td className="num">{formatYen(r.difference)}</td></tr>
          ))}
          {report.data && <tr><th colSpan={2}>{l('total')}</th><th className="num">{formatYen(report.data.totals.plan)}</th><th className="num">{formatYen(report.data.totals.actual)}</th><th className="num">{formatYen(report.data.totals.actual - report.data.totals.plan)}</th></tr>}
        </tbody>
      </table>
    </section>
  );
}
