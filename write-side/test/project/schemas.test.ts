import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Value } from 'typebox/value';
import { AddResource, BillingSchedule, ChangeProjectStatus, RegisterProject, RequestApproval, SetMonthlyEffort } from '@sss/contracts/project/schemas';
import { DraftEstimate } from '@sss/contracts/project/estimate-schemas';
import { RegisterOrder } from '@sss/contracts/project/order-schemas';
import { ProjectSummaryView } from '@sss/contracts/project/views';
import { summarize } from '@sss/contracts/project/summaries';
import { basics, employee, partner } from './fixtures.ts';

/** The contracts schemas accept what a person sends and turn away what the deciders must never see. */

test('a realistic project body passes; a bad contract type or an extra field does not', () => {
  assert.ok(Value.Check(RegisterProject, basics));
  assert.not.ok(Value.Check(RegisterProject, { ...basics, salesInfo: { ...basics.salesInfo, contractType: 'SES' } }));
  assert.not.ok(Value.Check(RegisterProject, { ...basics, status: 'ordered' }));
});

test('effort is an exact decimal with at most two places, keyed by a real month', () => {
  assert.ok(Value.Check(SetMonthlyEffort, { efforts: { '2025-04': '0.5', '2025-05': '12.25', '2025-06': '0' } }));
  for (const bad of [{ '2025-04': '0.125' }, { '2025-04': '-1' }, { '2025-04': 0.5 }, { '2025-13': '1' }, { '2025-4': '1' }, { '2025-04': '1000' }]) {
    assert.not.ok(Value.Check(SetMonthlyEffort, { efforts: bad }), JSON.stringify(bad));
  }
});

test('a resource body must be exactly one kind with that kind’s fields', () => {
  const { resourceNo: _n, ...employeeBody } = employee;
  const { resourceNo: _m, ...partnerBody } = partner;
  assert.ok(Value.Check(AddResource, employeeBody));
  assert.ok(Value.Check(AddResource, partnerBody));
  assert.ok(Value.Check(AddResource, { kind: 'expense', expenseType: '物品購入', name: 'PC', cost: 1, quotedUnitPrice: 0 }));
  assert.not.ok(Value.Check(AddResource, { ...partnerBody, classRank: 'M2' }), 'a partner has no class rank');
  assert.not.ok(Value.Check(AddResource, { ...employeeBody, cost: -1 }));
  assert.not.ok(Value.Check(AddResource, { ...employeeBody, cost: 1.5 }));
});

test('billing days are 1–28 or 月末', () => {
  const schedule = { closingDay: '月末', paymentSiteMonths: 1, paymentDay: 25, lines: [] };
  assert.ok(Value.Check(BillingSchedule, schedule));
  assert.not.ok(Value.Check(BillingSchedule, { ...schedule, closingDay: 31 }));
});

test('a person may choose only 失注・中止・完了 directly, and only the four kinds of ringi', () => {
  assert.ok(Value.Check(ChangeProjectStatus, { to: 'lost', reason: '他社に決定' }));
  assert.not.ok(Value.Check(ChangeProjectStatus, { to: 'ordered', reason: 'x' }));
  assert.ok(Value.Check(RequestApproval, { kind: 'early_start' }));
  assert.not.ok(Value.Check(RequestApproval, { kind: 'sales' }));
});

test('estimate and order bodies', () => {
  const content = {
    subject: 's', addressee: 'a', periodStart: '2025-04-01', periodEnd: '2025-04-30', paymentTerms: 'p', validUntil: '2025-04-30',
    lines: [{ workItem: 'w', quantity: '0.5', unit: '人月', unitPrice: -100, taxCategory: 'standard_10' }],
  };
  assert.ok(Value.Check(DraftEstimate, { projectId: 'p-1', content }));
  assert.not.ok(Value.Check(DraftEstimate, { projectId: 'p-1', content: { ...content, lines: [] } }));
  const terms = { customerPoNumber: 'PO-1', orderDate: '2025-04-01', orderAmount: 1, labourAmount: 1, periodStart: '2025-04-01', periodEnd: '2025-04-30' };
  assert.ok(Value.Check(RegisterOrder, { projectId: 'p-1', terms }));
  assert.not.ok(Value.Check(RegisterOrder, { projectId: 'p-1', terms: { ...terms, orderAmount: -1 } }));
});

test('a computed summary is a valid view document', () => {
  assert.ok(Value.Check(ProjectSummaryView, summarize([employee, partner], ['2025-04', '2025-05', '2025-06'])));
});

test.run();
