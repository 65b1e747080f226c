import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrderEvent } from '@sss/contracts/project/order-events';
import type { OrderTerms } from '@sss/contracts/project/order-schemas';
import { spec } from '../../src/kernel/spec.ts';
import { orderDecider, type OrderCommand } from '../../src/project/order-decider.ts';
import { employee, meta, partner } from './fixtures.ts';

/** 受注: register the 注文書, confirm on 受注稟議 approval, derive the monthly sales plan. */

const order = spec(orderDecider);

const terms: OrderTerms = {
  customerPoNumber: 'PO-2025-0815',
  orderDate: '2025-04-15',
  orderAmount: 2_700_000,
  labourAmount: 2_700_000,
  periodStart: '2025-04-01',
  periodEnd: '2025-06-30',
};
const register: OrderCommand = { type: 'RegisterOrder', orderId: 'o-1', projectNumber: '20250042', body: { projectId: 'p-1', terms }, meta };
const registered: OrderEvent = { type: 'OrderRegistered', data: { orderId: 'o-1', projectId: 'p-1', projectNumber: '20250042', ...terms, notes: '' } };
const approval = { ringiId: 'r-order', ringiNumber: 'JUCHU-2025-001', approvedAt: '2025-04-20T02:00:00.000Z' };
const confirm: OrderCommand = { type: 'ConfirmOrder', body: approval, resources: [employee, partner], meta };
const confirmed: OrderEvent = {
  type: 'OrderConfirmed',
  data: { orderId: 'o-1', projectId: 'p-1', ringiId: 'r-order', ringiNumber: 'JUCHU-2025-001', approvedAt: '2025-04-20T02:00:00.000Z', orderAmount: 2_700_000, labourAmount: 2_700_000 },
};

test('registering an order records its terms', () => {
  order.given([]).when(register).then([registered]);
  order.given([registered]).when(register).thenFails('already_exists');
});

test('bad terms are refused with the field', () => {
  const bad = (t: Partial<OrderTerms>): OrderCommand => ({ ...register, body: { projectId: 'p-1', terms: { ...terms, ...t } } }) as OrderCommand;
  order.given([]).when(bad({ labourAmount: 2_700_001 })).thenFails('validation_failed', 'terms.labourAmount');
  order.given([]).when(bad({ periodEnd: '2025-03-31' })).thenFails('validation_failed', 'terms.periodEnd');
  order.given([]).when(bad({ orderAmount: 0, labourAmount: 0 })).thenFails('validation_failed', 'terms.orderAmount');
  order.given([]).when(bad({ orderDate: '2025-04-31' })).thenFails('validation_failed', 'terms.orderDate');
  order.given([]).when(bad({ customerPoNumber: ' ' })).thenFails('validation_failed', 'terms.customerPoNumber');
});

test('editing before confirmation records what changed', () => {
  order
    .given([registered])
    .when({ type: 'EditOrder', body: { ...terms, orderAmount: 3_000_000 }, meta })
    .then([{ type: 'OrderEdited', data: { orderId: 'o-1', changed: ['orderAmount'], ...terms, orderAmount: 3_000_000, notes: '' } }]);
  order.given([registered]).when({ type: 'EditOrder', body: terms, meta }).thenNothing();
});

test('confirming records the ringi number and derives the sales plan month by month over the contract period', () => {
  order
    .given([registered])
    .when(confirm)
    .then([
      confirmed,
      {
        type: 'SalesPlanDerived',
        data: {
          orderId: 'o-1',
          projectId: 'p-1',
          projectNumber: '20250042',
          months: [
            { month: '2025-04', revenue: 600_000, cost: 400_000, employeeCost: 400_000, partnerCost: 0, expenseCost: 0, grossProfit: 200_000 },
            { month: '2025-05', revenue: 2_100_000, cost: 1_500_000, employeeCost: 800_000, partnerCost: 700_000, expenseCost: 0, grossProfit: 600_000 },
            { month: '2025-06', revenue: 0, cost: 0, employeeCost: 0, partnerCost: 0, expenseCost: 0, grossProfit: 0 },
          ],
          totalRevenue: 2_700_000,
          totalCost: 1_900_000,
          orderAmount: 2_700_000,
          differenceFromOrderAmount: 0,
        },
      },
    ]);
});

test('a plan that differs from the order amount is still derived, with the difference shown', () => {
  order
    .given([registered])
    .when({ ...confirm, resources: [employee] } as OrderCommand)
    .thenEvents((events) => {
      const plan = events[1];
      assert.ok(plan?.type === 'SalesPlanDerived');
      assert.is(plan.data.differenceFromOrderAmount, 2_700_000 - 1_800_000);
    });
});

test('the same approval delivered twice changes nothing; confirmed orders cannot be edited or cancelled', () => {
  order.given([registered, confirmed]).when(confirm).thenNothing();
  order.given([registered, confirmed]).when({ ...confirm, body: { ...approval, ringiId: 'r-other' } } as OrderCommand).thenFails('illegal_transition');
  order.given([registered, confirmed]).when({ type: 'EditOrder', body: terms, meta }).thenFails('illegal_transition');
  order.given([registered, confirmed]).when({ type: 'CancelOrder', body: { reason: '誤登録' }, meta }).thenFails('illegal_transition');
});

test('confirming needs the 受注稟議番号', () => {
  order.given([registered]).when({ ...confirm, body: { ...approval, ringiNumber: ' ' } } as OrderCommand).thenFails('validation_failed', 'ringiNumber');
});

test('an order registered by mistake can be cancelled with a reason, and then nothing else', () => {
  const cancelled: OrderEvent = { type: 'OrderCancelled', data: { orderId: 'o-1', reason: '誤登録' } };
  order.given([registered]).when({ type: 'CancelOrder', body: { reason: '誤登録' }, meta }).then([cancelled]);
  order.given([registered]).when({ type: 'CancelOrder', body: { reason: '' }, meta }).thenFails('validation_failed', 'reason');
  order.given([registered, cancelled]).when(confirm).thenFails('illegal_transition');
});

test('commands on a missing order answer not_found', () => {
  order.given([]).when(confirm).thenFails('not_found');
  order.given([]).when({ type: 'EditOrder', body: terms, meta }).thenFails('not_found');
});

test.run();
