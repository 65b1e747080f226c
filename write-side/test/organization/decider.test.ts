import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrganizationEvent } from '@sss/contracts/organization/events';
import type { OrgChange } from '@sss/contracts/organization/schemas';
import { fold } from '../../src/kernel/decider.ts';
import { spec } from '../../src/kernel/spec.ts';
import { organizationDecider } from '../../src/organization/decider.ts';

/** 組織改編 as specifications: staging, cycles, parents outliving children, codes, dates. */

const create = (unitId: string, code: string, parentId: string | null, level: 'headquarters' | 'division' | 'department' | 'group', name = code): OrgChange =>
  ({ kind: 'create', unitId, code, name, kana: 'ソシキ', level, accountingCategory: 'cost_of_sales', sortOrder: 10, parentId });
const confirmed = (effectiveDate: string, ...changes: OrgChange[]): OrganizationEvent => ({ type: 'OrgChangesConfirmed', data: { reorganizationId: `r-${effectiveDate}`, effectiveDate, note: '', changes } });
const staged = (changeId: string, change: OrgChange): OrganizationEvent => ({ type: 'OrgChangeStaged', data: { changeId, change } });

/** 営業本部 > BS事業部 > {第1グループ, 第2グループ}; 管理本部 alone. */
const base = confirmed('2020-04-01', create('hq', 'S00', null, 'headquarters', '営業本部'), create('bs', 'BS', 'hq', 'division', 'BS事業部'), create('g1', 'BS1', 'bs', 'group', 'BS第1グループ'), create('g2', 'BS2', 'bs', 'group', 'BS第2グループ'), create('adm', 'A00', null, 'headquarters', '管理本部'));
const org = spec(organizationDecider);

test('staging a change records it in the draft; nothing is applied yet', () => {
  const change = create('g3', 'BS3', 'bs', 'group');
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c1', change }).then([staged('c1', change)]);
  const state = fold(organizationDecider, [base, staged('c1', change)]);
  assert.not.ok(state.units.has('g3'));
  assert.is(state.draft.length, 1);
});

test('a move under its own descendant is refused as a cycle', () => {
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c', change: { kind: 'move', unitId: 'bs', parentId: 'g1' } }).thenFails('validation_failed', 'parentId');
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c', change: { kind: 'move', unitId: 'hq', parentId: 'hq' } }).thenFails('validation_failed', 'parentId');
});

test('a child cannot sit at or above its parent level', () => {
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c', change: create('x', 'X', 'g1', 'division') }).thenFails('validation_failed', 'level');
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c', change: { kind: 'move', unitId: 'bs', parentId: 'adm' } }).thenEvents((events) => assert.is(events.length, 1));
});

test('codes are unique among active units, and free again after dissolution', () => {
  org.given([base]).when({ type: 'StageOrgChange', changeId: 'c', change: create('x', 'bs1', 'bs', 'group') }).thenFails('validation_failed', 'code');
  const dissolved = confirmed('2021-04-01', { kind: 'dissolve', unitId: 'g1' });
  org.given([base, dissolved]).when({ type: 'StageOrgChange', changeId: 'c', change: create('x', 'BS1', 'bs', 'group') }).thenEvents((events) => assert.is(events.length, 1));
});

test('a dissolved unit cannot get children or changes', () => {
  const dissolved = confirmed('2021-04-01', { kind: 'dissolve', unitId: 'g1' }, { kind: 'dissolve', unitId: 'g2' }, { kind: 'dissolve', unitId: 'bs' });
  org.given([base, dissolved]).when({ type: 'StageOrgChange', changeId: 'c', change: create('x', 'X', 'bs', 'group') }).thenFails('validation_failed', 'parentId');
  org.given([base, dissolved]).when({ type: 'StageOrgChange', changeId: 'c', change: { kind: 'rename', unitId: 'bs', name: '新', kana: 'シン' } }).thenFails('validation_failed', 'unitId');
  // a parent dissolved earlier in the same draft counts too
  org.given([base, staged('d', { kind: 'dissolve', unitId: 'adm' })]).when({ type: 'StageOrgChange', changeId: 'c', change: create('x', 'X', 'adm', 'division') }).thenFails('validation_failed', 'parentId');
});

