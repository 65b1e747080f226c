/**
 * Domain events of a bank deposit (`deposit-<depositId>`, docs/finance.md). The id is a digest of the
 * source, the 照会番号 and the record's bytes, so importing the same file or line twice finds the
 * stream already there and appends nothing. Schema version 1.
 */

export type DepositSource = 'zengin01' | 'zengin03' | 'csv';

/** How a short payment's gap is booked when finance accepts it: 支払手数料 (the payer's bank fee) or 値引. */
export type DifferenceKind = 'bank_fee' | 'discount';

export interface DepositAllocation {
  readonly projectId: string;
  readonly month: string;
  readonly invoiceNumber: string;
  /** Yen applied from the deposit. */
  readonly amount: number;
  /** Yen of the invoice settled without money (the fee the payer deducted, or a discount); 0 if none. */
  readonly difference: number;
}

export interface DepositImportedData {
  readonly depositId: string;
  readonly source: DepositSource;
  readonly fileName: string;
  /** 1-based record (or CSV row) number in the file it came from. */
  readonly line: number;
  /** 照会番号 as the bank wrote it ('' when the bank left it empty). */
  readonly inquiryNumber: string;
  /** 勘定日 (YYYY-MM-DD). */
  readonly valueDate: string;
  readonly amount: number;
  /** 振込依頼人コード (the leading payer number split off the name, or the N10 field); '' if none. */
  readonly payerCode: string;
  /** 振込依頼人名 as received (half-width kana for 全銀, whatever the CSV had). */
  readonly payerName: string;
  readonly remitterBank: string;
  readonly remitterBranch: string;
  readonly ediInfo: string;
  /** The record exactly as received, base64 of its bytes (200 for 全銀, the row for CSV). */
  readonly raw: string;
}

export type DepositEvent =
  | { type: 'DepositImported'; data: DepositImportedData }
  | {
      type: 'DepositMatched';
      data: {
        readonly depositId: string;
        /**
         * This match (`<depositId>-m<n>`, settlement-key.ts): the months' payment and fee events carry it, and a month
         * settles each match once. Absent on matches recorded before it existed (their key is the deposit id).
         */
        readonly matchId?: string;
        readonly customerId: string;
        /** The payer name normalised (docs/finance.md §Payer names): what the next deposit of this payer is matched by. */
        readonly payerKey: string;
        readonly differenceAs: DifferenceKind;
        readonly allocations: readonly DepositAllocation[];
        /** Why finance was offered this match (the suggestion's reasons), or 'manual'. */
        readonly reasons: readonly string[];
      };
    }
  | { type: 'DepositRefunded'; data: { readonly depositId: string; readonly amount: number; readonly refundedOn: string; readonly reason: string } };
