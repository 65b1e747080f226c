import type { DifferenceKind } from '@sss/contracts/finance/events';
import type { SuggestedAllocation, Suggestion } from '@sss/contracts/finance/views';
import { daysBetween } from '@sss/contracts/domain/dates';
import { formatYenJapanese } from '@sss/contracts/domain/money';

/**
 * Suggestions for one deposit, each with the reasons a person can check (docs/finance.md §Matching).
 * Who: the payer name (normalised) against names learned from earlier confirmations, the company's 読み
 * (exact, or a prefix because banks truncate at 48 bytes), or the 振込依頼人コード against the company
 * code. How much: one invoice exactly; one invoice short by a plausible 振込手数料 (a multiple of ¥11 up
 * to the customer's tolerance, or a fee this customer deducted before); several invoices of the customer
 * together (bounded: the oldest MAX_COMBINE_POOL invoices, at most MAX_COMBINE invoices at once); else the
 * oldest invoices in turn (a partial payment, or an over-payment that leaves 仮受金). Every suggestion is
 * for one customer only and never applies more than the deposit nor more than an invoice's balance.
 */

export interface OpenInvoice {
  readonly projectId: string;
  readonly month: string;
  readonly invoiceNumber: string;
  readonly customerId: string;
  readonly dueDate: string;
  readonly outstanding: number;
}

export interface Customer {
  readonly customerId: string;
  readonly name: string;
  readonly kanaKey: string;
  readonly code: string;
  /** Fees this customer deducted before (learned from confirmations). */
  readonly knownFees: readonly number[];
  /** The 振込手数料 tolerance finance set for this customer (FeeToleranceSet); absent: the default, or more if they deducted more before. */
  readonly feeTolerance?: number | null;
}

export interface MatchIndex {
  readonly customers: ReadonlyMap<string, Customer>;
  /** Normalised payer name → customer id → how often confirmed. */
  readonly learned: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly invoicesOf: (customerId: string) => readonly OpenInvoice[];
  /** Open invoices by exact balance, across customers: the amount-only fallback. */
  readonly byOutstanding?: ReadonlyMap<number, readonly OpenInvoice[]>;
}

export interface DepositToMatch {
  readonly amount: number;
  readonly valueDate: string;
  readonly payerKey: string;
  readonly payerCode: string;
}

/** The counter fee at most banks (¥990) bounds what counts as a deducted fee unless the customer deducted more before. */
export const DEFAULT_FEE_TOLERANCE = 990;
/** How short a payment may be and still count as a deducted fee: what finance set, else the default or a larger fee seen before. */
const toleranceOf = (customer: Customer): number => customer.feeTolerance ?? Math.max(DEFAULT_FEE_TOLERANCE, ...customer.knownFees);
export const MAX_COMBINE_POOL = 12;
export const MAX_COMBINE = 4;
const MIN_PREFIX = 4;
const MAX_SUGGESTIONS = 5;

type Who = { customer: Customer; score: number; reasons: string[] };

/** The customers a deposit may be from, by name or code (a route loads only their invoices). */
export const candidateCustomerIds = (deposit: DepositToMatch, index: Omit<MatchIndex, 'invoicesOf'>, kanaIndex: KanaIndex): string[] => candidates(deposit, index, kanaIndex).map((w) => w.customer.customerId);

function candidates(deposit: DepositToMatch, index: Omit<MatchIndex, 'invoicesOf'>, kanaIndex: KanaIndex): Who[] {
  const found = new Map<string, Who>();
  const add = (customerId: string, score: number, reason: string) => {
    const customer = index.customers.get(customerId);
    if (!customer) return;
    const who = found.get(customerId) ?? { customer, score: 0, reasons: [] };
    who.score += score;
    who.reasons.push(reason);
    found.set(customerId, who);
  };
  const key = deposit.payerKey;
  for (const [customerId, times] of index.learned.get(key) ?? []) add(customerId, 60, `振込依頼人名「${key}」は過去 ${times} 回この得意先として確定`);
  if (key) {
    for (const customerId of kanaIndex.exact.get(key) ?? []) add(customerId, 50, `振込依頼人名が読み「${key}」と一致`);
    if (key.length >= MIN_PREFIX) {
      // Banks cut names at 48 bytes: the payer name may be the start of the 読み.
      for (const customerId of kanaIndex.startingWith(key)) if (!kanaIndex.exact.get(key)?.includes(customerId)) add(customerId, 35, `振込依頼人名「${key}」が読み「${index.customers.get(customerId)!.kanaKey}」の前方と一致（切り詰め）`);
      // …or carry a branch after the name.
      for (let n = key.length - 1; n >= MIN_PREFIX; n -= 1) for (const customerId of kanaIndex.exact.get(key.slice(0, n)) ?? []) add(customerId, 30, `振込依頼人名の先頭「${key.slice(0, n)}」が読みと一致`);
    }
  }
  if (deposit.payerCode) for (const c of index.customers.values()) if (c.code && c.code === deposit.payerCode) add(c.customerId, 40, `振込依頼人コード ${deposit.payerCode} が得意先コードと一致`);
  return [...found.values()];
}

