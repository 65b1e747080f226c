import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { OrderEvent, PlannedMonth, RecordedOrderTerms } from '@sss/contracts/project/order-events';
import type { CancelOrder, ConfirmOrder, OrderTerms, RegisterOrder } from '@sss/contracts/project/order-schemas';
import { monthsBetween } from '@sss/contracts/domain/months';
import { summarize, type SummaryResource } from '@sss/contracts/project/summaries';
import type { Decider, Decision } from '../kernel/decider.ts';
import { same } from '../kernel/same.ts';
import type { CommandMeta } from './commands.ts';
import { dateErrors, failIfAny, orderErrors, yenErrors } from './validation.ts';

/**
 * The Order (受注) aggregate, stream `order-<id>`: the customer's 注文書 (PO number, date, amount
 * and its labour part, period), registered when it arrives and confirmed when the 受注稟議 is
 * approved. Confirmation records the 受注稟議番号 and derives the budget — the monthly sales plan
 * the sales context turns into 月次売上予実 — from the project's 月毎明細 as it stood at approval.
 */

export type OrderCommand =
  | { type: 'RegisterOrder'; orderId: string; projectNumber: string; body: RegisterOrder; meta: CommandMeta }
  | { type: 'EditOrder'; body: OrderTerms; meta: CommandMeta }
  /**
   * From the 稟議 process manager on approval. `resources` and `periodMonths` are the project's
   * 月毎明細 rows and period at that moment (the handler reads the project stream).
   */
  | { type: 'ConfirmOrder'; body: ConfirmOrder; resources: readonly SummaryResource[]; meta: CommandMeta }
  | { type: 'CancelOrder'; body: CancelOrder; meta: CommandMeta };

export type OrderStatus = 'registered' | 'confirmed' | 'cancelled';
const STATUS_LABELS: Readonly<Record<OrderStatus, string>> = { registered: '受注登録済', confirmed: '受注確定', cancelled: '取消' };

export interface OrderState {
  readonly exists: boolean;
  readonly orderId: string;
  readonly projectId: string;
  readonly projectNumber: string;
  readonly terms: RecordedOrderTerms | null;
  readonly status: OrderStatus;
  readonly ringiId: string | null;
}

export const initialOrderState: OrderState = { exists: false, orderId: '', projectId: '', projectNumber: '', terms: null, status: 'registered', ringiId: null };

function record(t: OrderTerms): RecordedOrderTerms {
  return {
    customerPoNumber: t.customerPoNumber,
    orderDate: t.orderDate,
    orderAmount: t.orderAmount,
    labourAmount: t.labourAmount,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    notes: t.notes ?? '',
  };
}

function termsErrors(t: OrderTerms): FieldError[] {
  const errors = [
    ...dateErrors(
      { orderDate: t.orderDate, periodStart: t.periodStart, periodEnd: t.periodEnd },
      { orderDate: '受注日', periodStart: '契約期間（開始）', periodEnd: '契約期間（終了）' },
    ),
    ...orderErrors('periodStart', t.periodStart, 'periodEnd', t.periodEnd, '契約期間の終了は開始以降の日付にしてください。'),
    ...yenErrors('orderAmount', '受注金額', t.orderAmount),
    ...yenErrors('labourAmount', 'うち人件費', t.labourAmount),
  ];
  if (t.customerPoNumber.trim() === '') errors.push({ field: 'customerPoNumber', message: '注文Noを入力してください。' });
  if (errors.length === 0 && t.orderAmount === 0) errors.push({ field: 'orderAmount', message: '受注金額を入力してください。' });
  if (errors.length === 0 && t.labourAmount > t.orderAmount) errors.push({ field: 'labourAmount', message: 'うち人件費は受注金額以下にしてください。' });
  return errors;
}

const changedKeys = (a: RecordedOrderTerms, b: RecordedOrderTerms) => (Object.keys(b) as (keyof OrderTerms)[]).filter((k) => !same(a[k], b[k]));

