import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import type { Decision } from '../kernel/decider.ts';
import type { ProjectEvent, ProjectResource } from '@sss/contracts/project/events';
import type { EditResource } from '@sss/contracts/project/schemas';
import type { EffortMap } from '@sss/contracts/project/fields';
import { canonicalEffort, isZeroEffort } from '@sss/contracts/project/effort';
import type { ProjectCommand } from './commands.ts';
import type { ProjectState } from './state.ts';
import { mustBeEditable } from './guards.ts';
import { effortMapErrors, failIfAny, yenErrors } from './validation.ts';
import { same } from '../kernel/same.ts';

/** 月毎明細 rows: add, edit, remove, set monthly effort, refresh employee standard costs. */

type Cmd<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>;

/** The recorded shape: optional texts filled in, exactly the fields of the row's kind. */
export function recordResource(body: EditResource, resourceNo: number, effort: EffortMap): ProjectResource {
  const shared = { name: body.name, cost: body.cost, quotedUnitPrice: body.quotedUnitPrice, workSummary: body.workSummary ?? '', resourceNo, effort };
  switch (body.kind) {
    case 'employee':
      return { kind: 'employee', employeeId: body.employeeId, employeeNo: body.employeeNo, email: body.email ?? '', classRank: body.classRank, title: body.title ?? '', ...shared };
    case 'partner':
      return { kind: 'partner', partnerId: body.partnerId, partnerCompanyId: body.partnerCompanyId, title: body.title ?? '', ...shared };
    case 'expense':
      return { kind: 'expense', expenseType: body.expenseType, ...shared };
  }
}

/** Canonical spellings, zeros dropped: a month with no effort is absent, not "0". */
function canonicalMap(efforts: EffortMap): EffortMap {
  const out: EffortMap = {};
  for (const [month, effort] of Object.entries(efforts).sort(([a], [b]) => a.localeCompare(b))) if (!isZeroEffort(effort)) out[month] = canonicalEffort(effort);
  return out;
}

function priceErrors(body: EditResource): FieldError[] {
  return [...yenErrors('cost', '原価', body.cost), ...yenErrors('quotedUnitPrice', '提示単価', body.quotedUnitPrice)];
}

function findResource(state: ProjectState, resourceNo: number): ProjectResource | DomainError {
  return state.resources.find((r) => r.resourceNo === resourceNo) ?? DomainError.field('not_found', 'resourceNo', `リソース（No.${resourceNo}）はこの案件にありません。`);
}

export function addResource(cmd: Cmd<'AddResource'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const { startDate, endDate } = state.basics!;
  const effort = cmd.body.effort ?? {};
  const invalid = failIfAny([...priceErrors(cmd.body), ...effortMapErrors('effort', effort, startDate, endDate)]);
  if (invalid) return invalid;
  const { effort: _e, ...fields } = cmd.body;
  return [{ type: 'ResourceAdded', data: { projectId: state.projectId, resource: recordResource(fields, state.lastResourceNo + 1, canonicalMap(effort)) } }];
}

export function editResource(cmd: Cmd<'EditResource'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const current = findResource(state, cmd.resourceNo);
  if (current instanceof DomainError) return current;
  if (current.kind !== cmd.body.kind) return DomainError.field('rule_violated', 'kind', 'リソース種別は変更できません。削除して追加し直してください。');
  const invalid = failIfAny(priceErrors(cmd.body));
  if (invalid) return invalid;
  const next = recordResource(cmd.body, current.resourceNo, current.effort);
  // Sorted: a stable order whatever the key order of the recorded row.
  const changed = Object.keys(next)
    .filter((k) => !same(next[k as keyof ProjectResource], current[k as keyof ProjectResource]))
    .sort();
  return changed.length === 0 ? [] : [{ type: 'ResourceEdited', data: { projectId: state.projectId, resource: next, changed } }];
}

export function removeResource(cmd: Cmd<'RemoveResource'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const current = findResource(state, cmd.resourceNo);
  if (current instanceof DomainError) return current;
  return [{ type: 'ResourceRemoved', data: { projectId: state.projectId, resourceNo: current.resourceNo, name: current.name } }];
}

export function setMonthlyEffort(cmd: Cmd<'SetMonthlyEffort'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const current = findResource(state, cmd.resourceNo);
  if (current instanceof DomainError) return current;
  const { startDate, endDate } = state.basics!;
  const invalid = failIfAny(effortMapErrors('efforts', cmd.body.efforts, startDate, endDate));
  if (invalid) return invalid;
  // Record only what changes, so the history reads as what the person actually did.
  const changes: EffortMap = {};
  for (const [month, effort] of Object.entries(cmd.body.efforts).sort(([a], [b]) => a.localeCompare(b))) {
    const next = canonicalEffort(effort);
    if (next !== (current.effort[month] ?? '0')) changes[month] = next;
  }
  return Object.keys(changes).length === 0 ? [] : [{ type: 'MonthlyEffortSet', data: { projectId: state.projectId, resourceNo: current.resourceNo, efforts: changes } }];
}

/**
 * プロパー原価を最新化: every employee row takes its class rank's current standard cost. A rank
 * missing from the table stops the whole refresh: half-updated costs would make a 収支管理表 that
 * looks current but is not.
 */
export function refreshEmployeeCosts(cmd: Cmd<'RefreshEmployeeCosts'>, state: ProjectState): Decision<ProjectEvent> {
  const blocked = mustBeEditable(state);
  if (blocked) return blocked;
  const errors: FieldError[] = [];
  const changes: { resourceNo: number; classRank: string; previousCost: number; cost: number }[] = [];
  for (const r of state.resources) {
    if (r.kind !== 'employee') continue;
    const cost = Object.hasOwn(cmd.standardCosts, r.classRank) ? cmd.standardCosts[r.classRank] : undefined;
    if (cost === undefined) {
      errors.push({ field: `resources.${r.resourceNo}.classRank`, message: `${r.name}のクラスランク「${r.classRank}」の標準原価が原価表にありません。` });
      continue;
    }
    errors.push(...yenErrors(`standardCosts.${r.classRank}`, `クラスランク「${r.classRank}」の標準原価`, cost));
    if (cost !== r.cost) changes.push({ resourceNo: r.resourceNo, classRank: r.classRank, previousCost: r.cost, cost });
  }
  if (errors.length > 0) {
    // Several rows may share a bad rank: say it once per field.
    const unique = [...new Map(errors.map((e) => [e.field, e])).values()];
    return new DomainError('rule_violated', unique[0]!.message, unique);
  }
  return changes.length === 0 ? [] : [{ type: 'EmployeeCostsRefreshed', data: { projectId: state.projectId, changes } }];
}
