import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { IssuedInvoice, MonthlyKey, MonthlySalesEvent, SalesTotals } from '@sss/contracts/sales/events';
import type { SalesReportContent } from '@sss/contracts/sales/sales-report';
import type { InvoiceIssuer } from '@sss/contracts/sales/issuer';
import type { InvoiceRecipientAddress } from '@sss/contracts/sales/recipient';
import type { ApplySalesCheckOutcome, CorrectInvoice, InvoiceDraft, RecordPayment, RecordSalesActual, RequestCorrectionCheck } from '@sss/contracts/sales/schemas';
import { MONTHLY_SALES_STATUS_LABELS, type MonthlySalesStatus } from '@sss/contracts/sales/status';
import { invoiceTotals, type InvoiceTotals, type RoundingMode } from '@sss/contracts/sales/tax';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { formatYenJapanese } from '@sss/contracts/domain/money';
import { settlementKeyOf } from '@sss/contracts/finance/settlement-key';
import type { Decider } from '../kernel/decider.ts';
import { expenseSums, issuableErrors, issuedLines, issuedOnErrors, salesActualErrors, salesActualTotals } from './amounts.ts';
import { approvalMismatch, differingRate } from './approval-coverage.ts';

/**
 * 月次売上 (MonthlySales), one stream per project and month: the plan from the order's budget,
 * the month's sales actual and invoice draft, the 売上実績・請求確認 稟議 outcome, the issued
 * qualified invoices (a correction is a new invoice that replaces the previous one; both stay in
 * the stream; one that changes the totals needs its own 稟議 first) and payments. State machine: `@sss/contracts/sales/status`.
 */

/** Who issues (SSS_ISSUER_*), frozen into each invoice (docs/billing.md §Issuer). */
export type Issuer = InvoiceIssuer;

export type MonthlySalesCommand =
  | { type: 'SetMonthlyPlan'; key: MonthlyKey; projectNumber: string; orderId: string; revenue: number; cost: number; sourceEventId: string }
  | { type: 'RecordSalesActual'; key: MonthlyKey; body: RecordSalesActual; roundingMode: RoundingMode }
  | { type: 'RequestSalesCheck'; key: MonthlyKey }
  | { type: 'RequestCorrectionCheck'; key: MonthlyKey; body: RequestCorrectionCheck; roundingMode: RoundingMode }
  | { type: 'ApplySalesCheckOutcome'; key: MonthlyKey; body: ApplySalesCheckOutcome }
  | { type: 'IssueInvoice'; key: MonthlyKey; invoiceNumber: string; issuer: Issuer; recipientAddress: InvoiceRecipientAddress; roundingMode: RoundingMode; issuedOn: string }
  | { type: 'CorrectInvoice'; key: MonthlyKey; invoiceNumber: string; issuer: Issuer; recipientAddress: InvoiceRecipientAddress; roundingMode: RoundingMode; issuedOn: string; body: CorrectInvoice }
  | { type: 'RecordPayment'; key: MonthlyKey; body: RecordPayment; today: string }
  /**
   * 入金消込 (docs/finance.md §Confirming): a match of a deposit pays `amount` and settles `difference` as a fee or discount.
   * `matchId` is the settlement key (`settlementKeyOf` of the match): the same match settles once, another match of the same deposit again.
   */
  | { type: 'SettleFromDeposit'; key: MonthlyKey; depositId: string; matchId: string; amount: number; difference: number; differenceAs: 'bank_fee' | 'discount'; receivedOn: string }
  /** 売上連絡票の発行: `content` as read from the month, project and customer streams at issue, `contentHash` its SHA-256. */
  | { type: 'IssueSalesReport'; key: MonthlyKey; content: SalesReportContent; contentHash: string; issuedOn: string };

