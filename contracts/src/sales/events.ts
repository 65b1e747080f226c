import type { ExpenseActual, InvoiceDraft } from './schemas.ts';
import type { InvoiceTotals, RoundingMode, TaxRate } from './tax.ts';
import type { SalesCheckOutcome } from './status.ts';
import type { InvoiceIssuer } from './issuer.ts';
import type { InvoiceRecipientAddress } from './recipient.ts';
import type { IssuedSalesReport } from './sales-report.ts';

/** Domain events of the MonthlySales stream (`monthlysales-<projectId>_<YYYY-MM>`). Schema version 1; fields added later are optional. */

export interface SalesTotals {
  readonly net: number;
  readonly tax: number;
  readonly gross: number;
}

export interface IssuedInvoiceLine {
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unitPrice: number;
  readonly taxIncluded: boolean;
  readonly taxRate: TaxRate;
  /** quantity × unit price (whole yen); never a per-line tax. */
  readonly amount: number;
}

/** Everything a qualified invoice must state (docs/domain.md §Qualified invoices), frozen at issue. */
export interface IssuedInvoice {
  readonly invoiceNumber: string;
  /** The invoice this one corrects (訂正), or null. */
  readonly replaces: string | null;
  readonly correctionReason: string;
  readonly issuedOn: string;
  /** Version 2 of InvoiceIssued added address, phone and 振込先 (null on version 1 invoices: `sales/upcasters.ts`). */
  readonly issuer: InvoiceIssuer;
  readonly recipientName: string;
  /** Version 3 of InvoiceIssued added the customer's address and 送付先 as its master data said at issue (all null on older invoices: `sales/upcasters.ts`). */
  readonly recipientAddress: InvoiceRecipientAddress;
  readonly subject: string;
  readonly poNumber: string;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly paymentTerms: string;
  readonly contact: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly lines: readonly IssuedInvoiceLine[];
  readonly totals: InvoiceTotals;
  readonly roundingMode: RoundingMode;
}

export interface MonthlyKey {
  readonly projectId: string;
  readonly month: string;
}

export type MonthlySalesEvent =
  | { type: 'MonthlyPlanSet'; data: MonthlyKey & { projectNumber: string; orderId: string; revenue: number; cost: number; sourceEventId: string } }
  | {
      type: 'SalesActualRecorded';
      data: MonthlyKey & {
        labourSales: number;
        settlement: { amount: number; reason: string };
        taxRate: TaxRate;
        expenses: ExpenseActual[];
        expenseCost: number;
        expenseSales: number;
        totals: SalesTotals;
        /** The rounding in force when the totals were computed (the preview of the invoice uses it too). */
        roundingMode: RoundingMode;
        invoice: InvoiceDraft;
      };
    }
  | {
      type: 'SalesCheckRequested';
      /**
       * `totals`: the sales actual. `invoiceTotals`: the invoice draft per tax rate, as the approver sees it on the
       * 稟議 form. Optional: months requested before the approval covered the invoice have none (they still replay).
       * `correctionOf`: set when the month is already 請求済 and the 稟議 covers a correction (訂正請求書) of that
       * invoice whose totals change; `invoiceTotals` are then the corrected invoice's and the month stays 請求済.
       */
      data: MonthlyKey & { totals: SalesTotals; invoiceTotals?: InvoiceTotals; correctionOf?: string };
    }
  | { type: 'MonthClosedWithoutBilling'; data: MonthlyKey }
  /**
   * `approvedInvoiceTotals`: what the approver approved (the request's invoice totals per rate); the invoice must
   * match it. Optional: approvals recorded before it existed have none, and such a month needs a new approval.
   */
  | { type: 'SalesCheckApproved'; data: MonthlyKey & { ringiId: string; comment: string; approvedInvoiceTotals?: InvoiceTotals } }
  | { type: 'SalesCheckReturned'; data: MonthlyKey & { outcome: Exclude<SalesCheckOutcome, 'approved'>; ringiId: string; comment: string } }
  | { type: 'InvoiceIssued'; data: MonthlyKey & { invoice: IssuedInvoice } }
  /**
   * `depositId`: the bank deposit it was matched from (入金消込); absent for a payment recorded by hand. `matchId`: which
   * match of that deposit (a deposit may pay one month in several matches); absent before matches had ids, when the
   * deposit id was the key (`@sss/contracts/finance/settlement-key`).
   */
  | { type: 'PaymentRecorded'; data: MonthlyKey & { invoiceNumber: string; amount: number; receivedOn: string; depositId?: string; matchId?: string } }
  /**
   * The part of an invoice settled without money when a deposit was matched (docs/finance.md §Confirming): the
   * 振込手数料 the payer deducted (`bank_fee`, booked as 支払手数料) or a 値引 (`discount`). It counts as paid.
   * `matchId` as on `PaymentRecorded`.
   */
  | { type: 'InvoiceDifferenceSettled'; data: MonthlyKey & { invoiceNumber: string; amount: number; kind: 'bank_fee' | 'discount'; depositId: string; matchId?: string; settledOn: string } }
  /** A 売上連絡票 issued (printed) for the month, its content frozen: a re-print renders exactly this (docs/as-of.md §Issued documents). */
  | { type: 'SalesReportIssued'; data: MonthlyKey & { report: IssuedSalesReport } };


/** The one 請求書番号 counter stream (`invoicenumber-counter`): each number taken is an event. */
export type InvoiceNumberEvent = { type: 'InvoiceNumberAllocated'; data: { invoiceNumber: string; forStream: string } };
