import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import type { ProjectEvent } from '@sss/contracts/project/events';
import { PROJECT_STATUSES, STATUS_TRANSITIONS, type ProjectStatus } from '@sss/contracts/project/status';
import { fold } from '../../src/kernel/decider.ts';
import { spec } from '../../src/kernel/spec.ts';
import type { ProjectCommand } from '../../src/project/commands.ts';
import { projectDecider } from '../../src/project/decider.ts';
import { PID, change, eventsAfter, finishSales, inStatus, meta, outcome, registered, request, startSales, statusOf, withResources } from './fixtures.ts';

/** 案件ステータス: the machine, 稟議 requests and outcomes, 売上実績処理中, status history. */

const project = spec(projectDecider);

/** The command a person (or the workflow) would send to reach `to`, when one exists. */
const COMMAND_TO: Partial<Record<ProjectStatus, ProjectCommand>> = {
  proposal_in_ringi: request('proposal', 'r-new'),
  estimate_in_ringi: request('estimate', 'r-new'),
  early_start_in_ringi: request('early_start', 'r-new'),
  order_in_ringi: request('order', 'r-new'),
  sales_actual_in_progress: startSales('2025-06'),
  lost: change('lost'),
  cancelled: change('cancelled'),
  completed: change('completed'),
};

test('the fixtures reach every status along the real path', () => {
  for (const status of PROJECT_STATUSES) assert.is(statusOf(inStatus(status)), status);
});

test('every edge a command can take succeeds and records from → to', () => {
  let edges = 0;
  for (const from of PROJECT_STATUSES) {
    for (const to of STATUS_TRANSITIONS[from]) {
      const command = COMMAND_TO[to];
      if (!command) continue;
      edges++;
      project
        .given(inStatus(from))
        .when(command)
        .thenEvents((events) => {
          const changed = events.find((e) => e.type === 'ProjectStatusChanged');
          assert.ok(changed, `${from} → ${to}`);
          assert.equal([changed.data.from, changed.data.to], [from, to]);
        });
    }
  }
  assert.ok(edges >= 15, `only ${edges} edges exercised`);
});

test('every transition not in the table is refused with illegal_transition naming both states', () => {
  let refused = 0;
  for (const from of PROJECT_STATUSES) {
    for (const [to, command] of Object.entries(COMMAND_TO) as [ProjectStatus, ProjectCommand][]) {
      if (STATUS_TRANSITIONS[from].includes(to) || (from === to && to === 'sales_actual_in_progress')) continue;
      refused++;
      const decision = projectDecider.decide(command, fold(projectDecider, inStatus(from)));
      assert.instance(decision, DomainError, `${from} → ${to} should be refused`);
      const error = decision as DomainError;
      assert.is(error.code, 'illegal_transition', `${from} → ${to}: ${error.message}`);
      assert.equal(error.extensions, { from, to });
    }
  }
  assert.ok(refused >= 60, `only ${refused} refusals checked`);
});

test('the refusal message names both statuses in Japanese', () => {
  const decision = projectDecider.decide(change('completed'), fold(projectDecider, inStatus('proposing')));
  assert.instance(decision, DomainError);
  assert.is((decision as DomainError).message, 'ステータスを「提案検討中」から「完了」に変更することはできません。');
});

test('requesting an estimate ringi records the request and moves to 見積稟議中', () => {
  project
    .given(withResources)
    .when({ type: 'RequestApproval', ringiId: 'r-9', body: { kind: 'estimate', comment: '初回見積', estimateId: 'p-1', estimateVersion: 1 }, meta })
    .then([
      {
        type: 'ProjectApprovalRequested',
        data: { projectId: PID, ringiId: 'r-9', kind: 'estimate', requestedFrom: 'proposing', comment: '初回見積', estimateId: 'p-1', estimateVersion: 1, by: meta.actor, at: meta.at },
      },
      { type: 'ProjectStatusChanged', data: { projectId: PID, from: 'proposing', to: 'estimate_in_ringi', reason: '見積稟議を申請', ringiId: 'r-9', by: meta.actor, at: meta.at } },
    ]);
});

