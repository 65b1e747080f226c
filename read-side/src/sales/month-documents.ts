import type { MonthlySalesView } from '@sss/contracts/sales/views';
import type { DocumentKind } from '@sss/contracts/sales/views';
import { renderPdf, type PdfSpec } from '../documents/pdf.ts';
import { renderXlsx, type SheetSpec } from '../documents/xlsx.ts';
import { formatNumber, formatYenJapanese } from '@sss/contracts/domain/money';
import { formatDateJapanese } from '@sss/contracts/domain/dates';
import { formatMonthJapanese } from '@sss/contracts/domain/months';
import { addressedTo } from '@sss/contracts/domain/honorific';
import type { SalesReportContent } from '@sss/contracts/sales/sales-report';
import type { ExpenseActual } from '@sss/contracts/sales/schemas';

/**
 * Documents of one project-month: 売上連絡票 (Excel and PDF, the fields of the 売上実績と請求情報
 * screen, docs/domain.md §Documents), 納品書 and 検収書 (PDF; the customer returns the 検収書 stamped).
 */

type Draft = { recipientName: string; subject: string; poNumber: string; invoiceDate: string; dueDate: string; paymentTerms: string; periodStart: string; periodEnd: string; lines: { description: string; quantity: string; unit: string; unitPrice: number; taxRate: number; taxIncluded: boolean }[] };
const draftOf = (m: MonthlySalesView) => (m.invoice ?? null) as Draft | null;

function slipFields(c: SalesReportContent): [string, string][] {
  return [
    ['案件番号', c.projectNumber], ['案件名', c.projectName], ['顧客', c.customerName], ['請求先', c.recipientName], ['売上月', formatMonthJapanese(c.month)],
    ['契約形態', c.contractType], ['売上計画', formatYenJapanese(c.planRevenue)], ['売上実績（人件費）', formatYenJapanese(c.labourSales)],
    ['精算金額', formatYenJapanese(c.settlement.amount)], ['精算理由', c.settlement.reason], ['実費 売上合計', formatYenJapanese(c.expenseSales)],
    ['売上実績（税抜）', formatYenJapanese(c.actualNet)], [`消費税（${c.taxRate}%）`, formatYenJapanese(c.actualTax)], ['売上実績（税込）', formatYenJapanese(c.actualGross)],
    ['請求日', formatDateJapanese(c.invoiceDate)], ['支払日', formatDateJapanese(c.dueDate)], ['支払条件', c.paymentTerms], ['注文No', c.poNumber],
  ];
}

const expenseColumns = [
  { header: 'リソース種別', width: 2 }, { header: '名称', width: 3 }, { header: '内税', width: 1, align: 'center' as const },
  { header: '原価', width: 2, align: 'right' as const }, { header: '提示単価', width: 2, align: 'right' as const }, { header: '数量', width: 1, align: 'right' as const },
];

function salesSlipPdf(c: SalesReportContent): PdfSpec {
  return {
    title: `売上連絡票 ${c.projectNumber} ${c.month}`,
    blocks: [
      { kind: 'title', text: '売上連絡票' },
      { kind: 'fields', rows: slipFields(c) },
      { kind: 'heading', text: '実費' },
      { kind: 'table', columns: expenseColumns, rows: c.expenses.map((e) => [e.kind, e.name, e.taxIncluded ? '○' : '', formatNumber(e.cost), formatNumber(e.price), e.quantity]) },
    ],
  };
}

function salesSlipXlsx(c: SalesReportContent): Promise<Buffer> {
  const sheet: SheetSpec = {
    name: '売上連絡票',
    title: '売上連絡票',
    fields: [
      ...slipFields(c).filter(([label]) => !/売上|精算金額|消費税|実費/.test(label)),
      ['売上計画', c.planRevenue], ['売上実績（人件費）', c.labourSales], ['精算金額', c.settlement.amount], ['実費 売上合計', c.expenseSales],
      ['売上実績（税抜）', c.actualNet], [`消費税（${c.taxRate}%）`, c.actualTax], ['売上実績（税込）', c.actualGross],
    ],
    columns: [
      { header: 'リソース種別', key: 'kind' }, { header: '名称', key: 'name', width: 24 }, { header: '内税', key: 'taxIncluded', width: 8 },
      { header: '原価', key: 'cost', yen: true }, { header: '提示単価', key: 'price', yen: true }, { header: '数量', key: 'quantity', width: 8 },
    ],
    rows: c.expenses.map((e) => ({ kind: e.kind, name: e.name, taxIncluded: e.taxIncluded ? '○' : '', cost: e.cost, price: e.price, quantity: e.quantity })),
  };
  return renderXlsx([sheet]);
}

