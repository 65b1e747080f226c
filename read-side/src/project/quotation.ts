import { formatNumber } from '@sss/contracts/domain/money';
import { TAX_CATEGORY_LABELS } from '@sss/contracts/project/estimate-schemas';
import type { EstimateView } from '@sss/contracts/project/views';
import { renderXlsx } from '../documents/xlsx.ts';
import { renderPdf, type PdfSpec } from '../documents/pdf.ts';
import { addressedTo } from '@sss/contracts/domain/honorific';

/**
 * 見積書 (docs/domain.md §Documents) from one version of the 見積 read model: addressee, 見積番号, dates, subject,
 * period, lines, subtotal / tax per rate / total, conditions, the issuer and the seal boxes 営業管理部
 * stamps after approval. A draft prints 「（下書き）」 instead of a number, so it cannot pass for issued.
 */

type Version = EstimateView['versions'][number];

const numberOf = (v: Version) => v.estimateNumber ?? '（下書き）';
export const SEAL_LABELS = ['承認', '審査', '担当'] as const;

export function quotationFilename(estimate: EstimateView, v: Version, ext: 'xlsx' | 'pdf'): string {
  return `見積書_${v.estimateNumber ?? `${estimate.projectNumber}-draft${v.version}`}.${ext}`;
}

function headerFields(estimate: EstimateView, v: Version, issuerName: string): [string, string][] {
  return [
    ['宛先', addressedTo(v.addressee)],
    ['見積番号', numberOf(v)],
    // Which version an approver saw: 「第2版（稟議 R-0042 承認済）」, or that it is not approved yet.
    ['版', v.approval ? v.approval.label : `第${v.version}版（未承認）`],
    ['発行日', v.issuedOn ?? ''],
    ['有効期限', v.validUntil],
    ['件名', v.subject],
    ['案件番号', estimate.projectNumber],
    ['作業期間', `${v.periodStart} 〜 ${v.periodEnd}`],
    ['納品場所', v.deliveryPlace],
    ['支払条件', v.paymentTerms],
    ['発行者', issuerName],
  ];
}

function totals(v: Version): [string, number][] {
  return [
    ['小計', v.subtotal],
    ...v.byRate.map((r): [string, number] => [`消費税（${TAX_CATEGORY_LABELS[r.taxCategory]}対象 ${formatNumber(r.subtotal)}円）`, r.tax]),
    ['合計（税込）', v.total],
  ];
}

export function renderQuotationXlsx(estimate: EstimateView, v: Version, issuerName: string): Promise<Buffer> {
  return renderXlsx([
    {
      name: '見積書',
      title: '御見積書',
      fields: [...headerFields(estimate, v, issuerName), ['御見積金額（税込）', v.total]],
      columns: [
        { header: '作業項目', key: 'workItem', width: 36 },
        { header: '数量', key: 'quantity', width: 8 },
        { header: '単位', key: 'unit', width: 8 },
        { header: '単価', key: 'unitPrice', yen: true },
        { header: '税区分', key: 'tax', width: 10 },
        { header: '金額', key: 'amount', yen: true },
      ],
      rows: [
        ...v.lines.map((l) => ({ workItem: l.workItem, quantity: Number(l.quantity), unit: l.unit, unitPrice: l.unitPrice, tax: TAX_CATEGORY_LABELS[l.taxCategory], amount: l.amount })),
        ...totals(v).map(([label, amount]) => ({ workItem: label, amount })),
        ...(v.conditions ? [{ workItem: `前提条件: ${v.conditions}` }] : []),
      ],
      stamp: [...SEAL_LABELS, '印'],
    },
  ]);
}

export function quotationPdfSpec(estimate: EstimateView, v: Version, issuerName: string): PdfSpec {
  return {
    title: `見積書 ${numberOf(v)}`,
    blocks: [
      { kind: 'title', text: '御見積書' },
      { kind: 'text', text: addressedTo(v.addressee), bold: true, size: 13 },
      { kind: 'text', text: `${issuerName}\u3000印`, align: 'right', bold: true },
      { kind: 'space' },
      { kind: 'fields', rows: headerFields(estimate, v, issuerName).filter(([label]) => label !== '宛先' && label !== '発行者') },
      { kind: 'space' },
      { kind: 'text', text: `御見積金額（税込）\u3000${formatNumber(v.total)} 円`, bold: true, size: 14 },
      { kind: 'space', lines: 0.5 },
      {
        kind: 'table',
        columns: [
          { header: '作業項目', width: 36 },
          { header: '数量', width: 8, align: 'right' },
          { header: '単位', width: 8, align: 'center' },
          { header: '単価', width: 14, align: 'right' },
          { header: '税区分', width: 10, align: 'center' },
          { header: '金額', width: 16, align: 'right' },
        ],
        rows: v.lines.map((l) => [l.workItem, l.quantity, l.unit, formatNumber(l.unitPrice), TAX_CATEGORY_LABELS[l.taxCategory], formatNumber(l.amount)]),
        footer: totals(v).map(([label, amount]) => [label, '', '', '', '', formatNumber(amount)]),
      },
      ...(v.conditions ? [{ kind: 'heading' as const, text: '前提条件' }, { kind: 'text' as const, text: v.conditions }] : []),
      { kind: 'space' },
      { kind: 'stamp', labels: [...SEAL_LABELS, '印'] },
    ],
  };
}

export const renderQuotationPdf = (estimate: EstimateView, v: Version, issuerName: string): Promise<Buffer> => renderPdf(quotationPdfSpec(estimate, v, issuerName));
