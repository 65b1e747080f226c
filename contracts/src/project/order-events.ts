import type { OrderTerms } from './order-schemas.ts';

/** Domain events of the Order stream (`order-<id>`). Schema version 1. */

export type RecordedOrderTerms = Required<OrderTerms>;

/** One month of the budget (プロジェクト予算) derived from the 月毎明細 when the order is confirmed. */
export interface PlannedMonth {
  month: string;
  revenue: number;
  cost: number;
  employeeCost: number;
  partnerCost: number;
  expenseCost: number;
  grossProfit: number;
}

export type OrderEvent =
  | { type: 'OrderRegistered'; data: { orderId: string; projectId: string; projectNumber: string } & RecordedOrderTerms }
  | { type: 'OrderEdited'; data: { orderId: string; changed: (keyof OrderTerms)[] } & RecordedOrderTerms }
  | { type: 'OrderConfirmed'; data: { orderId: string; projectId: string; ringiId: string; ringiNumber: string; approvedAt: string; orderAmount: number; labourAmount: number } }
  /**
   * The monthly sales plan for the sales context (月次売上予実). `differenceFromOrderAmount` =
   * orderAmount − plan revenue: the plan follows the approved 月毎明細, and a difference is shown
   * to 営業管理, not refused, because the approval has already happened in the workflow.
   */
  | {
      type: 'SalesPlanDerived';
      data: {
        orderId: string;
        projectId: string;
        projectNumber: string;
        months: PlannedMonth[];
        totalRevenue: number;
        totalCost: number;
        orderAmount: number;
        differenceFromOrderAmount: number;
      };
    }
  | { type: 'OrderCancelled'; data: { orderId: string; reason: string } };

