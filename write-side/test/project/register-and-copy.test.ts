import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProjectEvent } from '@sss/contracts/project/events';
import { fold } from '../../src/kernel/decider.ts';
import { spec } from '../../src/kernel/spec.ts';
import type { ProjectCommand } from '../../src/project/commands.ts';
import { projectDecider } from '../../src/project/decider.ts';
import { PID, basics, employee, eventsAfter, inStatus, meta, partner, registered, withResources } from './fixtures.ts';

/** 案件の登録・基本属性の編集・コピー. */

const project = spec(projectDecider);
const register = (body = basics): ProjectCommand => ({ type: 'RegisterProject', projectId: PID, projectNumber: '20250042', body, meta });
const edit = (changes: Partial<typeof basics>): ProjectCommand => ({ type: 'EditProjectBasics', body: { ...basics, ...changes }, meta });

test('registering a project records its basics, number and 提案検討中', () => {
  project.given([]).when(register()).then([registered]);
});

test('registering twice is refused', () => {
  project.given([registered]).when(register()).thenFails('already_exists');
});

test('a period ending before it starts is refused on the end date', () => {
  project.given([]).when(register({ ...basics, startDate: '2025-04-01', endDate: '2025-03-31' })).thenFails('validation_failed', 'endDate');
});

test('a date that does not exist is refused', () => {
  project.given([]).when(register({ ...basics, startDate: '2025-02-30' })).thenFails('validation_failed', 'startDate');
});

test('unknown extra fields in the body never reach the event', () => {
  const body = { ...basics, secret: 'x' } as typeof basics;
  project.given([]).when(register(body)).then([registered]);
});

test('editing basics records the full basics and what changed', () => {
  project
    .given([registered])
    .when(edit({ name: '基幹刷新 設計', endDate: '2025-12-31' }))
    .then([{ type: 'ProjectBasicsEdited', data: { projectId: PID, changed: ['name', 'endDate'], ...basics, name: '基幹刷新 設計', endDate: '2025-12-31' } }]);
});

test('editing without a change records nothing', () => {
  project.given([registered]).when(edit({})).thenNothing();
});

test('shrinking the period past months that hold effort is refused, naming the rows', () => {
  project.given(withResources).when(edit({ endDate: '2025-04-30' })).thenFails('validation_failed', 'endDate');
  project.given(withResources).when(edit({ startDate: '2025-05-01' })).thenFails('validation_failed', 'startDate');
  const decision = projectDecider.decide(edit({ endDate: '2025-04-30' }), fold(projectDecider, withResources));
  assert.match(String((decision as Error).message), '佐藤 一郎（2025-05）');
});

test('editing is refused while a ringi is in flight and after the end of the project', () => {
  for (const status of ['estimate_in_ringi', 'order_in_ringi', 'sales_actual_in_progress', 'completed', 'lost', 'cancelled'] as const) {
    project.given(inStatus(status)).when(edit({ name: '変更' })).thenFails('illegal_transition');
  }
});

test('editing is allowed after approval, during early start and after the order', () => {
  for (const status of ['estimate_approved', 'early_started', 'ordered'] as const) {
    project.given(inStatus(status)).when(edit({ name: '変更' })).thenEvents((events) => assert.is(events[0]?.type, 'ProjectBasicsEdited'));
  }
});

test('editing a project that does not exist answers not_found', () => {
  project.given([]).when(edit({})).thenFails('not_found');
});

const copy = (source: ProjectEvent[], name?: string): ProjectCommand => ({
  type: 'CopyProject',
  projectId: 'p-2',
  projectNumber: '20250099',
  source: fold(projectDecider, source),
  body: name === undefined ? {} : { name },
  meta,
});

test('a copy takes basics, rows and billing terms, but not number, status, ringi or billing lines', () => {
  const source = eventsAfter(inStatus('ordered'), {
    type: 'SetBillingSchedule',
    body: { closingDay: '月末', paymentSiteMonths: 1, paymentDay: '月末', lines: [{ billingDate: '2025-04-30', paymentDate: '2025-05-31', amount: 600_000 }] },
    meta,
  });
  project
    .given([])
    .when(copy(source))
    .then([
      {
        type: 'ProjectRegistered',
        data: { projectId: 'p-2', projectNumber: '20250099', status: 'proposing', copiedFrom: { projectId: PID, projectNumber: '20250042' }, by: meta.actor, at: meta.at, ...basics, name: `${basics.name}（コピー）` },
      },
      { type: 'ResourceAdded', data: { projectId: 'p-2', resource: employee } },
      { type: 'ResourceAdded', data: { projectId: 'p-2', resource: partner } },
      { type: 'BillingScheduleSet', data: { projectId: 'p-2', schedule: { closingDay: '月末', paymentSiteMonths: 1, paymentDay: '月末', notes: '', lines: [] } } },
    ]);
});

test('a copy renumbers rows from 1 and starts with no ringi history', () => {
  const source = eventsAfter(withResources, { type: 'RemoveResource', resourceNo: 1, meta });
  const copied = projectDecider.decide(copy(source, '後継案件'), projectDecider.initialState) as ProjectEvent[];
  const state = fold(projectDecider, copied);
  assert.equal(state.resources.map((r) => [r.resourceNo, r.name]), [[1, '田中 花子']]);
  assert.equal([state.status, state.pendingApproval, state.approvalOutcomes, state.basics?.name], ['proposing', null, {}, '後継案件']);
});

test('copying onto an existing project or from a missing one is refused', () => {
  project.given([registered]).when(copy(withResources)).thenFails('already_exists');
  project.given([]).when(copy([])).thenFails('not_found');
  project.given([]).when(copy(withResources, ' ')).thenFails('validation_failed', 'name');
});

test.run();
