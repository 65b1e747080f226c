import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EstimateView } from '@sss/contracts/project/views';
import type { InvoiceView, MonthlySalesView } from '@sss/contracts/sales/views';
import { invoiceTotals } from '@sss/contracts/sales/tax';
import { renderPdf } from '../../src/documents/pdf.ts';
import { quotationPdfSpec } from '../../src/project/quotation.ts';
import { invoicePdfSpec } from '../../src/sales/invoice-document.ts';
import { renderMonthDocument } from '../../src/sales/month-documents.ts';

/**
 * Every printed document with long values in every field (and the empty ones a draft has): no two
 * text boxes overlap and no text leaves the page. The walk found 見積書 overprinting 発行日 on
 * 有効期限 (a draft has no 発行日) and 売上連絡票 overprinting 精算理由 on 実費売上合計 (no reason
 * given), and 「御中 御中」 on a 見積書 whose addressee already said 御中.
 */

interface Box { text: string; page: number; x0: number; x1: number; y0: number; y1: number }

async function textBoxes(pdf: Buffer): Promise<{ boxes: Box[]; pages: { width: number; height: number }[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const boxes: Box[] = [];
  const pages: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    pages.push({ width, height });
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , size, x, y] = item.transform as number[];
      // the glyph box of a line: a little below the baseline, not quite a full line above it
      boxes.push({ text: item.str, page: n, x0: x!, x1: x! + item.width, y0: y! - 0.2 * size!, y1: y! + 0.9 * size! });
    }
  }
  return { boxes, pages };
}

function layoutProblems({ boxes, pages }: Awaited<ReturnType<typeof textBoxes>>): string[] {
  const problems: string[] = [];
  for (const b of boxes) {
    const page = pages[b.page - 1]!;
    if (b.x0 < 0 || b.x1 > page.width || b.y0 < 0 || b.y1 > page.height) problems.push(`outside page ${b.page}: 「${b.text}」`);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.page !== b.page) continue;
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 1 && dy > 1) problems.push(`overlap on page ${a.page}: 「${a.text}」 × 「${b.text}」`);
    }
  return problems;
}

const long = (head: string, n: number) => (head + 'システム開発運用保守支援業務委託契約に基づく作業').repeat(Math.ceil(n / 20)).slice(0, n);
const LONG_NAME = long('株式会社ロングネーム・ホールディングス', 100);
const TOKEN = 'PO-2026-0001-ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789';

const line = (i: number, taxRate: 8 | 10) => ({ description: long(`明細${i} `, 120), quantity: '999.99', unit: '人月', unitPrice: 999_999_999, taxIncluded: false, taxRate, amount: 999_989_999 });

function estimate(draft: boolean): EstimateView {
  const lines = Array.from({ length: 18 }, (_, i) => ({ workItem: long(`作業${i} `, 120), quantity: '999.99', unit: '人月', unitPrice: 999_999_999, taxCategory: 'standard_10' as const, amount: 999_989_999 }));
  return {
    id: 'e1', revision: '1', projectId: 'p1', projectNumber: '20260001', projectName: long('案件', 100), updatedAt: '2026-11-30T00:00:00Z',
    versions: [{
      version: 2, status: draft ? 'draft' : 'issued', estimateNumber: draft ? null : 'EST-2026-000123', issuedOn: draft ? null : '2026-11-30', revisionReason: long('改訂', 200),
      approval: draft ? null : { ringiId: 'r1', ringiNumber: 'MI-2026-0001', label: '第2版（稟議 MI-2026-0001 承認済）' },
      subject: long('件名', 200), addressee: `${LONG_NAME} 御中`, periodStart: '2026-04-01', periodEnd: '2027-03-31', deliveryPlace: long('納品場所', 200),
      paymentTerms: long('支払条件', 200), validUntil: '2026-12-31', conditions: long('前提条件', 1000), lines,
      byRate: [{ taxCategory: 'standard_10', ratePercent: 10, subtotal: 999_999_999_999, tax: 99_999_999_999 }], subtotal: 999_999_999_999, tax: 99_999_999_999, total: 1_099_999_999_998,
    }],
  } as unknown as EstimateView;
}

const RECIPIENT = { postalCode: '100-0005', address: long('東京都千代田区丸の内一丁目', 200), department: long('経理部 債務管理課', 100), person: long('山田 花子', 100) };

