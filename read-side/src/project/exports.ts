import type { OrderView, ProjectListRow } from '@sss/contracts/project/views';
import { toCsv } from '../documents/csv.ts';
import { renderXlsx } from '../documents/xlsx.ts';
import { formatDateSlashed, formatDateTimeJst } from '@sss/contracts/domain/dates';

/**
 * 案件一覧 and 受注一覧 as files for Excel (CSV with BOM and CRLF via toCsv; xlsx via the adapter).
 * One way to write time in every export: dates as 2026/12/01, instants in Japanese time with their
 * offset (2026-12-01T09:00:00+09:00), never UTC that a reader would take for local time.
 */

const ORDER_STATUS_LABELS: Record<OrderView['status'], string> = { registered: '受注登録済', confirmed: '受注確定', cancelled: '取消' };

export function projectListCsv(rows: readonly ProjectListRow[]): Buffer {
  return toCsv(
    ['案件番号', '案件名', '顧客会社', '主管部', '会計区分', 'プロジェクトリーダー', '契約形態', 'サービス種別', '開始日', '終了日', 'ステータス', '売上', '原価', '粗利', '粗利率(%)', '受注稟議番号', '更新日時'],
    rows.map((r) => [
      r.projectNumber, r.name, r.customer.name, r.supervisingOrgUnit.name, r.accountingUnit, r.leader.name, r.contractType, r.serviceType, formatDateSlashed(r.startDate), formatDateSlashed(r.endDate),
      r.statusLabel, r.revenue, r.cost, r.grossProfit, r.grossMarginPercent, r.orderRingiNumber, r.updatedAt ? formatDateTimeJst(new Date(r.updatedAt)) : '',
    ]),
  );
}

const ORDER_HEADER = ['案件番号', '案件名', '顧客会社', '主管部', '契約形態', 'サービス種別', '契約期間（開始）', '契約期間（終了）', '受注金額', 'うち人件費', '受注日', '注文No', '受注稟議番号', 'プロジェクトリーダー', '状態'];
const orderCells = (o: OrderView) => [
  o.projectNumber, o.projectName, o.customer.name, o.supervisingOrgUnit.name, o.contractType, o.serviceType, formatDateSlashed(o.periodStart), formatDateSlashed(o.periodEnd),
  o.orderAmount, o.labourAmount, formatDateSlashed(o.orderDate), o.customerPoNumber, o.ringiNumber, o.leader.name, ORDER_STATUS_LABELS[o.status],
];

export function orderListCsv(orders: readonly OrderView[]): Buffer {
  return toCsv(ORDER_HEADER, orders.map(orderCells));
}

/** The Excel report adds the monthly plan (売上計画) of every confirmed order, one column per month. */
export function orderListXlsx(orders: readonly OrderView[]): Promise<Buffer> {
  const months = [...new Set(orders.flatMap((o) => o.salesPlan.map((m) => m.month)))].sort();
  const keys = ORDER_HEADER.map((_, i) => `c${i}`);
  const yenColumns = new Set([8, 9]);
  return renderXlsx([
    {
      name: '受注一覧',
      title: '受注一覧',
      columns: [
        ...ORDER_HEADER.map((header, i) => ({ header, key: keys[i]!, yen: yenColumns.has(i), width: i === 1 ? 28 : 14 })),
        ...months.map((m) => ({ header: `計画 ${m}`, key: m, yen: true, width: 12 })),
      ],
      rows: orders.map((o) => {
        const row: Record<string, string | number | null> = Object.fromEntries(orderCells(o).map((v, i) => [keys[i]!, v]));
        for (const m of o.salesPlan) row[m.month] = m.revenue;
        return row;
      }),
    },
  ]);
}