function notRegistered(state: OrderState, action: string): DomainError {
  return new DomainError('illegal_transition', `「${STATUS_LABELS[state.status]}」の受注は${action}できません。`, [], { currentStatus: state.status });
}

/** Budget per month: the 月毎明細 summary over the contract period (empty months appear as zeros). */
export function salesPlanOf(resources: readonly SummaryResource[], terms: RecordedOrderTerms): { months: PlannedMonth[]; totalRevenue: number; totalCost: number } {
  const summary = summarize(resources, monthsBetween(terms.periodStart, terms.periodEnd));
  const months = summary.byMonth.map(({ month, revenue, cost, employeeCost, partnerCost, expenseCost, grossProfit }) => ({ month, revenue, cost, employeeCost, partnerCost, expenseCost, grossProfit }));
  return { months, totalRevenue: summary.total.revenue, totalCost: summary.total.cost };
}

function decide(command: OrderCommand, state: OrderState): Decision<OrderEvent> {
  if (command.type === 'RegisterOrder') {
    if (state.exists) return new DomainError('already_exists', 'この受注は既に登録されています。');
    const invalid = failIfAny(termsErrors(command.body.terms).map((e) => ({ ...e, field: `terms.${e.field}` })));
    if (invalid) return invalid;
    return [{ type: 'OrderRegistered', data: { orderId: command.orderId, projectId: command.body.projectId, projectNumber: command.projectNumber, ...record(command.body.terms) } }];
  }
  if (!state.exists || state.terms === null) return new DomainError('not_found', '受注が見つかりません。');
  const terms = state.terms;
  switch (command.type) {
    case 'EditOrder': {
      // After confirmation the figures are those the approver signed; a change needs a new 稟議.
      if (state.status !== 'registered') return notRegistered(state, '編集');
      const invalid = failIfAny(termsErrors(command.body));
      if (invalid) return invalid;
      const next = record(command.body);
      const changed = changedKeys(terms, next);
      return changed.length === 0 ? [] : [{ type: 'OrderEdited', data: { orderId: state.orderId, changed, ...next } }];
    }
    case 'ConfirmOrder': {
      const { ringiId, ringiNumber, approvedAt } = command.body;
      if (state.status === 'confirmed' && state.ringiId === ringiId) return [];
      if (state.status !== 'registered') return notRegistered(state, '確定');
      if (ringiNumber.trim() === '') return DomainError.field('validation_failed', 'ringiNumber', '受注稟議番号がありません。');
      const plan = salesPlanOf(command.resources, terms);
      return [
        {
          type: 'OrderConfirmed',
          data: {
            orderId: state.orderId,
            projectId: state.projectId,
            ringiId,
            ringiNumber,
            approvedAt,
            orderAmount: terms.orderAmount,
            labourAmount: terms.labourAmount,
          },
        },
        {
          type: 'SalesPlanDerived',
          data: {
            orderId: state.orderId,
            projectId: state.projectId,
            projectNumber: state.projectNumber,
            ...plan,
            orderAmount: terms.orderAmount,
            differenceFromOrderAmount: terms.orderAmount - plan.totalRevenue,
          },
        },
      ];
    }
    case 'CancelOrder': {
      if (state.status !== 'registered') return notRegistered(state, '取り消し');
      if (command.body.reason.trim() === '') return DomainError.field('validation_failed', 'reason', '取消理由を入力してください。');
      return [{ type: 'OrderCancelled', data: { orderId: state.orderId, reason: command.body.reason } }];
    }
  }
}

function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'OrderRegistered': {
      const { orderId, projectId, projectNumber, ...terms } = event.data;
      return { ...initialOrderState, exists: true, orderId, projectId, projectNumber, terms };
    }
    case 'OrderEdited': {
      const { orderId: _o, changed: _c, ...terms } = event.data;
      return { ...state, terms };
    }
    case 'OrderConfirmed':
      return { ...state, status: 'confirmed', ringiId: event.data.ringiId };
    case 'SalesPlanDerived':
      return state;
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
  }
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = { decide, evolve, initialState: initialOrderState };