function invoice(recipientAddress: InvoiceView['recipientAddress'] = RECIPIENT): InvoiceView {
  const lines = [...Array.from({ length: 12 }, (_, i) => line(i, 10)), ...Array.from({ length: 6 }, (_, i) => line(i + 12, 8))];
  const totals = invoiceTotals(lines, 'floor');
  return {
    invoiceNumber: 'INV-000123', replaces: 'INV-000100', replacedBy: null, state: 'current', correctionReason: long('訂正理由', 255), issuedOn: '2026-11-30',
    issuer: { name: long('株式会社SSSデモ', 100), registrationNumber: 'T7123456789012', address: long('東京都千代田区丸の内一丁目', 200), phone: '03-1234-5678', bankAccount: { bank: long('みずほ銀行', 50), branch: long('丸の内支店', 50), type: '普通', number: '1234567', holderKana: 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ ｴｲｷﾞｮｳｼｴﾝｼｽﾃﾑ ｶﾌﾞｼｷｶﾞｲｼ' } }, recipientName: LONG_NAME, recipientAddress, subject: long('件名', 200), poNumber: TOKEN,
    invoiceDate: '2026-11-30', dueDate: '2026-12-31', paymentTerms: long('支払条件', 200), contact: long('問い合わせ先', 200), periodStart: '2026-11-01', periodEnd: '2026-11-30',
    lines, totals, roundingMode: 'floor', projectId: 'p1', month: '2026-11', gross: totals.gross, net: totals.net, tax: totals.tax, paid: 0, outstanding: totals.gross, payments: [], lastPaymentOn: null,
  } as unknown as InvoiceView;
}

function month(settlementReason: string): MonthlySalesView {
  return {
    id: 'p1:2026-11', revision: '3', projectId: 'p1', month: '2026-11', status: 'invoiced', projectNumber: '20260001', projectName: long('案件', 100),
    customerId: 'c1', customerName: LONG_NAME, orgUnitId: 'o1', contractType: long('準委任', 40), orderId: 'o1',
    planRevenue: 999_999_999_999, planCost: 1, labourSales: 999_999_999_999, settlement: { amount: -999_999_999, reason: settlementReason }, taxRate: 10,
    expenses: Array.from({ length: 15 }, (_, i) => ({ kind: long('機器', 30), name: long(`経費${i} `, 100), taxIncluded: true, cost: 999_999_999, price: 999_999_999, quantity: '999.99' })),
    expenseCost: 1, expenseSales: 999_999_999_999, actualNet: 999_999_999_999, actualTax: 99_999_999_999, actualGross: 1_099_999_999_998, confirmedNet: 0,
    invoice: { recipientName: `${LONG_NAME} 御中`, subject: long('件名', 200), poNumber: TOKEN, invoiceDate: '2026-11-30', dueDate: '2026-12-31', paymentTerms: long('支払条件', 200), periodStart: '2026-11-01', periodEnd: '2026-11-30', lines: Array.from({ length: 10 }, (_, i) => line(i, 10)) },
    invoiceNumber: 'INV-000123', invoicedGross: 1, paid: 0, lastOutcome: null, updatedAt: '2026-11-30T00:00:00Z',
  } as unknown as MonthlySalesView;
}

const documents: [string, () => Promise<Buffer>][] = [
  ['見積書 (issued)', () => renderPdf(quotationPdfSpec(estimate(false), estimate(false).versions[0]!, long('株式会社SSSデモ', 100)))],
  ['見積書 (draft: no 発行日)', () => renderPdf(quotationPdfSpec(estimate(true), estimate(true).versions[0]!, '株式会社SSSデモ'))],
  ['請求書 (long 住所 and 送付先)', () => renderPdf(invoicePdfSpec(invoice()))],
  ['請求書 (送付先 部署 only)', () => renderPdf(invoicePdfSpec(invoice({ ...RECIPIENT, person: null })))],
  ['請求書 (no address: 未設定 or issued before)', () => renderPdf(invoicePdfSpec(invoice({ postalCode: null, address: null, department: null, person: null })))],
  ['売上連絡票 (long 精算理由)', async () => (await renderMonthDocument('sales-slip.pdf', month(long('精算理由', 255)), '株式会社SSSデモ')).body],
  ['売上連絡票 (no 精算理由)', async () => (await renderMonthDocument('sales-slip.pdf', month(''), '株式会社SSSデモ')).body],
  ['納品書', async () => (await renderMonthDocument('delivery-note.pdf', month(''), long('株式会社SSSデモ', 100))).body],
  ['検収書', async () => (await renderMonthDocument('acceptance.pdf', month(''), long('株式会社SSSデモ', 100))).body],
];

for (const [name, render] of documents) {
  test(`${name}: no overlapping text, nothing outside the page, 御中 once`, async () => {
    const layout = await textBoxes(await render());
    assert.ok(layout.boxes.length > 30, `the document has text (${layout.boxes.length} boxes)`);
    assert.equal(layoutProblems(layout).slice(0, 5), []);
    const text = layout.boxes.map((b) => b.text).join('');
    assert.not.match(text, /御中\s*御中/);
  });
}

test('請求書 prints the customer 〒, 住所 and 送付先 frozen into it; with a person 様, not 御中', async () => {
  const short = { postalCode: '530-0001', address: '大阪府大阪市北区梅田1-1-1', department: '経理部', person: '山田 花子' };
  const text = async (to: InvoiceView['recipientAddress']) => (await textBoxes(await renderPdf(invoicePdfSpec({ ...invoice(), recipientName: '顧客商事株式会社', recipientAddress: to })))).boxes.map((b) => b.text).join('\n');
  const withPerson = await text(short);
  for (const expected of ['〒530-0001', '大阪府大阪市北区梅田1-1-1', '顧客商事株式会社', '経理部', '山田 花子 様']) assert.ok(withPerson.includes(expected), `${expected} in ${withPerson.slice(0, 900)}`);
  assert.not.ok(withPerson.includes('顧客商事株式会社 御中'), 'a person is addressed with 様, the company without 御中');
  assert.ok((await text({ ...short, person: null })).includes('経理部 御中'));
  const none = await text(undefined);
  assert.ok(none.includes('顧客商事株式会社 御中') && !none.includes('〒'), 'an invoice without a stated address prints the name alone');
});

test('the checker itself finds an overprint and text off the page', async () => {
  const pdf = await renderPdf({ title: 't', blocks: [{ kind: 'text', text: 'A'.repeat(10) }] });
  const layout = await textBoxes(pdf);
  const [b] = layout.boxes;
  const shifted = { ...b!, text: 'B', x0: b!.x0 + 5, x1: b!.x1 + 5 };
  const off = { ...b!, text: 'C', x0: 590, x1: 700 };
  assert.is(layoutProblems({ ...layout, boxes: [b!, shifted, off] }).length, 2);
});

test.run();
