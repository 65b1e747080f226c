import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ProjectResource } from '@sss/contracts/project/events';
import type { AddResource } from '@sss/contracts/project/schemas';
import { fold } from '../../src/kernel/decider.ts';
import { spec } from '../../src/kernel/spec.ts';
import type { ProjectCommand } from '../../src/project/commands.ts';
import { projectDecider } from '../../src/project/decider.ts';
import { PID, employee, eventsAfter, inStatus, meta, partner, registered, withResources } from './fixtures.ts';

/** 月毎明細: rows of three kinds, monthly effort, removal, プロパー原価の最新化. */

const project = spec(projectDecider);
const add = (body: AddResource): ProjectCommand => ({ type: 'AddResource', body, meta });
const setEffort = (resourceNo: number, efforts: Record<string, string>): ProjectCommand => ({ type: 'SetMonthlyEffort', resourceNo, body: { efforts }, meta });
const refresh = (standardCosts: Record<string, number>): ProjectCommand => ({ type: 'RefreshEmployeeCosts', standardCosts, meta });

const expenseBody: AddResource = { kind: 'expense', expenseType: '物品購入', name: '検証用PC', cost: 150_000, quotedUnitPrice: 180_000, effort: { '2025-04': '2' } };

test('an employee row is recorded with its number, optional texts filled and effort canonical', () => {
  const { resourceNo: _n, effort: _e, ...fields } = employee;
  project
    .given([registered])
    .when(add({ ...fields, effort: { '2025-05': '1.00', '2025-04': '0.50', '2025-06': '0' } }))
    .then([{ type: 'ResourceAdded', data: { projectId: PID, resource: { ...employee, resourceNo: 1, effort: { '2025-04': '0.5', '2025-05': '1' } } } }]);
});

test('partner and expense rows keep exactly the fields of their kind', () => {
  const { resourceNo: _n, title: _t, workSummary: _w, ...fields } = partner;
  project
    .given([registered])
    .when(add(fields))
    .then([{ type: 'ResourceAdded', data: { projectId: PID, resource: { ...partner, resourceNo: 1 } } }]);
  project
    .given(withResources)
    .when(add(expenseBody))
    .then([
      {
        type: 'ResourceAdded',
        data: { projectId: PID, resource: { kind: 'expense', expenseType: '物品購入', name: '検証用PC', cost: 150_000, quotedUnitPrice: 180_000, workSummary: '', resourceNo: 3, effort: { '2025-04': '2' } } },
      },
    ]);
});

test('row numbers are never reused after a removal', () => {
  const removed = eventsAfter(withResources, { type: 'RemoveResource', resourceNo: 2, meta });
  project.given(removed).when(add(expenseBody)).thenEvents((events) => {
    const added = events[0];
    assert.ok(added?.type === 'ResourceAdded');
    assert.is(added.data.resource.resourceNo, 3);
  });
});

test('negative cost or price, fractions of a yen, and bad effort are refused with the field', () => {
  project.given([registered]).when(add({ ...expenseBody, cost: -1 })).thenFails('validation_failed', 'cost');
  project.given([registered]).when(add({ ...expenseBody, quotedUnitPrice: 10.5 })).thenFails('validation_failed', 'quotedUnitPrice');
  project.given([registered]).when(add({ ...expenseBody, effort: { '2025-04': '-0.5' } })).thenFails('validation_failed', 'effort.2025-04');
  project.given([registered]).when(add({ ...expenseBody, effort: { '2025-04': '0.125' } })).thenFails('validation_failed', 'effort.2025-04');
  project.given([registered]).when(add({ ...expenseBody, effort: { '2025-4': '1' } })).thenFails('validation_failed', 'effort.2025-4');
});

test('effort outside the project period is refused', () => {
  project.given([registered]).when(add({ ...expenseBody, effort: { '2025-10': '1' } })).thenFails('validation_failed', 'effort.2025-10');
  project.given(withResources).when(setEffort(1, { '2025-03': '1' })).thenFails('validation_failed', 'efforts.2025-03');
});

