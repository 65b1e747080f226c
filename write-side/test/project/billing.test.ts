import { test } from 'uvu';
import type { BillingSchedule } from '@sss/contracts/project/schemas';
import { spec } from '../../src/kernel/spec.ts';
import type { ProjectCommand } from '../../src/project/commands.ts';
import { projectDecider } from '../../src/project/decider.ts';
import { PID, eventsAfter, inStatus, meta, registered } from './fixtures.ts';

/** 請求予定: 締め日・支払サイト and the planned billing lines. */

const project = spec(projectDecider);
const set = (body: BillingSchedule): ProjectCommand => ({ type: 'SetBillingSchedule', body, meta });

const monthly: BillingSchedule = {
  closingDay: '月末',
  paymentSiteMonths: 1,
  paymentDay: '月末',
  lines: [
    { description: '4月分', deliveryDate: '2025-04-30', acceptanceDate: '2025-04-30', billingDate: '2025-04-30', paymentDate: '2025-05-31', amount: 600_000 },
    { billingDate: '2025-05-31', paymentDate: '2025-06-30', amount: 2_100_000 },
  ],
};

test('setting the schedule records it with optional fields filled in', () => {
  project
    .given([registered])
    .when(set(monthly))
    .then([
      {
        type: 'BillingScheduleSet',
        data: {
          projectId: PID,
          schedule: {
            closingDay: '月末',
            paymentSiteMonths: 1,
            paymentDay: '月末',
            notes: '',
            lines: [
              { description: '4月分', deliveryDate: '2025-04-30', acceptanceDate: '2025-04-30', billingDate: '2025-04-30', paymentDate: '2025-05-31', amount: 600_000 },
              { description: '', deliveryDate: null, acceptanceDate: null, billingDate: '2025-05-31', paymentDate: '2025-06-30', amount: 2_100_000 },
            ],
          },
        },
      },
    ]);
});

test('setting the same schedule again records nothing', () => {
  project.given(eventsAfter([registered], set(monthly))).when(set(monthly)).thenNothing();
});

test('lines must run 納品 → 検収 → 請求 → 入金', () => {
  const line = monthly.lines[0]!;
  project.given([registered]).when(set({ ...monthly, lines: [{ ...line, acceptanceDate: '2025-04-29' }] })).thenFails('validation_failed', 'lines.0.acceptanceDate');
  project.given([registered]).when(set({ ...monthly, lines: [{ ...line, billingDate: '2025-04-29' }] })).thenFails('validation_failed', 'lines.0.billingDate');
  project.given([registered]).when(set({ ...monthly, lines: [{ ...line, paymentDate: '2025-04-01' }] })).thenFails('validation_failed', 'lines.0.paymentDate');
});

test('bad days, sites, dates and amounts are refused with the field', () => {
  project.given([registered]).when(set({ ...monthly, closingDay: 31 })).thenFails('validation_failed', 'closingDay');
  project.given([registered]).when(set({ ...monthly, paymentSiteMonths: 13 })).thenFails('validation_failed', 'paymentSiteMonths');
  project.given([registered]).when(set({ ...monthly, lines: [{ ...monthly.lines[1]!, billingDate: '2025-06-31' }] })).thenFails('validation_failed', 'lines.0.billingDate');
  project.given([registered]).when(set({ ...monthly, lines: [{ ...monthly.lines[1]!, amount: -5 }] })).thenFails('validation_failed', 'lines.0.amount');
});

test('the schedule cannot change while a ringi is in flight or on a project that does not exist', () => {
  project.given(inStatus('order_in_ringi')).when(set(monthly)).thenFails('illegal_transition');
  project.given([]).when(set(monthly)).thenFails('not_found');
});

test.run();
