import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { OrganizationEvent } from '@sss/contracts/organization/events';
import type { OrgChange } from '@sss/contracts/organization/schemas';
import { applyOrgChange, applyOrgChanges, type OrgUnits } from '@sss/contracts/organization/timeline';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import type { Decider } from '../kernel/decider.ts';
import { changeProblems, treeProblems } from './rules.ts';

/**
 * 組織 (organization) as one aggregate: its rules (no cycles, nobody outlives their parent, codes
 * unique among active units) span the whole tree, and a reorganization must apply all or nothing,
 * which one stream gives without a saga. An org tree is hundreds of units, so one stream stays small.
 */

export type OrganizationCommand =
  | { type: 'StageOrgChange'; changeId: string; change: OrgChange }
  | { type: 'WithdrawOrgChange'; changeId: string }
  | { type: 'DiscardOrgDraft' }
  | { type: 'ConfirmOrgChanges'; reorganizationId: string; effectiveDate: string; note: string };

export interface OrganizationState {
  readonly units: OrgUnits;
  readonly lastEffectiveDate: string | null;
  readonly draft: readonly { changeId: string; change: OrgChange }[];
}

/** The draft applied to the tree on a date no earlier than anything confirmed: what "current" would be. */
const DRAFT_DATE = '9999-12-31';

const invalid = (code: 'validation_failed' | 'rule_violated', errors: FieldError[]) => new DomainError(code, errors.map((e) => e.message).join(' '), errors);

/** Checks every draft change in order on the tree as the earlier ones leave it; field errors name the change. */
function draftProblems(state: OrganizationState, draft: OrganizationState['draft']): FieldError[] {
  const errors: FieldError[] = [];
  let units = state.units;
  const created = new Set<string>();
  for (const { changeId, change } of draft) {
    const problems = changeProblems(units, change, created);
    errors.push(...problems.map((p) => ({ field: `changes.${changeId}`, message: p.message })));
    if (problems.length === 0) units = applyOrgChange(units, change, DRAFT_DATE);
    if (change.kind === 'create') created.add(change.unitId);
  }
  return errors.length ? errors : treeProblems(units);
}

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: { units: new Map(), lastEffectiveDate: null, draft: [] },

  decide(command, state) {
    switch (command.type) {
      case 'StageOrgChange': {
        let units = state.units;
        const created = new Set<string>();
        for (const { change } of state.draft) {
          units = applyOrgChange(units, change, DRAFT_DATE);
          if (change.kind === 'create') created.add(change.unitId);
        }
        const problems = changeProblems(units, command.change, created);
        if (problems.length) return invalid('validation_failed', problems);
        return [{ type: 'OrgChangeStaged', data: { changeId: command.changeId, change: command.change } }];
      }
      case 'WithdrawOrgChange':
        if (!state.draft.some((d) => d.changeId === command.changeId)) return new DomainError('not_found', '下書きにその変更はありません。');
        return [{ type: 'OrgChangeWithdrawn', data: { changeId: command.changeId } }];
      case 'DiscardOrgDraft':
        return state.draft.length ? [{ type: 'OrgDraftDiscarded', data: { changeIds: state.draft.map((d) => d.changeId) } }] : [];
      case 'ConfirmOrgChanges': {
        const { effectiveDate } = command;
        if (!isCalendarDate(effectiveDate)) return DomainError.field('validation_failed', 'effectiveDate', '適用日は実在する日付で入力してください。');
        if (state.draft.length === 0) return new DomainError('rule_violated', '下書きに変更がありません。先に組織の変更を追加してください。');
        if (state.lastEffectiveDate && effectiveDate < state.lastEffectiveDate) {
          return DomainError.field('rule_violated', 'effectiveDate', `適用日は前回の組織改編（${state.lastEffectiveDate}）以降にしてください。`);
        }
        const problems = draftProblems(state, state.draft);
        if (problems.length) return invalid('rule_violated', problems);
        return [{ type: 'OrgChangesConfirmed', data: { reorganizationId: command.reorganizationId, effectiveDate, note: command.note, changes: state.draft.map((d) => d.change) } }];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OrgChangeStaged':
        return { ...state, draft: [...state.draft, event.data] };
      case 'OrgChangeWithdrawn':
        return { ...state, draft: state.draft.filter((d) => d.changeId !== event.data.changeId) };
      case 'OrgDraftDiscarded':
        return { ...state, draft: [] };
      case 'OrgChangesConfirmed':
        return { units: applyOrgChanges(state.units, event.data.changes, event.data.effectiveDate), lastEffectiveDate: event.data.effectiveDate, draft: [] };
    }
  },
};