test('setting monthly effort records only the months that change', () => {
  project
    .given(withResources)
    .when(setEffort(1, { '2025-04': '0.50', '2025-05': '0', '2025-06': '0.3' }))
    .then([{ type: 'MonthlyEffortSet', data: { projectId: PID, resourceNo: 1, efforts: { '2025-05': '0', '2025-06': '0.3' } } }]);
  project.given(withResources).when(setEffort(1, { '2025-04': '0.5', '2025-09': '0' })).thenNothing();
});

test('a cleared month disappears from the row', () => {
  const state = fold(projectDecider, eventsAfter(withResources, setEffort(1, { '2025-05': '0' })));
  assert.equal(state.resources[0]?.effort, { '2025-04': '0.5' });
});

test('unknown rows answer not_found on the row number', () => {
  project.given(withResources).when(setEffort(9, { '2025-04': '1' })).thenFails('not_found', 'resourceNo');
  project.given(withResources).when({ type: 'RemoveResource', resourceNo: 9, meta }).thenFails('not_found', 'resourceNo');
  project.given(withResources).when({ type: 'EditResource', resourceNo: 9, body: expenseBody, meta }).thenFails('not_found', 'resourceNo');
});

test('editing a row keeps its effort and records what changed; its kind cannot change', () => {
  const { resourceNo: _n, effort: _e, ...fields } = employee;
  const next: ProjectResource = { ...employee, quotedUnitPrice: 1_300_000, title: 'PMO' };
  project
    .given(withResources)
    .when({ type: 'EditResource', resourceNo: 1, body: { ...fields, quotedUnitPrice: 1_300_000, title: 'PMO' }, meta })
    .then([{ type: 'ResourceEdited', data: { projectId: PID, resource: next, changed: ['quotedUnitPrice', 'title'] } }]);
  project.given(withResources).when({ type: 'EditResource', resourceNo: 1, body: fields, meta }).thenNothing();
  const { effort: _x, ...expenseFields } = expenseBody;
  project.given(withResources).when({ type: 'EditResource', resourceNo: 1, body: expenseFields, meta }).thenFails('rule_violated', 'kind');
});

test('removing a row records its number and name', () => {
  project.given(withResources).when({ type: 'RemoveResource', resourceNo: 2, meta }).then([{ type: 'ResourceRemoved', data: { projectId: PID, resourceNo: 2, name: '田中 花子' } }]);
});

test('refreshing employee costs updates employee rows only, recording old and new cost', () => {
  project
    .given(eventsAfter(withResources, add(expenseBody)))
    .when(refresh({ M2: 850_000, S1: 500_000 }))
    .then([{ type: 'EmployeeCostsRefreshed', data: { projectId: PID, changes: [{ resourceNo: 1, classRank: 'M2', previousCost: 800_000, cost: 850_000 }] } }]);
  const state = fold(projectDecider, eventsAfter(withResources, refresh({ M2: 850_000 })));
  assert.equal(state.resources.map((r) => r.cost), [850_000, 700_000]);
});

test('refreshing when costs are current records nothing; a rank missing from the table stops it', () => {
  project.given(withResources).when(refresh({ M2: 800_000 })).thenNothing();
  project.given(withResources).when(refresh({ S1: 500_000 })).thenFails('rule_violated', 'resources.1.classRank');
});

test('row commands are refused while a ringi is in flight', () => {
  const frozen = inStatus('estimate_in_ringi');
  project.given(frozen).when(add(expenseBody)).thenFails('illegal_transition');
  project.given(frozen).when(setEffort(1, { '2025-04': '1' })).thenFails('illegal_transition');
  project.given(frozen).when({ type: 'RemoveResource', resourceNo: 1, meta }).thenFails('illegal_transition');
  project.given(frozen).when(refresh({ M2: 1 })).thenFails('illegal_transition');
});

test('row commands on a project that does not exist answer not_found', () => {
  project.given([]).when(add(expenseBody)).thenFails('not_found');
  project.given([]).when(setEffort(1, {})).thenFails('not_found');
});

test.run();
