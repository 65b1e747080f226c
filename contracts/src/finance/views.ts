import { Type, type Static } from 'typebox';
import { DateString } from '../common.ts';

/** What 入金消込 screens read (docs/finance.md). */

const Str = Type.String();
const Int = Type.Integer();

export const DEPOSIT_STATUSES = ['unmatched', 'partial', 'matched', 'refunded'] as const;

export const DepositView = Type.Object({
  depositId: Str, source: Str, fileName: Str, line: Int, inquiryNumber: Str, valueDate: Str, amount: Int, payerCode: Str, payerName: Str,
  remitterBank: Str, remitterBranch: Str, ediInfo: Str, status: Type.Enum(DEPOSIT_STATUSES), applied: Int, refunded: Int, unapplied: Int,
  customerId: Type.Union([Str, Type.Null()]), customerName: Str, revision: Str,
});
export type DepositView = Static<typeof DepositView>;

export const DepositPage = Type.Object({ items: Type.Array(DepositView), total: Int, page: Int, pageSize: Int });
export type DepositPage = Static<typeof DepositPage>;

export const DepositListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(DEPOSIT_STATUSES, { title: '状態' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const SuggestedAllocation = Type.Object({ projectId: Str, month: Str, invoiceNumber: Str, dueDate: Str, outstanding: Int, amount: Int, difference: Int });
export type SuggestedAllocation = Static<typeof SuggestedAllocation>;

export const Suggestion = Type.Object({
  customerId: Str, customerName: Str, score: Int, reasons: Type.Array(Str), allocations: Type.Array(SuggestedAllocation),
  /** The customer's 振込手数料 tolerance the suggestion was made with (finance may change it). */
  feeTolerance: Int,
  /** Yen the deposit keeps (仮受金) after this match: an over-payment. */
  remainder: Int,
  differenceAs: Type.Union([Type.Literal('bank_fee'), Type.Literal('discount')]),
});
export type Suggestion = Static<typeof Suggestion>;

export const Suggestions = Type.Object({ deposit: DepositView, payerKey: Str, suggestions: Type.Array(Suggestion) });
export type Suggestions = Static<typeof Suggestions>;

export const SuspenseRow = Type.Object({ depositId: Str, valueDate: Str, payerName: Str, amount: Int, unapplied: Int, ageDays: Int, status: Type.Enum(DEPOSIT_STATUSES) });
export const SuspenseQueue = Type.Object({ asOf: Str, rows: Type.Array(SuspenseRow), total: Int, count: Int });
export type SuspenseQueue = Static<typeof SuspenseQueue>;
export const SuspenseQuery = Type.Object({ asOf: Type.Optional(DateString('基準日')) }, { additionalProperties: false });
