import type { InvoiceView } from '@sss/contracts/sales/views';
import type { PdfSpec } from '../documents/pdf.ts';
import { formatNumber, formatYenJapanese } from '@sss/contracts/domain/money';
import { formatDateJapanese } from '@sss/contracts/domain/dates';
import { addressedTo } from '@sss/contracts/domain/honorific';

/**
 * 請求書 as a qualified invoice (適格請求書, docs/domain.md §Qualified invoices): (a) issuer name and registration
 * number, (b) transaction period, (c) descriptions with reduced-rate items marked ※, (d) total per
 * tax rate with the rate, (e) tax per rate, (f) recipient. A correction names the invoice it replaces.
 */
/**
 * To whom, and where: 〒 and 住所 above the customer's name, then the 請求書送付先. With a person the
 * honorific is theirs (「経理部 山田 花子 様」) and the company name goes without 御中; with only a
 * department, the department is 御中. An invoice that stated no address (未設定, or issued before
 * version 3) prints the name alone, as it was sent.
 */
function recipientBlocks(invoice: InvoiceView): PdfSpec['blocks'] {
  const to = invoice.recipientAddress;
  const small = (text: string) => ({ kind: 'text' as const, text, size: 9 });
  const where = [to?.postalCode ? `〒${to.postalCode}` : '', to?.address ?? ''].filter(Boolean);
  const department = to?.department?.trim() ?? '';
  const person = to?.person?.trim() ?? '';
  const name = { kind: 'text' as const, bold: true, size: 13 };
  if (!department && !person) return [...where.map(small), { ...name, text: addressedTo(invoice.recipientName) }];
  const attention = person ? `${department ? `${department}\u3000` : ''}${/(様|殿)$/.test(person) ? person : `${person} 様`}` : addressedTo(department);
  return [...where.map(small), { ...name, text: invoice.recipientName.trim().replace(/\s*御中$/, '') }, { kind: 'text', text: attention, size: 11 }];
}

export function invoicePdfSpec(invoice: InvoiceView): PdfSpec {
  const reduced = invoice.lines.some((l) => l.taxRate === 8);
  return {
    title: `請求書 ${invoice.invoiceNumber}`,
    blocks: [
      { kind: 'title', text: invoice.replaces ? '請求書（訂正）' : '請求書' },
      { kind: 'text', text: `請求書番号: ${invoice.invoiceNumber}\u3000発行日: ${formatDateJapanese(invoice.issuedOn)}`, align: 'right', size: 9 },
      ...(invoice.replaces ? [{ kind: 'text' as const, text: `本請求書は請求書番号 ${invoice.replaces} を訂正し、置き換えるものです。訂正理由: ${invoice.correctionReason}`, size: 9 }] : []),
      { kind: 'space', lines: 0.5 },
      ...recipientBlocks(invoice),
      { kind: 'space', lines: 0.5 },
      { kind: 'text', text: invoice.issuer.name, align: 'right', bold: true },
      { kind: 'text', text: `登録番号: ${invoice.issuer.registrationNumber}`, align: 'right', size: 9 },
      // What the invoice stated when issued: one issued before the address and 振込先 were printed has none (docs/billing.md §Issuer).
      ...(invoice.issuer.address ? [{ kind: 'text' as const, text: invoice.issuer.address, align: 'right' as const, size: 9 }] : []),
      ...(invoice.issuer.phone ? [{ kind: 'text' as const, text: `TEL: ${invoice.issuer.phone}`, align: 'right' as const, size: 9 }] : []),
      { kind: 'space', lines: 0.5 },
      {
        kind: 'fields',
        rows: [
          ['件名', invoice.subject],
          ['取引期間', `${formatDateJapanese(invoice.periodStart)} 〜 ${formatDateJapanese(invoice.periodEnd)}`],
          ['請求日', formatDateJapanese(invoice.invoiceDate)],
          ['お支払期限', formatDateJapanese(invoice.dueDate)],
          ['支払条件', invoice.paymentTerms],
          ['注文No', invoice.poNumber],
          ['問い合わせ先', invoice.contact],
        ],
      },
      { kind: 'space', lines: 0.5 },
      { kind: 'text', text: `ご請求金額（税込）\u3000${formatYenJapanese(invoice.totals.gross)}`, bold: true, size: 14 },
      { kind: 'space', lines: 0.5 },
      {
        kind: 'table',
        columns: [
          { header: '摘要', width: 8 },
          { header: '数量', width: 2, align: 'right' },
          { header: '単位', width: 1.5, align: 'center' },
          { header: '単価（円）', width: 3, align: 'right' },
          { header: '税率', width: 2, align: 'center' },
          { header: '金額（円）', width: 3.5, align: 'right' },
        ],
        rows: invoice.lines.map((l) => [
          `${l.taxRate === 8 ? '※' : ''}${l.description}`,
          l.quantity,
          l.unit,
          formatNumber(l.unitPrice),
          `${l.taxRate}%${l.taxIncluded ? '（内税）' : ''}`,
          formatNumber(l.amount),
        ]),
      },
      { kind: 'space', lines: 0.5 },
      {
        kind: 'table',
        columns: [
          { header: '税率区分', width: 3 },
          { header: '対象金額（税抜）', width: 3, align: 'right' },
          { header: '消費税額', width: 3, align: 'right' },
          { header: '合計（税込）', width: 3, align: 'right' },
        ],
        rows: invoice.totals.byRate.map((r) => [`${r.taxRate}%対象${r.taxRate === 8 ? '（軽減税率）' : ''}`, formatYenJapanese(r.net), formatYenJapanese(r.tax), formatYenJapanese(r.gross)]),
        footer: [['合計', formatYenJapanese(invoice.totals.net), formatYenJapanese(invoice.totals.tax), formatYenJapanese(invoice.totals.gross)]],
      },
      ...(reduced ? [{ kind: 'text' as const, text: '※は軽減税率（8%）対象です。', size: 8 }] : []),
      ...transferTo(invoice.issuer.bankAccount),
      { kind: 'text', text: `消費税は税率ごとの合計額に対して1回端数処理しています（${ROUNDING_LABELS[invoice.roundingMode] ?? invoice.roundingMode}）。`, size: 8 },
    ],
  };
}

/** お振込先, as the customer's bank transfer needs it: bank, branch, type, number and the holder as the bank holds it. */
function transferTo(account: InvoiceView['issuer']['bankAccount']): PdfSpec['blocks'] {
  if (!account) return [];
  return [
    { kind: 'space', lines: 0.5 },
    { kind: 'fields', rows: [['お振込先', `${account.bank} ${account.branch} ${account.type} ${account.number}`], ['口座名義', account.holderKana]] },
    { kind: 'text', text: '恐れ入りますが、振込手数料は貴社にてご負担ください。', size: 8 },
  ];
}

const ROUNDING_LABELS: Record<string, string> = { floor: '切り捨て', ceil: '切り上げ', half_up: '四捨五入' };
