import type { OrderView } from '@sss/contracts/project/views';
import { DetailList } from '../components/DetailList.tsx';
import { formatDateTime } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';

const STATUS = { registered: 'orderRegistered', confirmed: 'orderConfirmed', cancelled: 'orderCancelled' } as const;

/** Where the order stands: 受注稟議番号 once approved, and the monthly sales plan derived at confirmation. */
export function OrderSummary({ order }: { order: OrderView }) {
  const text = useLabels(projectLabels);
  return (
    <section className="panel" data-testid="order-summary">
      <DetailList
        rows={[
          { label: text('orderState'), value: text(STATUS[order.status]), testId: 'orderStatus' },
          { label: text('ringiNumber'), value: order.ringiNumber ?? '', testId: 'ringiNumber' },
          { label: text('approvedAt'), value: formatDateTime(order.approvedAt), testId: 'approvedAt' },
          { label: text('differenceFromPlan'), value: order.differenceFromOrderAmount === null ? '' : formatYen(order.differenceFromOrderAmount), testId: 'difference', num: true },
        ]}
      />
      {order.salesPlan.length > 0 && (
        <table className="table compact" data-testid="sales-plan">
          <thead>
            <tr>
              <th>{text('salesMonth')}</th>
              <th className="num">{text('revenue')}</th>
              <th className="num">{text('cost')}</th>
              <th className="num">{text('grossProfit')}</th>
            </tr>
          </thead>
          <tbody>
            {order.salesPlan.map((m) => (
              <tr key={m.month} data-testid="sales-plan-row" data-month={m.month}>
                <td>{m.month}</td>
                <td className="num">{formatYen(m.revenue)}</td>
                <td className="num">{formatYen(m.cost)}</td>
                <td className="num">{formatYen(m.grossProfit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
