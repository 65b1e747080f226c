import { DomainError } from '@sss/contracts/http/problem';
import type { Decider, Decision } from '../kernel/decider.ts';
import type { ProjectEvent } from '@sss/contracts/project/events';
import type { ProjectCommand } from './commands.ts';
import { evolveProject, initialProjectState, type ProjectState } from './state.ts';
import { basicsErrors, changedBasics, periodKeepsEffortErrors, pickBasics } from './basics.ts';
import { copyEvents } from './copy.ts';
import { mustBeEditable } from './guards.ts';
import { addResource, editResource, refreshEmployeeCosts, removeResource, setMonthlyEffort } from './resources.ts';
import { setBillingSchedule } from './billing.ts';
import { changeStatus, finishSalesActualProcessing, recordApprovalOutcome, requestApproval, startSalesActualProcessing } from './status-flow.ts';
import { failIfAny } from './validation.ts';

/**
 * The Project (案件) aggregate, stream `project-<id>`: basic attributes, the 月毎明細 rows, the
 * billing schedule and the status with its history (docs/domain.md §案件 (Project)). Rules per topic live in the
 * imported files; this one routes commands and owns registration.
 */

type Cmd<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>;

function register(cmd: Cmd<'RegisterProject'>, state: ProjectState): Decision<ProjectEvent> {
  if (state.exists) return new DomainError('already_exists', 'この案件は既に登録されています。');
  const basics = pickBasics(cmd.body);
  const invalid = failIfAny(basicsErrors(basics));
  if (invalid) return invalid;
  return [
    {
      type: 'ProjectRegistered',
      data: { projectId: cmd.projectId, projectNumber: cmd.projectNumber, status: 'proposing', copiedFrom: null, by: cmd.meta.actor, at: cmd.meta.at, ...basics },
    },
  ];
}

function copy(cmd: Cmd<'CopyProject'>, state: ProjectState): Decision<ProjectEvent> {
  if (state.exists) return new DomainError('already_exists', 'この案件は既に登録されています。');
  if (!cmd.source.exists || cmd.source.basics === null) return new DomainError('not_found', 'コピー元の案件が見つかりません。');
  if (cmd.body.name !== undefined && cmd.body.name.trim() === '') return DomainError.field('validation_failed', 'name', '案件名を入力してください。');
  return copyEvents(cmd.source, cmd.projectId, cmd.projectNumber, cmd.body.name, cmd.meta);
}

function editBasics(cmd: Cmd<'EditProjectBasics'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const basics = pickBasics(cmd.body);
  const invalid = failIfAny(basicsErrors(basics)) ?? failIfAny(periodKeepsEffortErrors(basics, state.resources));
  if (invalid) return invalid;
  const changed = changedBasics(state.basics!, basics);
  return changed.length === 0 ? [] : [{ type: 'ProjectBasicsEdited', data: { projectId: state.projectId, changed, ...basics } }];
}

function decide(command: ProjectCommand, state: ProjectState): Decision<ProjectEvent> {
  switch (command.type) {
    case 'RegisterProject':
      return register(command, state);
    case 'CopyProject':
      return copy(command, state);
    case 'EditProjectBasics':
      return editBasics(command, state);
    case 'AddResource':
      return addResource(command, state);
    case 'EditResource':
      return editResource(command, state);
    case 'RemoveResource':
      return removeResource(command, state);
    case 'SetMonthlyEffort':
      return setMonthlyEffort(command, state);
    case 'RefreshEmployeeCosts':
      return refreshEmployeeCosts(command, state);
    case 'SetBillingSchedule':
      return setBillingSchedule(command, state);
    case 'ChangeProjectStatus':
      return changeStatus(command, state);
    case 'RequestApproval':
      return requestApproval(command, state);
    case 'RecordApprovalOutcome':
      return recordApprovalOutcome(command, state);
    case 'StartSalesActualProcessing':
      return startSalesActualProcessing(command, state);
    case 'FinishSalesActualProcessing':
      return finishSalesActualProcessing(command, state);
  }
}

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  decide,
  evolve: evolveProject,
  initialState: initialProjectState,
};

export type { ProjectState };
