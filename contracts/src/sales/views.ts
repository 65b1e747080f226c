import { Type, type Static } from 'typebox';
import { DateString, Page, PageQuery } from '../common.ts';
import { MONTHLY_SALES_STATUSES } from './status.ts';

/** Views of the sales context: what the query API answers and the UI reads. */

const Open = { additionalProperties: true } as const;
const Str = Type.String();
const Int = Type.Integer();

export const MonthlySalesView = Type.Object(
  {
    id: Str, revision: Str, projectId: Str, month: Str, status: Type.Enum(MONTHLY_SALES_STATUSES), projectNumber: Str, projectName: Str,
    customerId: Str, customerName: Str, orgUnitId: Str, contractType: Str, orderId: Str,
    planRevenue: Int, planCost: Int, labourSales: Int, settlement: Type.Object({ amount: Int, reason: Str }), taxRate: Int,
    expenses: Type.Array(Type.Object({}, Open)), expenseCost: Int, expenseSales: Int, actualNet: Int, actualTax: Int, actualGross: Int, confirmedNet: Int,
    invoice: Type.Union([Type.Object({}, Open), Type.Null()]), invoiceNumber: Type.Union([Str, Type.Null()]), invoicedGross: Int, paid: Int,
    lastOutcome: Type.Union([Type.Object({ outcome: Str, comment: Str, at: Str }), Type.Null()]), updatedAt: Str,
    /** 請求済 with the 稟議 of a correction open (the correction changes the totals). */
    correctionChecking: Type.Optional(Type.Boolean()),
  },
  Open,
);
export type MonthlySalesView = Static<typeof MonthlySalesView>;

export const MonthlySalesListQuery = Type.Object(
  { projectId: Type.Optional(Type.String({ maxLength: 64 })), month: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$' })), status: Type.Optional(Type.Enum(MONTHLY_SALES_STATUSES)), ...PageQuery },
  { additionalProperties: false },
);
export const MonthlySalesPage = Page(MonthlySalesView);

export const RateTotalView = Type.Object({ taxRate: Int, basis: Str, net: Int, tax: Int, gross: Int });
export const InvoiceView = Type.Object(
  {
    invoiceNumber: Str, replaces: Type.Union([Str, Type.Null()]), replacedBy: Type.Union([Str, Type.Null()]), state: Type.Union([Type.Literal('current'), Type.Literal('replaced')]),
    correctionReason: Str, issuedOn: Str, issuer: Type.Object({
      name: Str, registrationNumber: Str, address: Type.Union([Str, Type.Null()]), phone: Type.Union([Str, Type.Null()]),
      bankAccount: Type.Union([Type.Object({ bank: Str, branch: Str, type: Str, number: Str, holderKana: Str }), Type.Null()]),
    }), recipientName: Str,
    // Optional: invoices projected before InvoiceIssued version 3 have none until the projection is rebuilt.
    recipientAddress: Type.Optional(Type.Object({ postalCode: Type.Union([Str, Type.Null()]), address: Type.Union([Str, Type.Null()]), department: Type.Union([Str, Type.Null()]), person: Type.Union([Str, Type.Null()]) })),
    subject: Str, poNumber: Str,
    invoiceDate: Str, dueDate: Str, paymentTerms: Str, contact: Str, periodStart: Str, periodEnd: Str,
    lines: Type.Array(Type.Object({ description: Str, quantity: Str, unit: Str, unitPrice: Int, taxIncluded: Type.Boolean(), taxRate: Int, amount: Int })),
    totals: Type.Object({ byRate: Type.Array(RateTotalView), net: Int, tax: Int, gross: Int }), roundingMode: Str,
    projectId: Str, month: Str, projectNumber: Type.Optional(Str), projectName: Type.Optional(Str), customerName: Type.Optional(Str),
    gross: Int, net: Int, tax: Int, paid: Int, outstanding: Int, payments: Type.Array(Type.Object({ amount: Int, receivedOn: Str })), lastPaymentOn: Type.Union([Str, Type.Null()]),
  },
  Open,
);
export type InvoiceView = Static<typeof InvoiceView>;

/** 請求一覧の検索 (電子帳簿保存法の検索要件: 取引年月日・取引金額・取引先). */
export const InvoiceSearch = {
  from: Type.Optional(DateString('請求日（から）')),
  to: Type.Optional(DateString('請求日（まで）')),
  minAmount: Type.Optional(Type.Integer({ title: '金額（以上）', minimum: 0 })),
  maxAmount: Type.Optional(Type.Integer({ title: '金額（以下）', minimum: 0 })),
  counterparty: Type.Optional(Type.String({ title: '取引先', maxLength: 100 })),
  customerId: Type.Optional(Type.String({ title: '取引先（顧客）', maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  includeReplaced: Type.Optional(Type.Boolean({ title: '訂正前の請求書も表示' })),
};
export const InvoiceListQuery = Type.Object({ ...InvoiceSearch, ...PageQuery }, { additionalProperties: false });
export type InvoiceListQuery = Static<typeof InvoiceListQuery>;
/** 請求一覧 with its totals row: 件数, 税込金額, 入金額 and 未入金 over every invoice the search matches, not only the page shown. */
export const InvoicePage = Type.Object({ ...Page(InvoiceView).properties, totals: Type.Object({ count: Int, gross: Int, paid: Int, outstanding: Int }) });
export type InvoicePage = Static<typeof InvoicePage>;

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export const AGING_LABELS: Readonly<Record<AgingBucket, string>> = { current: '期日前', d1_30: '1〜30日超過', d31_60: '31〜60日超過', d61_90: '61〜90日超過', d90_plus: '90日超過' };

export const ReceivableRow = Type.Object({ invoiceNumber: Str, recipientName: Str, projectNumber: Str, projectName: Str, issuedOn: Str, dueDate: Str, gross: Int, paid: Int, outstanding: Int, daysOverdue: Int, bucket: Type.Enum(AGING_BUCKETS) });
export type ReceivableRow = Static<typeof ReceivableRow>;
export const Receivables = Type.Object({ asOf: Str, rows: Type.Array(ReceivableRow), buckets: Type.Array(Type.Object({ bucket: Type.Enum(AGING_BUCKETS), label: Str, count: Int, outstanding: Int })), totalOutstanding: Int });
export type Receivables = Static<typeof Receivables>;
export const ReceivablesQuery = Type.Object({ asOf: Type.Optional(DateString('基準日')) }, { additionalProperties: false });

export const PeriodQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$', title: '開始月' })), to: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$', title: '終了月' })) }, { additionalProperties: false });
export type PeriodQuery = Static<typeof PeriodQuery>;

