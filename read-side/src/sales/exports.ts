import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { ExportQuery } from '@sss/contracts/sales/views';
import { MONTHLY_SALES_STATUS_LABELS, type MonthlySalesStatus } from '@sss/contracts/sales/status';
import { toCsv } from '../documents/csv.ts';
import { renderXlsx } from '../documents/xlsx.ts';
import { receivables } from './aging.ts';
import { planActual, salesBy } from './reports.ts';
import { invoiceFilter } from './invoice-search.ts';
import { INVOICES, MONTHLY_SALES } from './projection.ts';
import { formatDateSlashed } from '@sss/contracts/domain/dates';
import { allRows } from '../http/all-rows.ts';

/** Every finance list as CSV (UTF-8 BOM, CRLF) or Excel, from the same rows the screens show. */

interface Table {
  readonly title: string;
  /** `date`: written 2026/12/01, as every export writes a date. */
  readonly columns: readonly { header: string; key: string; yen?: boolean; date?: boolean }[];
  readonly rows: readonly Record<string, string | number | null>[];
}

async function tableOf(store: ReadStore, list: string, q: ExportQuery, today: string): Promise<Table> {
  const period = { ...(q.fromMonth ? { from: q.fromMonth } : {}), ...(q.toMonth ? { to: q.toMonth } : {}) };
  switch (list) {
    case 'invoices': {
      const docs = await allRows(store, INVOICES, invoiceFilter(q), { issuedOn: -1 });
      return {
        title: '請求一覧',
        columns: [
          { header: '請求書番号', key: 'invoiceNumber' }, { header: '状態', key: 'state' }, { header: '発行日', key: 'issuedOn', date: true }, { header: '請求日', key: 'invoiceDate', date: true },
          { header: '取引先', key: 'recipientName' }, { header: '件名', key: 'subject' }, { header: '税抜', key: 'net', yen: true }, { header: '消費税', key: 'tax', yen: true },
          { header: '税込', key: 'gross', yen: true }, { header: '入金済', key: 'paid', yen: true }, { header: '未入金', key: 'outstanding', yen: true }, { header: '支払期限', key: 'dueDate', date: true }, { header: '訂正元', key: 'replaces' },
        ],
        rows: docs.map((d) => ({ ...(d as Record<string, string | number | null>), state: d.state === 'replaced' ? '訂正済（置換）' : '有効' })),
      };
    }
    case 'receivables': {
      const r = receivables(await allRows(store, INVOICES, { state: 'current', outstanding: { $gt: 0 } }), q.asOf ?? today);
      return {
        title: `売掛金年齢表（${r.asOf}）`,
        columns: [
          { header: '請求書番号', key: 'invoiceNumber' }, { header: '取引先', key: 'recipientName' }, { header: '案件番号', key: 'projectNumber' }, { header: '発行日', key: 'issuedOn', date: true },
          { header: '支払期限', key: 'dueDate', date: true }, { header: '請求額', key: 'gross', yen: true }, { header: '入金済', key: 'paid', yen: true }, { header: '未入金', key: 'outstanding', yen: true }, { header: '超過日数', key: 'daysOverdue' }, { header: '区分', key: 'bucket' },
        ],
        rows: r.rows.map((row) => ({ ...row })),
      };
    }
    case 'sales-plan-actual': {
      const r = await planActual(store, period);
      return { title: '月次売上予実', columns: [{ header: '月', key: 'month' }, { header: '組織', key: 'orgUnitName' }, { header: '計画', key: 'plan', yen: true }, { header: '実績', key: 'actual', yen: true }, { header: '差異', key: 'difference', yen: true }, { header: '案件数', key: 'projects' }], rows: r.rows.map((row) => ({ ...row })) };
    }
    case 'sales-by-customer':
    case 'sales-by-contract-type': {
      const rows = await salesBy(store, list === 'sales-by-customer' ? 'customerId' : 'contractType', period);
      return { title: list === 'sales-by-customer' ? '顧客別売上' : '契約形態別売上', columns: [{ header: list === 'sales-by-customer' ? '顧客' : '契約形態', key: 'label' }, { header: '計画', key: 'plan', yen: true }, { header: '実績', key: 'actual', yen: true }, { header: '請求額（税込）', key: 'invoiced', yen: true }, { header: '月数', key: 'months' }], rows: rows.map((row) => ({ ...row })) };
    }
    default: {
      const docs = await allRows(store, MONTHLY_SALES, period.from || period.to ? { month: { ...(period.from ? { $gte: period.from } : {}), ...(period.to ? { $lte: period.to } : {}) } } : {}, { month: 1 });
      return {
        title: '月次売上一覧',
        columns: [{ header: '月', key: 'month' }, { header: '案件番号', key: 'projectNumber' }, { header: '案件名', key: 'projectName' }, { header: '顧客', key: 'customerName' }, { header: '状態', key: 'statusLabel' }, { header: '計画', key: 'planRevenue', yen: true }, { header: '実績（税抜）', key: 'actualNet', yen: true }, { header: '消費税', key: 'actualTax', yen: true }, { header: '請求書番号', key: 'invoiceNumber' }],
        rows: docs.map((d) => ({ ...(d as Record<string, string | number | null>), statusLabel: MONTHLY_SALES_STATUS_LABELS[d.status as MonthlySalesStatus] })),
      };
    }
  }
}

export async function exportList(store: ReadStore, list: string, q: ExportQuery, today: string): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const raw = await tableOf(store, list, q, today);
  const cell = (column: Table['columns'][number], value: string | number | null | undefined) => (column.date && typeof value === 'string' ? formatDateSlashed(value) : (value ?? ''));
  const table: Table = { ...raw, rows: raw.rows.map((r) => Object.fromEntries(raw.columns.map((c) => [c.key, cell(c, r[c.key])]))) };
  const name = `${table.title.replace(/[（）()]/g, '_')}_${today}`;
  if (q.format === 'csv') {
    return { body: toCsv(table.columns.map((c) => c.header), table.rows.map((r) => table.columns.map((c) => r[c.key] ?? ''))), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }
  const body = await renderXlsx([{ name: table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ''), title: table.title, columns: table.columns.map((c) => ({ ...c, width: 16 })), rows: table.rows }]);
  return { body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx` };
}
