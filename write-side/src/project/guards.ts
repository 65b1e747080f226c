import { DomainError } from '@sss/contracts/http/problem';
import { EDITABLE_STATUSES, PROJECT_STATUS_LABELS, type ProjectStatus } from '@sss/contracts/project/status';
import type { ProjectState } from './state.ts';

/** Preconditions shared by the project's commands, as values (null = fine). */

export function mustExist(state: ProjectState): DomainError | null {
  return state.exists ? null : new DomainError('not_found', '案件が見つかりません。');
}

export function mustBeEditable(state: ProjectState): DomainError | null {
  return mustExist(state) ?? (EDITABLE_STATUSES.includes(state.status) ? null : new DomainError('illegal_transition', `ステータスが「${PROJECT_STATUS_LABELS[state.status]}」の案件は編集できません。`, [], { currentStatus: state.status }));
}

export function illegalTransition(from: ProjectStatus, to: ProjectStatus): DomainError {
  return new DomainError('illegal_transition', `ステータスを「${PROJECT_STATUS_LABELS[from]}」から「${PROJECT_STATUS_LABELS[to]}」に変更することはできません。`, [], { from, to });
}