test('estimate and order ringi need at least one resource in the 月毎明細', () => {
  project.given([registered]).when(request('estimate')).thenFails('rule_violated', 'resources');
});

test('a proposal ringi needs no resources and its approval returns to 提案検討中', () => {
  project
    .given(eventsAfter([registered], request('proposal', 'r-p')))
    .when(outcome('r-p', 'approved'))
    .then([
      {
        type: 'ProjectApprovalGranted',
        data: { projectId: PID, ringiId: 'r-p', kind: 'proposal', ringiNumber: '', comment: '', decidedBy: '鈴木 部長', decidedAt: '2025-04-10T05:00:00.000Z' },
      },
      {
        type: 'ProjectStatusChanged',
        data: { projectId: PID, from: 'proposal_in_ringi', to: 'proposing', reason: '提案稟議が承認されました', ringiId: 'r-p', by: 'system:ringi', at: '2025-04-10T05:00:00.000Z' },
      },
    ]);
});

test('estimate approval moves to 承認; order approval with its number moves to 受注済', () => {
  assert.is(statusOf(eventsAfter(withResources, request('estimate'), outcome('r-estimate', 'approved'))), 'estimate_approved');
  const ordered = inStatus('ordered');
  const granted = ordered.filter((e): e is Extract<ProjectEvent, { type: 'ProjectApprovalGranted' }> => e.type === 'ProjectApprovalGranted').at(-1);
  assert.equal([granted?.data.kind, granted?.data.ringiNumber], ['order', 'JUCHU-2025-001']);
});

test('an order approval without the 受注稟議番号 is refused', () => {
  project.given(inStatus('order_in_ringi')).when(outcome('r-order', 'approved')).thenFails('validation_failed', 'ringiNumber');
});

for (const result of ['rejected', 'sent_back', 'withdrawn'] as const) {
  test(`an estimate ringi ${result} from 承認 returns to 承認 (the state it was requested from)`, () => {
    const reEstimate = eventsAfter(inStatus('estimate_approved'), request('estimate', 'r-2'));
    const after = eventsAfter(reEstimate, outcome('r-2', result));
    assert.is(statusOf(after), 'estimate_approved');
    assert.is(after.at(-2)?.type, { rejected: 'ProjectApprovalRejected', sent_back: 'ProjectApprovalSentBack', withdrawn: 'ProjectApprovalWithdrawn' }[result]);
  });
}

test('差し戻し of an order ringi from 先行着手 returns to 先行着手', () => {
  const inRingi = eventsAfter(inStatus('early_started'), request('order', 'r-o'));
  assert.is(statusOf(eventsAfter(inRingi, outcome('r-o', 'sent_back'))), 'early_started');
});

test('a ringi sent back may be filed again under the same id and then approved', () => {
  const sentBack = eventsAfter(withResources, request('estimate', 'r-1'), outcome('r-1', 'sent_back'));
  const again = eventsAfter(sentBack, request('estimate', 'r-1'), outcome('r-1', 'approved'));
  assert.is(statusOf(again), 'estimate_approved');
});

test('a late duplicate of the 差し戻し that preceded a resubmission does not send it back again', () => {
  const sentBack = eventsAfter(withResources, request('estimate', 'r-1'), outcome('r-1', 'sent_back'));
  const resubmitted = eventsAfter(sentBack, { ...request('estimate', 'r-1'), meta: { actor: meta.actor, at: '2025-04-11T00:00:00.000Z' } });
  project.given(resubmitted).when(outcome('r-1', 'sent_back')).thenNothing();
  project
    .given(resubmitted)
    .when({ type: 'RecordApprovalOutcome', body: { ringiId: 'r-1', outcome: 'sent_back', decidedBy: '鈴木 部長', decidedAt: '2025-04-12T00:00:00.000Z' }, meta })
    .thenEvents((events) => assert.is(events[0]?.type, 'ProjectApprovalSentBack'));
});