export interface KanaIndex {
  readonly exact: ReadonlyMap<string, readonly string[]>;
  startingWith(prefix: string): readonly string[];
}

/** 読み keys sorted once, so a truncated name finds its customers by binary search. */
export function kanaIndexOf(customers: Iterable<Customer>): KanaIndex {
  const exact = new Map<string, string[]>();
  for (const c of customers) if (c.kanaKey) exact.set(c.kanaKey, [...(exact.get(c.kanaKey) ?? []), c.customerId]);
  const sorted = [...exact.keys()].sort();
  return {
    exact,
    startingWith(prefix) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      const out: string[] = [];
      for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i += 1) out.push(...exact.get(sorted[i]!)!);
      return out;
    },
  };
}

const feeOk = (gap: number, customer: Customer) => gap > 0 && (customer.knownFees.includes(gap) || (gap % 11 === 0 && gap <= toleranceOf(customer)));
const feeReason = (gap: number, customer: Customer) =>
  customer.knownFees.includes(gap) ? `差額 ${formatYenJapanese(gap)} はこの得意先が以前差し引いた振込手数料と同額` : `差額 ${formatYenJapanese(gap)} は振込手数料として妥当（11円単位・許容 ${formatYenJapanese(toleranceOf(customer))} 以内）`;

function dateReason(deposit: DepositToMatch, invoices: readonly OpenInvoice[]): { score: number; reason: string } {
  const due = invoices.map((i) => i.dueDate).sort()[0] ?? deposit.valueDate;
  const days = daysBetween(due, deposit.valueDate);
  const reason = days === 0 ? `入金日が支払期日 ${due} と同日` : days < 0 ? `入金日は支払期日 ${due} の ${-days} 日前` : `入金日は支払期日 ${due} の ${days} 日後`;
  return { score: days >= -45 && days <= 31 ? 10 : 0, reason };
}

const alloc = (i: OpenInvoice, amount: number, difference = 0): SuggestedAllocation => ({ projectId: i.projectId, month: i.month, invoiceNumber: i.invoiceNumber, dueDate: i.dueDate, outstanding: i.outstanding, amount, difference });

/**
 * Sets of 2..MAX_COMBINE invoices whose balances sum to between `target` and `target + slack`, found by a
 * depth-first search over the pool sorted by balance that stops as soon as a partial sum overshoots.
 */
function combinationsNear(pool: readonly OpenInvoice[], target: number, slack: number, limit: number): OpenInvoice[][] {
  const sorted = [...pool].sort((a, b) => a.outstanding - b.outstanding);
  const found: OpenInvoice[][] = [];
  const picked: OpenInvoice[] = [];
  const walk = (start: number, sum: number) => {
    if (found.length >= limit) return;
    if (picked.length >= 2 && sum >= target && sum <= target + slack) found.push([...picked]);
    if (picked.length === MAX_COMBINE) return;
    for (let i = start; i < sorted.length; i += 1) {
      const next = sum + sorted[i]!.outstanding;
      if (next > target + slack) break;
      picked.push(sorted[i]!);
      walk(i + 1, next);
      picked.pop();
    }
  };
  walk(0, 0);
  return found;
}