test('a child cannot outlive its parent: dissolving a parent with children left under it cannot be confirmed', () => {
  org.given([base, staged('d', { kind: 'dissolve', unitId: 'bs' })]).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-04-01', note: '' }).thenFails('rule_violated', 'units.g1');
  // moving the children away first (in any order within the draft) makes it confirmable
  const draft = [staged('d', { kind: 'dissolve', unitId: 'bs' }), staged('m1', { kind: 'move', unitId: 'g1', parentId: 'hq' }), staged('m2', { kind: 'dissolve', unitId: 'g2' })];
  org.given([base, ...draft]).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-04-01', note: '' }).thenEvents((events) => {
    assert.is(events[0]!.type, 'OrgChangesConfirmed');
  });
});

test('confirm applies the whole draft at the effective date and empties it', () => {
  const change = create('g3', 'BS3', 'bs', 'group');
  org.given([base, staged('c1', change)]).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r1', effectiveDate: '2025-04-01', note: '第3グループ新設' }).then([confirmed('2025-04-01', change)].map((e) => ({ ...e, data: { ...e.data, reorganizationId: 'r1', note: '第3グループ新設' } })) as OrganizationEvent[]);
  const state = fold(organizationDecider, [base, staged('c1', change), confirmed('2025-04-01', change)]);
  assert.is(state.draft.length, 0);
  assert.is(state.units.get('g3')!.establishedOn, '2025-04-01');
  assert.is(state.lastEffectiveDate, '2025-04-01');
});

test('an effective date before the last reorganization, an impossible date or an empty draft is refused', () => {
  const draft = [base, confirmed('2025-04-01', { kind: 'rename', unitId: 'g1', name: 'A', kana: 'エー' }), staged('c', { kind: 'rename', unitId: 'g2', name: 'B', kana: 'ビー' })];
  org.given(draft).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-03-31', note: '' }).thenFails('rule_violated', 'effectiveDate');
  org.given(draft).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-02-30', note: '' }).thenFails('validation_failed', 'effectiveDate');
  org.given([base]).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-04-01', note: '' }).thenFails('rule_violated');
});

test('withdrawing a create that a later change depends on makes the draft unconfirmable, naming the change', () => {
  const draft = [base, staged('c1', create('d1', 'D1', 'hq', 'division')), staged('c2', create('dg', 'DG', 'd1', 'group')), { type: 'OrgChangeWithdrawn', data: { changeId: 'c1' } } as OrganizationEvent];
  org.given(draft).when({ type: 'ConfirmOrgChanges', reorganizationId: 'r', effectiveDate: '2025-04-01', note: '' }).thenFails('rule_violated', 'changes.c2');
  org.given([base]).when({ type: 'WithdrawOrgChange', changeId: 'nope' }).thenFails('not_found');
});

test('dissolving a unit created in the same draft is refused (withdraw the create instead)', () => {
  org.given([base, staged('c1', create('n', 'N', 'hq', 'division'))]).when({ type: 'StageOrgChange', changeId: 'c2', change: { kind: 'dissolve', unitId: 'n' } }).thenFails('validation_failed', 'unitId');
});

test('discarding an empty draft does nothing; a full one records every change id', () => {
  org.given([base]).when({ type: 'DiscardOrgDraft' }).thenNothing();
  org.given([base, staged('a', { kind: 'dissolve', unitId: 'g2' })]).when({ type: 'DiscardOrgDraft' }).then([{ type: 'OrgDraftDiscarded', data: { changeIds: ['a'] } }]);
});

test.run();
