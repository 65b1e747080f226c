import type { ExpenseActual } from './schemas.ts';

/**
 * The 売上連絡票 of one project-month as issued (docs/as-of.md §Issued documents): every value the
 * document prints, frozen into `SalesReportIssued`, so a re-print after the project is renamed or the
 * month's actual changes shows exactly what was issued. The project and customer facts are those of
 * their own streams at the moment of issue; the month's figures are its last sales actual.
 */
export interface SalesReportContent {
  readonly projectNumber: string;
  readonly projectName: string;
  readonly customerId: string;
  readonly customerName: string;
  readonly month: string;
  readonly contractType: string;
  readonly planRevenue: number;
  readonly labourSales: number;
  readonly settlement: { readonly amount: number; readonly reason: string };
  readonly taxRate: number;
  readonly expenses: readonly ExpenseActual[];
  readonly expenseSales: number;
  readonly actualNet: number;
  readonly actualTax: number;
  readonly actualGross: number;
  /** From the invoice draft (empty when the month has none). */
  readonly recipientName: string;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly paymentTerms: string;
  readonly poNumber: string;
}

/** One issue of a month's 売上連絡票: its number within the month (1, 2, …), when, and what it printed. */
export interface IssuedSalesReport {
  readonly issueNo: number;
  readonly issuedOn: string;
  /** SHA-256 (hex) of the content's canonical JSON (keys sorted), taken when it was issued. */
  readonly contentHash: string;
  readonly content: SalesReportContent;
}
