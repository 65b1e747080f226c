import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { RingiEvent } from '@sss/contracts/ringi/events';
import type { ApprovalStep } from '@sss/contracts/ports/workflow';
import { fold } from '../../src/kernel/decider.ts';
import { ringiDecider, type RingiCommand } from '../../src/ringi/ringi-decider.ts';
import { lastDecision, outcomeOf } from '../../src/ringi/ringi-outcome.ts';

/** The 稟議 record keeps itself free of repeats: that is what makes every step of the manager retry-safe. */
const test = suite('ringi decider');
const at = '2026-04-01T00:00:00.000Z';
const requested: RingiEvent = {
  type: 'RingiRequested',
  data: { ringiId: 'r1', kind: 'estimate', subject: { projectId: 'p1', projectNumber: '20260001', projectName: 'x', month: null }, requestedBy: 'u1', actAs: 'sato', routeId: 101, title: 't', values: {}, comment: '', sourceStream: 'project-p1', sourceEventId: 'e1', at },
};
const drafted: RingiEvent = { type: 'RingiDraftFiled', data: { ringiId: 'r1', documentId: 7, link: 'l', at } };
const submitted: RingiEvent = { type: 'RingiSubmitted', data: { ringiId: 'r1', documentId: 7, documentNumber: 'RINGI2026-000001', link: 'l', at } };
const decide = (history: RingiEvent[], command: RingiCommand) => ringiDecider.decide(command, fold(ringiDecider, history));

test('a 稟議 opens once; nothing but the request starts its stream', () => {
  assert.is((decide([], { type: 'StartRingi', data: requested.data as never }) as RingiEvent[]).length, 1);
  assert.equal(decide([requested], { type: 'StartRingi', data: requested.data as never }), []);
  assert.equal(decide([], { type: 'RecordDraft', data: drafted.data as never }), []);
});

test('one draft per 稟議, one submission', () => {
  assert.equal(decide([requested, drafted], { type: 'RecordDraft', data: { ...(drafted.data as object), documentId: 8 } as never }), []);
  assert.equal(decide([requested, drafted, submitted], { type: 'RecordSubmitted', data: submitted.data as never }), []);
});

test('webhooks: recorded once per notification, only for our document', () => {
  const hook = (id: string, documentId = 7): RingiCommand => ({ type: 'RecordWebhook', documentId, data: { ringiId: 'r1', notificationId: id, action: 'accept', reportedStatus: 'flow', at } });
  const first = decide([requested, drafted, submitted], hook('n1')) as RingiEvent[];
  assert.is(first.length, 1);
  assert.equal(decide([requested, drafted, submitted, ...first], hook('n1')), [], 'a duplicate');
  assert.equal(decide([requested, drafted, submitted], hook('n2', 99)), [], 'another document');
  assert.is(fold(ringiDecider, [requested, drafted, submitted, ...first]).wakeRequested, true);
});

test('after the outcome the record is closed', () => {
  const applied: RingiEvent = { type: 'RingiOutcomeApplied', data: { ringiId: 'r1', outcome: 'approved', documentNumber: 'RINGI2026-000001', decidedBy: 'x', comment: '', decidedAt: at, at } };
  assert.equal(decide([requested, drafted, submitted, applied], { type: 'RecordPoll', data: { ringiId: 'r1', polls: 1, nextPollAt: at, at } }), []);
});

test('a failure that waiting cannot fix halts; progress clears the failure count', () => {
  const failed: RingiEvent = { type: 'RingiAttemptFailed', data: { ringiId: 'r1', step: 'draft', message: 'x', retryable: false, failures: 1, nextAttemptAt: null, at } };
  assert.is(fold(ringiDecider, [requested, failed]).halted, true);
  const state = fold(ringiDecider, [requested, { ...failed, data: { ...failed.data, retryable: true, failures: 3 } } as RingiEvent, drafted]);
  assert.is(state.failures, 0);
  assert.is(state.nextAttemptAt, null);
});

test('status → outcome, and who decided (a skipped co-approver decided nothing)', () => {
  assert.equal([outcomeOf('decision'), outcomeOf('reject'), outcomeOf('remand'), outcomeOf('takeback'), outcomeOf('flow')], ['approved', 'rejected', 'sent_back', 'withdrawn', null]);
  const step = (name: string, status: ApprovalStep['status'], decidedAt: string | null, comment = ''): ApprovalStep => ({ phase: 1, phaseTitle: 'p', approverId: name, approverName: name, status, comment, decidedAt, current: false });
  assert.equal(lastDecision([step('a', 'accept', '2026-04-01T01:00:00Z', 'ok'), step('b', 'accept', '2026-04-01T02:00:00Z', 'fine'), step('c', 'skip', '2026-04-01T02:00:00Z')]), { by: 'b', comment: 'fine', at: '2026-04-01T02:00:00Z' });
});

test.run();