export const PlanActualRow = Type.Object({ month: Str, orgUnitId: Str, orgUnitName: Str, plan: Int, actual: Int, difference: Int, projects: Int });
export type PlanActualRow = Static<typeof PlanActualRow>;
export const PlanActualReport = Type.Object({ rows: Type.Array(PlanActualRow), totals: Type.Object({ plan: Int, actual: Int }) });
export const PlanActualDrillQuery = Type.Object({ month: Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$' }), orgUnitId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const SalesByRow = Type.Object({ key: Str, label: Str, plan: Int, actual: Int, invoiced: Int, months: Int });
export type SalesByRow = Static<typeof SalesByRow>;
export const SalesByReport = Type.Object({ rows: Type.Array(SalesByRow) });

export const Dashboard = Type.Object({
  month: Str,
  thisMonth: Type.Object({ plan: Int, actual: Int }),
  pipeline: Type.Array(Type.Object({ status: Str, label: Str, count: Int })),
  monthsByStatus: Type.Array(Type.Object({ status: Str, label: Str, count: Int })),
  approvalsWaiting: Int,
  overdue: Type.Object({ count: Int, outstanding: Int }),
  trend: Type.Array(Type.Object({ month: Str, plan: Int, actual: Int })),
});
export type Dashboard = Static<typeof Dashboard>;

export const EXPORT_LISTS = ['invoices', 'receivables', 'sales-plan-actual', 'sales-by-customer', 'sales-by-contract-type', 'monthly-sales'] as const;
export const ExportParams = Type.Object({ list: Type.Enum(EXPORT_LISTS) });
export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { title: '形式' }), ...InvoiceSearch, asOf: Type.Optional(DateString('基準日')), fromMonth: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$' })), toMonth: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d{4}-\\d{2}$' })) }, { additionalProperties: false });
export type ExportQuery = Static<typeof ExportQuery>;

export const DOCUMENT_KINDS = ['sales-slip.xlsx', 'sales-slip.pdf', 'delivery-note.pdf', 'acceptance.pdf'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The 売上連絡票 issued for a month, oldest first; each re-prints its frozen content (docs/as-of.md §Issued documents). */
export const IssuedSalesReports = Type.Object({
  items: Type.Array(Type.Object({ issueNo: Int, issuedOn: Str, contentHash: Str, invoiceDate: Str, actualGross: Int, projectName: Str, customerName: Str })),
});
export type IssuedSalesReports = Static<typeof IssuedSalesReports>;
