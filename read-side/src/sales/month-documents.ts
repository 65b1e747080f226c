import type { MonthlySalesView } from '@sss/contracts/sales/views';
import type { DocumentKind } from '@sss/contracts/sales/views';
import { renderPdf, type PdfSpec } from '../documents/pdf.ts';
import { renderXlsx, type SheetSpec } from '../documents/xlsx.ts';
import { formatNumber, formatYenJapanese } from '@sss/contracts/domain/money';
import { formatDateJapanese } from '@sss/contracts/domain/dates';
import { formatMonthJapanese } from '@sss/contracts/domain/months';
import { addressedTo } from '@sss/contracts/domain/honorific';

/**
 * Documents of one project-month: 売上連絡票 (Excel and PDF, the fields of the 売上実績と請求情報
 * screen, docs/domain.md §Documents), 納品書 and 検収書 (PDF; the customer returns the 検収書 stamped).
 */

type Draft = { recipientName: string; subject: string; poNumber: string; invoiceDate: string; dueDate: string; paymentTerms: string; periodStart: string; periodEnd: string; lines: { description: string; quantity: string; unit: string; unitPrice: number; taxRate: number; taxIncluded: boolean }[] };
const draftOf = (m: MonthlySalesView) => (m.invoice ?? null) as Draft | null;

function slipFields(m: MonthlySalesView): [string, string][] {
  const d = draftOf(m);
  return [
    ['案件番号', m.projectNumber], ['案件名', m.projectName], ['顧客', m.customerName], ['請求先', d?.recipientName ?? ''], ['売上月', formatMonthJapanese(m.month)],
    ['契約形態', m.contractType], ['売上計画', formatYenJapanese(m.planRevenue)], ['売上実績（人件費）', formatYenJapanese(m.labourSales)],
    ['精算金額', formatYenJapanese(m.settlement.amount)], ['精算理由', m.settlement.reason], ['実費 売上合計', formatYenJapanese(m.expenseSales)],
    ['売上実績（税抜）', formatYenJapanese(m.actualNet)], [`消費税（${m.taxRate}%）`, formatYenJapanese(m.actualTax)], ['売上実績（税込）', formatYenJapanese(m.actualGross)],
    ['請求日', formatDateJapanese(d?.invoiceDate ?? '')], ['支払日', formatDateJapanese(d?.dueDate ?? '')], ['支払条件', d?.paymentTerms ?? ''], ['注文No', d?.poNumber ?? ''],
  ];
}

const expenseColumns = [
  { header: 'リソース種別', width: 2 }, { header: '名称', width: 3 }, { header: '内税', width: 1, align: 'center' as const },
  { header: '原価', width: 2, align: 'right' as const }, { header: '提示単価', width: 2, align: 'right' as const }, { header: '数量', width: 1, align: 'right' as const },
];

function salesSlipPdf(m: MonthlySalesView): PdfSpec {
  const expenses = m.expenses as { kind: string; name: string; taxIncluded: boolean; cost: number; price: number; quantity: string }[];
  return {
    title: `売上連絡票 ${m.projectNumber} ${m.month}`,
    blocks: [
      { kind: 'title', text: '売上連絡票' },
      { kind: 'fields', rows: slipFields(m) },
      { kind: 'heading', text: '実費' },
      { kind: 'table', columns: expenseColumns, rows: expenses.map((e) => [e.kind, e.name, e.taxIncluded ? '○' : '', formatNumber(e.cost), formatNumber(e.price), e.quantity]) },
    ],
  };
}

function salesSlipXlsx(m: MonthlySalesView): Promise<Buffer> {
  const expenses = m.expenses as Record<string, string | number | boolean>[];
  const sheet: SheetSpec = {
    name: '売上連絡票',
    title: '売上連絡票',
    fields: [
      ...slipFields(m).filter(([label]) => !/売上|精算金額|消費税|実費/.test(label)),
      ['売上計画', m.planRevenue], ['売上実績（人件費）', m.labourSales], ['精算金額', m.settlement.amount], ['実費 売上合計', m.expenseSales],
      ['売上実績（税抜）', m.actualNet], [`消費税（${m.taxRate}%）`, m.actualTax], ['売上実績（税込）', m.actualGross],
    ],
    columns: [
      { header: 'リソース種別', key: 'kind' }, { header: '名称', key: 'name', width: 24 }, { header: '内税', key: 'taxIncluded', width: 8 },
      { header: '原価', key: 'cost', yen: true }, { header: '提示単価', key: 'price', yen: true }, { header: '数量', key: 'quantity', width: 8 },
    ],
    rows: expenses.map((e) => ({ kind: String(e.kind), name: String(e.name), taxIncluded: e.taxIncluded ? '○' : '', cost: Number(e.cost), price: Number(e.price), quantity: String(e.quantity) })),
  };
  return renderXlsx([sheet]);
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
      return { body: await salesSlipXlsx(m), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `売上連絡票_${base}.xlsx` };
    case 'sales-slip.pdf':
      return { body: await renderPdf(salesSlipPdf(m)), contentType: 'application/pdf', filename: `売上連絡票_${base}.pdf` };
    case 'delivery-note.pdf':
      return { body: await renderPdf(deliveryOrAcceptance(m, '納品書', issuerName)), contentType: 'application/pdf', filename: `納品書_${base}.pdf` };
    case 'acceptance.pdf':
      return { body: await renderPdf(deliveryOrAcceptance(m, '検収書', issuerName)), contentType: 'application/pdf', filename: `検収書_${base}.pdf` };
  }
}