function amountMatches(deposit: DepositToMatch, who: Who, invoices: readonly OpenInvoice[]): Suggestion[] {
  const { customer } = who;
  const out: Suggestion[] = [];
  const suggestion = (score: number, reasons: string[], allocations: SuggestedAllocation[], differenceAs: DifferenceKind = 'bank_fee'): Suggestion => {
    const date = dateReason(deposit, invoices.filter((i) => allocations.some((a) => a.invoiceNumber === i.invoiceNumber)));
    const applied = allocations.reduce((t, a) => t + a.amount, 0);
    return { customerId: customer.customerId, customerName: customer.name, feeTolerance: toleranceOf(customer), score: Math.min(100, who.score + score + date.score), reasons: [...who.reasons, ...reasons, date.reason], allocations, remainder: deposit.amount - applied, differenceAs };
  };
  for (const inv of invoices) {
    if (inv.outstanding === deposit.amount) out.push(suggestion(40, [`金額 ${formatYenJapanese(deposit.amount)} が請求書 ${inv.invoiceNumber} の未入金残高と一致`], [alloc(inv, deposit.amount)]));
    else if (feeOk(inv.outstanding - deposit.amount, customer)) out.push(suggestion(30, [`請求書 ${inv.invoiceNumber} の残高 ${formatYenJapanese(inv.outstanding)} から振込手数料を差し引いた額`, feeReason(inv.outstanding - deposit.amount, customer)], [alloc(inv, deposit.amount, inv.outstanding - deposit.amount)]));
  }
  const pool = invoices.slice(0, MAX_COMBINE_POOL);
  const slack = Math.max(toleranceOf(customer), ...customer.knownFees);
  for (const combo of combinationsNear(pool, deposit.amount, slack, MAX_SUGGESTIONS * 2)) {
    // Oldest first, as the invoices were listed.
    combo.sort((a, b) => invoices.indexOf(a) - invoices.indexOf(b));
    const total = combo.reduce((t, i) => t + i.outstanding, 0);
    const numbers = combo.map((i) => i.invoiceNumber).join('・');
    if (total === deposit.amount) out.push(suggestion(35, [`${combo.length} 件の請求書（${numbers}）の残高合計 ${formatYenJapanese(total)} と一致`], combo.map((i) => alloc(i, i.outstanding))));
    else if (feeOk(total - deposit.amount, customer)) {
      // The fee is deducted once per transfer: it settles the last (newest) invoice of the set.
      const gap = total - deposit.amount;
      const allocations = combo.map((i, n) => (n === combo.length - 1 ? alloc(i, i.outstanding - gap, gap) : alloc(i, i.outstanding)));
      if (allocations.every((a) => a.amount >= 0)) out.push(suggestion(28, [`${combo.length} 件の請求書（${numbers}）の残高合計 ${formatYenJapanese(total)} から振込手数料を差し引いた額`, feeReason(gap, customer)], allocations));
    }
  }
  if (out.length === 0 && invoices.length > 0) {
    // Neither exact nor short by a fee: apply to the oldest invoices in turn (partial, or over-payment to 仮受金).
    let left = deposit.amount;
    const allocations: SuggestedAllocation[] = [];
    for (const inv of invoices) {
      if (left === 0) break;
      const amount = Math.min(left, inv.outstanding);
      allocations.push(alloc(inv, amount));
      left -= amount;
    }
    const reasons = left > 0 ? [`過入金: 未入金残高の合計を ${formatYenJapanese(left)} 超えています（超過分は仮受金に残ります）`] : [`一部入金: 古い請求書から順に ${formatYenJapanese(deposit.amount)} を充当`];
    out.push(suggestion(5, reasons, allocations));
  }
  return out;
}

export function suggest(deposit: DepositToMatch, index: MatchIndex, kanaIndex: KanaIndex): Suggestion[] {
  if (deposit.amount <= 0) return [];
  const out: Suggestion[] = [];
  const who = candidates(deposit, index, kanaIndex);
  for (const w of who) out.push(...amountMatches(deposit, w, index.invoicesOf(w.customer.customerId)));
  if (out.length === 0 && index.byOutstanding) {
    // Nobody by name: an invoice of exactly this amount is still worth showing, flagged as such.
    for (const inv of (index.byOutstanding.get(deposit.amount) ?? []).slice(0, 3)) {
      const customer = index.customers.get(inv.customerId);
      if (!customer) continue;
      out.push(...amountMatches(deposit, { customer, score: 0, reasons: ['振込依頼人名はどの得意先とも一致しません（金額のみ一致）'] }, [inv]));
    }
  }
  return out.sort((a, b) => b.score - a.score || a.allocations.length - b.allocations.length).slice(0, MAX_SUGGESTIONS);
}
