import type { OrderView } from '@sss/contracts/project/views';
import { DetailList } from '../companies/DetailList.tsx';
import { formatDateTime } from '../format/date.ts';
import { formatYen } from '../format/yen.ts';

const STATUS = { registered: '登録済（受注稟議前）', confirmed: '受注確定', cancelled: '取消' } as const;

/** Where the order stands: 受注稟議番号 once approved, and the monthly sales plan derived at confirmation. */
export function OrderSummary({ order }: { order: OrderView }) {
  return (
    <section className="panel" data-testid="order-summary">
      <DetailList
        rows={[
          { label: '受注状態', value: STATUS[order.status], testId: 'orderStatus' },
          { label: '受注稟議番号', value: order.ringiNumber ?? '', testId: 'ringiNumber' },
          { label: '承認日時', value: formatDateTime(order.approvedAt), testId: 'approvedAt' },
          { label: '計画との差額', value: order.differenceFromOrderAmount === null ? '' : formatYen(order.differenceFromOrderAmount), testId: 'difference', num: true },
        ]}
      />
      {order.salesPlan.length > 0 && (
        <table className="table compact" data-testid="sales-plan">
          <thead>
            <tr>
              <th>売上月</th>
              <th className="num">売上</th>
              <th className="num">原価</th>
              <th className="num">粗利</th>
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