export interface MonthlySalesState {
  readonly status: MonthlySalesStatus;
  /** The SalesPlanDerived events already applied (replays change nothing): bookkeeping, hidden from the history. */
  readonly planSources: readonly string[];
  /** The order whose sales plan set this month's plan, and that plan; what the history shows of MonthlyPlanSet. */
  readonly orderId?: string;
  readonly planRevenue?: number;
  readonly planCost?: number;
  readonly totals: SalesTotals;
  readonly draft: InvoiceDraft | null;
  /** The invoice in force (the latest issued); earlier ones are replaced. */
  readonly invoice: IssuedInvoice | null;
  readonly paid: number;
  /** The rounding the draft's totals were computed with (what the 稟議 form shows). */
  readonly roundingMode: RoundingMode;
  /**
   * The invoice totals per rate of the open 稟議 request; null when none is open or the request predates them.
   * In 請求済 a non-null value is an open 稟議 for a correction (the month stays 請求済 meanwhile).
   */
  readonly requested: InvoiceTotals | null;
  /**
   * What the last approval covers; null when not approved or approved before approvals recorded totals.
   * After issue, an approval of a correction's totals replaces it: only the latest approval counts.
   */
  readonly approved: InvoiceTotals | null;
  /** Deposits applied here (each once, whatever the number of its matches): what the history links to. */
  readonly depositIds?: readonly string[];
  /** Settlement keys of the matches applied here: a match replayed after a crash or retry changes nothing. */
  readonly matchIds?: readonly string[];
  /** The last 売上連絡票 issued for the month (its content is in the event); absent before the first. */
  readonly salesReport?: { readonly issueNo: number; readonly issuedOn: string; readonly contentHash: string };
}

export const initialMonthlySalesState: MonthlySalesState = { status: 'unconfirmed', planSources: [], totals: { net: 0, tax: 0, gross: 0 }, draft: null, invoice: null, paid: 0, roundingMode: 'floor', requested: null, approved: null };
const EMPTY_TOTALS: InvoiceTotals = { byRate: [], net: 0, tax: 0, gross: 0 };
const draftTotals = (state: MonthlySalesState, mode = state.roundingMode) => (state.draft ? invoiceTotals(state.draft.lines, mode) : EMPTY_TOTALS);
/** After approval a change of the sales actual or invoice draft needs a new approval; unchanged content does not. */
const approvalStale = (state: MonthlySalesState) => !state.approved || differingRate(state.approved, draftTotals(state)) !== null;

const invalid = (errors: FieldError[]) => new DomainError('validation_failed', errors.map((e) => e.message).join(' '), errors);
const notIn = (state: MonthlySalesState, action: string) =>
  new DomainError('illegal_transition', `この月は「${MONTHLY_SALES_STATUS_LABELS[state.status]}」のため${action}できません。`, [{ field: 'status', message: `現在の状態: ${MONTHLY_SALES_STATUS_LABELS[state.status]}` }]);

function issue(command: { key: MonthlyKey; invoiceNumber: string; issuer: Issuer; recipientAddress: InvoiceRecipientAddress; roundingMode: RoundingMode; issuedOn: string }, draft: InvoiceDraft, replaces: string | null, reason: string): MonthlySalesEvent {
  const invoice: IssuedInvoice = {
    invoiceNumber: command.invoiceNumber,
    replaces,
    correctionReason: reason,
    issuedOn: command.issuedOn,
    issuer: command.issuer,
    ...draft,
    recipientAddress: command.recipientAddress,
    lines: issuedLines(draft),
    totals: invoiceTotals(draft.lines, command.roundingMode),
    roundingMode: command.roundingMode,
  };
  return { type: 'InvoiceIssued', data: { ...command.key, invoice } };
}

