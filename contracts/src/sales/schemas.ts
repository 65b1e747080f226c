import { Type, type Static } from 'typebox';
import { DateString, MultilineText, Text, Yen } from '../common.ts';
import { SALES_CHECK_OUTCOMES } from './status.ts';

/** Commands of the MonthlySales aggregate (売上実績と請求情報 screen, docs/domain.md §月次売上 (monthly sales)). */

export const MonthParam = Type.String({ title: '売上月', maxLength: 7, pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const MonthlySalesParams = Type.Object({
  projectId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
  month: MonthParam,
});

/**
 * The money bound (docs/architecture.md §Money): a line's quantity is below 10,000 and its unit price
 * within ±LINE_UNIT_PRICE_MAX, so a line amount stays below 10^14 yen and 50 lines with tax below
 * 5.5 × 10^15, inside Number.MAX_SAFE_INTEGER. The schema refuses anything larger.
 */
export const LINE_UNIT_PRICE_MAX = 9_999_999_999;
const Quantity = (title: string) => Type.String({ title, maxLength: 9, pattern: '^\\d{1,4}(\\.\\d{1,4})?$', description: '0〜9999.9999（小数4桁まで）' });
/** Signed yen: a 精算 or an invoice line may reduce the amount. */
const SignedYen = (title: string) => Type.Integer({ title, minimum: -999_999_999_999, maximum: 999_999_999_999 });
const LineYen = (title: string, minimum = 0) => Type.Integer({ title, minimum, maximum: LINE_UNIT_PRICE_MAX });
export const TaxRateSchema = Type.Union([Type.Literal(10), Type.Literal(8)], { title: '税率', description: '10 または 8（%）' });

export const ExpenseActual = Type.Object(
  {
    kind: Text('リソース種別', 50, 1),
    name: Text('名称', 100, 1),
    taxIncluded: Type.Boolean({ title: '内税対象' }),
    cost: LineYen('原価'),
    price: LineYen('提示単価'),
    quantity: Quantity('数量'),
  },
  { additionalProperties: false },
);
export type ExpenseActual = Static<typeof ExpenseActual>;

export const InvoiceLineInput = Type.Object(
  {
    description: Text('摘要', 200, 1),
    quantity: Quantity('数量'),
    unit: Text('単位', 20),
    unitPrice: LineYen('単価（円）', -LINE_UNIT_PRICE_MAX),
    taxIncluded: Type.Boolean({ title: '内税' }),
    taxRate: TaxRateSchema,
  },
  { additionalProperties: false },
);
export type InvoiceLineInput = Static<typeof InvoiceLineInput>;

export const InvoiceDraft = Type.Object(
  {
    recipientName: Text('請求先', 200, 1),
    subject: Text('件名', 200),
    poNumber: Text('注文No', 200),
    invoiceDate: DateString('請求日'),
    dueDate: DateString('支払日'),
    paymentTerms: Text('支払条件', 200),
    contact: Text('問い合わせ先', 200),
    periodStart: DateString('取引期間（開始）'),
    periodEnd: DateString('取引期間（終了）'),
    lines: Type.Array(InvoiceLineInput, { title: '請求明細', maxItems: 50 }),
  },
  { additionalProperties: false },
);
export type InvoiceDraft = Static<typeof InvoiceDraft>;

export const RecordSalesActual = Type.Object(
  {
    labourSales: Yen('売上実績（人件費）'),
    settlement: Type.Object({ amount: SignedYen('精算金額'), reason: MultilineText('精算理由', 255) }, { additionalProperties: false, title: '精算' }),
    taxRate: TaxRateSchema,
    expenses: Type.Array(ExpenseActual, { title: '実費', maxItems: 50 }),
    invoice: InvoiceDraft,
  },
  { additionalProperties: false },
);
export type RecordSalesActual = Static<typeof RecordSalesActual>;

export const ApplySalesCheckOutcome = Type.Object(
  {
    outcome: Type.Enum(SALES_CHECK_OUTCOMES, { title: '稟議の結果' }),
    ringiId: Type.Optional(Text('稟議ID', 100)),
    comment: Type.Optional(MultilineText('コメント', 500)),
  },
  { additionalProperties: false },
);
export type ApplySalesCheckOutcome = Static<typeof ApplySalesCheckOutcome>;

export const IssueInvoice = Type.Object({ issuedOn: Type.Optional(DateString('発行日')) }, { additionalProperties: false });
export type IssueInvoice = Static<typeof IssueInvoice>;

export const CorrectInvoice = Type.Object(
  { reason: MultilineText('訂正理由', 255, 1), invoice: InvoiceDraft },
  { additionalProperties: false },
);
export type CorrectInvoice = Static<typeof CorrectInvoice>;

/** The 稟議 for a correction that changes the totals: the approver sees the corrected invoice per tax rate. */
export const RequestCorrectionCheck = Type.Object({ invoice: InvoiceDraft }, { additionalProperties: false });
export type RequestCorrectionCheck = Static<typeof RequestCorrectionCheck>;

export const RecordPayment = Type.Object(
  { amount: Type.Integer({ title: '入金額', minimum: 1, maximum: 999_999_999_999 }), receivedOn: DateString('入金日') },
  { additionalProperties: false },
);
export type RecordPayment = Static<typeof RecordPayment>;
