import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { InvoiceView } from '@sss/contracts/sales/views';
import { invoiceTotals } from '@sss/contracts/sales/tax';
import { renderPdf } from '../../src/documents/pdf.ts';
import { invoicePdfSpec } from '../../src/sales/invoice-document.ts';

/** The 請求書 PDF states every qualified-invoice item (docs/domain.md §Qualified invoices), for both tax rates. */

const lines = [
  { description: 'システム保守', quantity: '1', unit: '式', unitPrice: 300_000, taxIncluded: false, taxRate: 10 as const, amount: 300_000 },
  { description: '会議用飲料', quantity: '3', unit: 'ケース', unitPrice: 1_250, taxIncluded: false, taxRate: 8 as const, amount: 3_750 },
];
const totals = invoiceTotals(lines, 'floor');
const invoice = {
  invoiceNumber: 'INV-000123', replaces: 'INV-000100', replacedBy: null, state: 'current', correctionReason: '数量誤り', issuedOn: '2026-05-01',
  issuer: {
    name: '株式会社SSSデモ', registrationNumber: 'T7123456789012', address: '〒100-0005 東京都千代田区丸の内1-1-1', phone: '03-1234-5678',
    bankAccount: { bank: 'みずほ銀行', branch: '丸の内支店', type: '普通', number: '0123456', holderKana: 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ' },
  },
  recipientName: '顧客商事株式会社', subject: '4月分', poNumber: 'PO-9',
  invoiceDate: '2026-04-30', dueDate: '2026-05-31', paymentTerms: '月末締め翌月末払い', contact: '営業管理部', periodStart: '2026-04-01', periodEnd: '2026-04-30',
  lines, totals, roundingMode: 'floor', projectId: 'p1', month: '2026-04', gross: totals.gross, net: totals.net, tax: totals.tax, paid: 0, outstanding: totals.gross, payments: [], lastPaymentOn: null,
} as unknown as InvoiceView;

test('issuer + 登録番号, recipient, period, reduced-rate mark, total and tax per rate, correction reference', async () => {
  const pdf = await renderPdf(invoicePdfSpec(invoice));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((i) => ('str' in i ? i.str : '')).join('');
  // 8 %: 3,750 → tax 300 (rounded once on the 8 % total); 10 %: 300,000 → 30,000.
  assert.equal(totals.byRate.map((r) => [r.taxRate, r.net, r.tax]), [[10, 300_000, 30_000], [8, 3_750, 300]]);
  for (const item of [
    '株式会社SSSデモ', '登録番号: T7123456789012', '顧客商事株式会社 御中', '2026年4月1日 〜 2026年4月30日', '※会議用飲料', '※は軽減税率（8%）対象です。',
    '10%対象', '300,000円', '30,000円', '8%対象（軽減税率）', '3,750円', '300円', '334,050円', 'INV-000123', 'INV-000100', '数量誤り', '請求書（訂正）',
  ]) {
    assert.ok(text.includes(item), `PDF should state ${item}`);
  }
  assert.ok(pdf.toString('latin1').includes('/FontFile2'), 'the Japanese font is embedded in the file');
});

test('the issuer address, phone and 振込先 are printed; an invoice issued before them (未設定) prints none, and nothing made up', async () => {
  const textOf = async (view: InvoiceView) => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await renderPdf(invoicePdfSpec(view))) }).promise;
    return (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
  };
  const printed = await textOf(invoice);
  for (const item of ['〒100-0005 東京都千代田区丸の内1-1-1', 'TEL: 03-1234-5678', 'お振込先', 'みずほ銀行 丸の内支店 普通 0123456', 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ']) assert.ok(printed.includes(item), `PDF should state ${item}`);
  const old = await textOf({ ...invoice, issuer: { ...invoice.issuer, address: null, phone: null, bankAccount: null } });
  for (const item of ['丸の内', 'TEL:', 'お振込先']) assert.not.ok(old.includes(item), `a version 1 invoice does not state ${item}`);
});

test.run();