test('a ringi that ended otherwise cannot be filed again', () => {
  const rejected = eventsAfter(withResources, request('estimate', 'r-1'), outcome('r-1', 'rejected'));
  project.given(rejected).when(request('estimate', 'r-1')).thenFails('rule_violated', 'ringiId');
});

test('the same outcome delivered twice changes nothing', () => {
  project.given(inStatus('estimate_approved')).when(outcome('r-estimate', 'approved')).thenNothing();
});

test('a different outcome for a finished ringi is refused', () => {
  project.given(inStatus('estimate_approved')).when(outcome('r-estimate', 'rejected')).thenFails('rule_violated', 'outcome');
});

test('an outcome for a ringi this project never requested is refused', () => {
  project.given(inStatus('estimate_in_ringi')).when(outcome('r-other', 'approved')).thenFails('rule_violated', 'ringiId');
});

test('outside a 稟議中 state no outcome can move the project', () => {
  const inRingi: readonly ProjectStatus[] = ['proposal_in_ringi', 'estimate_in_ringi', 'early_start_in_ringi', 'order_in_ringi'];
  for (const status of PROJECT_STATUSES.filter((s) => !inRingi.includes(s))) {
    for (const result of ['approved', 'rejected', 'sent_back', 'withdrawn'] as const) {
      project.given(inStatus(status)).when(outcome('r-unknown', result, 'N-1')).thenFails('rule_violated', 'ringiId');
    }
  }
});

test('manual status change needs a reason', () => {
  project.given(withResources).when({ type: 'ChangeProjectStatus', body: { to: 'lost', reason: '  ' }, meta }).thenFails('validation_failed', 'reason');
});

test('失注 records who, when and why in the status history', () => {
  project
    .given(withResources)
    .when(change('lost', '他社に決定'))
    .then([{ type: 'ProjectStatusChanged', data: { projectId: PID, from: 'proposing', to: 'lost', reason: '他社に決定', ringiId: null, by: meta.actor, at: meta.at } }]);
});

test('売上実績処理中 lasts until every open month is closed', () => {
  const twoOpen = eventsAfter(inStatus('ordered'), startSales('2025-04'), startSales('2025-05'));
  assert.is(statusOf(twoOpen), 'sales_actual_in_progress');
  project
    .given(twoOpen)
    .when(finishSales('2025-04'))
    .then([{ type: 'SalesActualProcessingFinished', data: { projectId: PID, month: '2025-04', ringiId: null } }]);
  const oneLeft = eventsAfter(twoOpen, finishSales('2025-04'));
  project
    .given(oneLeft)
    .when(finishSales('2025-05'))
    .then([
      { type: 'SalesActualProcessingFinished', data: { projectId: PID, month: '2025-05', ringiId: null } },
      { type: 'ProjectStatusChanged', data: { projectId: PID, from: 'sales_actual_in_progress', to: 'ordered', reason: '2025-05の売上実績処理が完了', ringiId: null, by: meta.actor, at: meta.at } },
    ]);
});

test('a repeated start or finish of the same month changes nothing', () => {
  project.given(inStatus('sales_actual_in_progress')).when(startSales('2025-04')).thenNothing();
  project.given(inStatus('ordered')).when(finishSales('2025-04')).thenNothing();
});

test('status commands on a project that does not exist answer not_found', () => {
  project.given([]).when(change('lost')).thenFails('not_found');
  project.given([]).when(request('estimate')).thenFails('not_found');
  project.given([]).when(outcome('r-1', 'approved')).thenFails('not_found');
  project.given([]).when(startSales('2025-04')).thenFails('not_found');
  project.given([]).when(finishSales('2025-04')).thenFails('not_found');
});

test.run();