export const monthlySalesDecider: Decider<MonthlySalesCommand, MonthlySalesEvent, MonthlySalesState> = {
  initialState: initialMonthlySalesState,

  decide(command, state) {
    switch (command.type) {
      case 'SetMonthlyPlan': {
        // Replays of the same SalesPlanDerived (policy restarts) change nothing.
        if (state.planSources.includes(command.sourceEventId)) return [];
        const { key, projectNumber, orderId, revenue, cost, sourceEventId } = command;
        return [{ type: 'MonthlyPlanSet', data: { ...key, projectNumber, orderId, revenue, cost, sourceEventId } }];
      }
      case 'RecordSalesActual': {
        // After approval the month may still change (the customer's figures move), but the issue then needs a new approval (approval-coverage.ts).
        if (state.status !== 'unconfirmed' && state.status !== 'awaiting_invoice') return notIn(state, '売上実績を変更');
        const errors = salesActualErrors(command.body, command.roundingMode);
        if (errors.length) return invalid(errors);
        const { labourSales, settlement, taxRate, expenses, invoice } = command.body;
        return [{
          type: 'SalesActualRecorded',
          data: { ...command.key, labourSales, settlement: { amount: settlement.amount, reason: settlement.reason.trim() }, taxRate, expenses, ...expenseSums(command.body), totals: salesActualTotals(command.body, command.roundingMode), roundingMode: command.roundingMode, invoice },
        }];
      }
      case 'RequestSalesCheck': {
        const reapply = state.status === 'awaiting_invoice' && approvalStale(state);
        if (state.status !== 'unconfirmed' && !reapply) return notIn(state, '売上実績・請求確認を申請');
        const nothingToBill = state.totals.gross === 0 && (state.draft?.lines.length ?? 0) === 0;
        // A month with nothing to bill needs no approver (docs/domain.md §Business flows): it closes here, without CollaboFlow.
        if (nothingToBill) return [{ type: 'MonthClosedWithoutBilling', data: command.key }];
        return [{ type: 'SalesCheckRequested', data: { ...command.key, totals: state.totals, invoiceTotals: draftTotals(state) } }];
      }
      case 'RequestCorrectionCheck': {
        if (state.status !== 'invoiced') return notIn(state, '訂正の売上実績・請求確認を申請');
        if (state.requested) return DomainError.field('illegal_transition', 'status', '訂正の売上実績・請求確認は申請中です。稟議の結果を待ってから申請してください。');
        const { invoice } = command.body;
        const errors = issuableErrors(invoice, command.roundingMode);
        if (errors.length) return invalid(errors);
        const corrected = invoiceTotals(invoice.lines, command.roundingMode);
        if (corrected.gross < state.paid) return DomainError.field('rule_violated', 'invoice.lines', `入金済みの額（${formatYenJapanese(state.paid)}）を下回る請求書には訂正できません。`);
        // A 稟議 nobody needs is refused: the totals are those of the invoice in force, or already approved.
        if (!differingRate(state.invoice!.totals, corrected)) return DomainError.field('illegal_transition', 'invoice.lines', '請求金額が発行済みの請求書と変わらないため、稟議は不要です。そのまま訂正請求書を発行してください。');
        if (state.approved && !differingRate(state.approved, corrected)) return DomainError.field('illegal_transition', 'invoice.lines', 'この請求金額は承認済みです。訂正請求書を発行してください。');
        return [{ type: 'SalesCheckRequested', data: { ...command.key, totals: state.totals, invoiceTotals: corrected, correctionOf: state.invoice!.invoiceNumber } }];
      }
      case 'ApplySalesCheckOutcome': {
        // 請求済 with an open request: the 稟議 of a correction.
        if (state.status !== 'checking' && !(state.status === 'invoiced' && state.requested)) return notIn(state, '稟議の結果を反映');
        const { outcome, ringiId = '', comment = '' } = command.body;
        if (outcome === 'approved') return [{ type: 'SalesCheckApproved', data: { ...command.key, ringiId, comment, ...(state.requested ? { approvedInvoiceTotals: state.requested } : {}) } }];
        return [{ type: 'SalesCheckReturned', data: { ...command.key, outcome, ringiId, comment } }];
      }
      case 'IssueInvoice': {
        if (state.status === 'invoiced') return new DomainError('illegal_transition', `この月の請求書（${state.invoice!.invoiceNumber}）は発行済みです。内容を直すときは訂正請求書を発行してください。`, [{ field: 'status', message: '発行済み' }]);
        if (state.status !== 'awaiting_invoice' || !state.draft) return notIn(state, '請求書を発行');
        const errors = [...issuedOnErrors(command.issuedOn, state.draft.invoiceDate, 'issuedOn'), ...issuableErrors(state.draft, command.roundingMode)];
        if (errors.length) return invalid(errors);
        const uncovered = approvalMismatch(state.approved, invoiceTotals(state.draft.lines, command.roundingMode));
        if (uncovered) return uncovered;
        return [issue(command, state.draft, null, '')];
      }
      case 'CorrectInvoice': {
        if (state.status !== 'invoiced') return notIn(state, '請求書を訂正');
        // A correction is issued today: its 請求日 cannot lie after that.
        const errors = [...issuedOnErrors(command.issuedOn, command.body.invoice.invoiceDate, 'invoice.invoiceDate'), ...issuableErrors(command.body.invoice, command.roundingMode)];
        if (errors.length) return invalid(errors);
        const corrected = invoiceTotals(command.body.invoice.lines, command.roundingMode);
        if (corrected.gross < state.paid) return DomainError.field('rule_violated', 'invoice.lines', `入金済みの額（${formatYenJapanese(state.paid)}）を下回る請求書には訂正できません。`);
        // Approval covers corrections too: totals that change (in any rate) need the latest approval to cover them;
        // a correction of the address, 備考 or due date leaves the totals and needs none.
        if (differingRate(state.invoice!.totals, corrected)) {
          const uncovered = approvalMismatch(state.approved, corrected);
          if (uncovered) return uncovered;
        }
        return [issue(command, command.body.invoice, state.invoice!.invoiceNumber, command.body.reason.trim())];
      }
      case 'RecordPayment': {
        if (state.status !== 'invoiced') return notIn(state, '入金を記録');
        const { amount, receivedOn } = command.body;
        if (!isCalendarDate(receivedOn)) return DomainError.field('validation_failed', 'receivedOn', '入金日は実在する日付で入力してください。');
        if (receivedOn > command.today) return DomainError.field('validation_failed', 'receivedOn', '入金日に未来の日付は入力できません。');
        const outstanding = state.invoice!.totals.gross - state.paid;
        if (amount > outstanding) return DomainError.field('rule_violated', 'amount', `入金額が未入金残高（${formatYenJapanese(outstanding)}）を超えています。`);
        return [{ type: 'PaymentRecorded', data: { ...command.key, invoiceNumber: state.invoice!.invoiceNumber, amount, receivedOn } }];
      }
      case 'SettleFromDeposit': {
        if (state.matchIds?.includes(command.matchId)) return [];
        if (state.status !== 'invoiced') return notIn(state, '入金を消込');
        const { amount, difference, receivedOn, depositId, matchId } = command;
        const outstanding = state.invoice!.totals.gross - state.paid;
        if (amount + difference > outstanding) return DomainError.field('rule_violated', 'allocations', `消込額と差額の合計（${formatYenJapanese(amount + difference)}）が請求書 ${state.invoice!.invoiceNumber} の未入金残高（${formatYenJapanese(outstanding)}）を超えています。`);
        const invoiceNumber = state.invoice!.invoiceNumber;
        const events: MonthlySalesEvent[] = [];
        if (amount > 0) events.push({ type: 'PaymentRecorded', data: { ...command.key, invoiceNumber, amount, receivedOn, depositId, matchId } });
        if (difference > 0) events.push({ type: 'InvoiceDifferenceSettled', data: { ...command.key, invoiceNumber, amount: difference, kind: command.differenceAs, depositId, matchId, settledOn: receivedOn } });
        return events;
      }
      case 'IssueSalesReport': {
        // The document reports a recorded sales actual; before one there is nothing to report.
        if (!state.draft) return DomainError.field('illegal_transition', 'status', '売上実績が未入力のため、売上連絡票を発行できません。先に売上実績を入力してください。');
        const { key, content, contentHash, issuedOn } = command;
        return [{ type: 'SalesReportIssued', data: { ...key, report: { issueNo: (state.salesReport?.issueNo ?? 0) + 1, issuedOn, contentHash, content } } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MonthlyPlanSet':
        return { ...state, planSources: [...state.planSources, event.data.sourceEventId], orderId: event.data.orderId, planRevenue: event.data.revenue, planCost: event.data.cost };
      case 'SalesActualRecorded':
        return { ...state, totals: event.data.totals, draft: event.data.invoice, roundingMode: event.data.roundingMode };
      case 'SalesCheckRequested':
        // A correction's 稟議 leaves the month 請求済 (payments go on) and the approval in force until it is decided.
        if (event.data.correctionOf) return { ...state, requested: event.data.invoiceTotals ?? null };
        return { ...state, status: 'checking', requested: event.data.invoiceTotals ?? null, approved: null };
      case 'MonthClosedWithoutBilling':
        return { ...state, status: 'closed_without_billing' };
      case 'SalesCheckApproved':
        return { ...state, status: state.status === 'invoiced' ? 'invoiced' : 'awaiting_invoice', requested: null, approved: event.data.approvedInvoiceTotals ?? null };
      case 'SalesCheckReturned':
        return { ...state, status: state.status === 'invoiced' ? 'invoiced' : 'unconfirmed', requested: null };
      case 'InvoiceIssued':
        return { ...state, status: 'invoiced', invoice: event.data.invoice };
      case 'PaymentRecorded':
      case 'InvoiceDifferenceSettled': {
        const { depositId, matchId } = event.data;
        if (!depositId) return { ...state, paid: state.paid + event.data.amount };
        const key = settlementKeyOf({ depositId, ...(matchId ? { matchId } : {}) });
        return {
          ...state,
          paid: state.paid + event.data.amount,
          depositIds: state.depositIds?.includes(depositId) ? state.depositIds : [...(state.depositIds ?? []), depositId],
          // A payment and its fee carry the same key: remembered once.
          matchIds: state.matchIds?.includes(key) ? state.matchIds : [...(state.matchIds ?? []), key],
        };
      }
      case 'SalesReportIssued': {
        const { issueNo, issuedOn, contentHash } = event.data.report;
        return { ...state, salesReport: { issueNo, issuedOn, contentHash } };
      }
    }
  },
};