/** The 売上連絡票 the month would issue now (the draft the screen previews); an issued one prints its frozen content. */
function contentOf(m: MonthlySalesView): SalesReportContent {
  const d = draftOf(m);
  return {
    projectNumber: m.projectNumber, projectName: m.projectName, customerId: m.customerId, customerName: m.customerName, month: m.month, contractType: m.contractType,
    planRevenue: m.planRevenue, labourSales: m.labourSales, settlement: m.settlement, taxRate: m.taxRate, expenses: m.expenses as unknown as ExpenseActual[], expenseSales: m.expenseSales,
    actualNet: m.actualNet, actualTax: m.actualTax, actualGross: m.actualGross,
    recipientName: d?.recipientName ?? '', invoiceDate: d?.invoiceDate ?? '', dueDate: d?.dueDate ?? '', paymentTerms: d?.paymentTerms ?? '', poNumber: d?.poNumber ?? '',
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An issued 売上連絡票 re-printed from the content frozen at its issue (the file name carries the issue number). */
export async function renderIssuedSalesReport(format: 'pdf' | 'xlsx', c: SalesReportContent, issueNo: number): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const name = `売上連絡票_${c.projectNumber}_${c.month}_第${issueNo}版.${format}`;
  return format === 'pdf' ? { body: await renderPdf(salesSlipPdf(c)), contentType: 'application/pdf', filename: name } : { body: await salesSlipXlsx(c), contentType: XLSX, filename: name };
}

function deliveryOrAcceptance(m: MonthlySalesView, kind: '納品書' | '検収書', issuerName: string): PdfSpec {
  const d = draftOf(m);
  const lines = d?.lines ?? [];
  const acceptance = kind === '検収書';
  return {
    title: `${kind} ${m.projectNumber} ${m.month}`,
    blocks: [
      { kind: 'title', text: kind },
      { kind: 'text', text: addressedTo(acceptance ? issuerName : (d?.recipientName ?? m.customerName)), bold: true, size: 12 },
      { kind: 'text', text: acceptance ? `${d?.recipientName ?? m.customerName}` : issuerName, align: 'right' },
      { kind: 'space', lines: 0.5 },
      { kind: 'text', text: acceptance ? '下記のとおり検収いたしました。' : '下記のとおり納品いたします。' },
      { kind: 'fields', rows: [['案件', `${m.projectNumber} ${m.projectName}`], ['件名', d?.subject ?? ''], ['作業期間', `${formatDateJapanese(d?.periodStart ?? '')} 〜 ${formatDateJapanese(d?.periodEnd ?? '')}`], ['注文No', d?.poNumber ?? ''], ['金額（税抜）', formatYenJapanese(m.actualNet)]] },
      { kind: 'space', lines: 0.5 },
      { kind: 'table', columns: [{ header: '品名・作業内容', width: 6 }, { header: '数量', width: 1.5, align: 'right' }, { header: '単位', width: 1, align: 'center' }, { header: '単価（円）', width: 2.5, align: 'right' }], rows: lines.map((l) => [l.description, l.quantity, l.unit, formatNumber(l.unitPrice)]) },
      ...(acceptance ? [{ kind: 'text' as const, text: '検収日:　　　　年　　月　　日' }, { kind: 'stamp' as const, labels: ['検収印'] }] : []),
    ],
  };
}

export async function renderMonthDocument(kind: DocumentKind, m: MonthlySalesView, issuerName: string): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const base = `${m.projectNumber || m.projectId}_${m.month}`;
  switch (kind) {
    case 'sales-slip.xlsx':
      return { body: await salesSlipXlsx(contentOf(m)), contentType: XLSX, filename: `売上連絡票_${base}.xlsx` };
    case 'sales-slip.pdf':
      return { body: await renderPdf(salesSlipPdf(contentOf(m))), contentType: 'application/pdf', filename: `売上連絡票_${base}.pdf` };
    case 'delivery-note.pdf':
      return { body: await renderPdf(deliveryOrAcceptance(m, '納品書', issuerName)), contentType: 'application/pdf', filename: `納品書_${base}.pdf` };
    case 'acceptance.pdf':
      return { body: await renderPdf(deliveryOrAcceptance(m, '検収書', issuerName)), contentType: 'application/pdf', filename: `検収書_${base}.pdf` };
  }
}
