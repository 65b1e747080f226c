import type { FieldError } from '@sss/contracts/http/problem';
import { ORG_LEVEL_LABELS, orgLevelRank, type OrgChange, type OrgLevel } from '@sss/contracts/organization/schemas';
import { current, type OrgUnits, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';

/**
 * The rules of the org tree, on the tree as the draft would leave it ("current" = not dissolved).
 * Per-change rules run when a change is staged and again, in order, at confirmation; tree-wide
 * rules (nobody outlives their parent, codes unique, no cycles) only at confirmation, because a
 * draft may dissolve a parent first and move its children away in a later change.
 */

const alive = (unit: OrgUnitTimeline | undefined): unit is OrgUnitTimeline => !!unit && unit.dissolvedOn === null;
const nameOf = (units: OrgUnits, id: string) => (units.get(id) ? current(units.get(id)!).name : id);

/** True when `candidate` is `unitId` or lies below it: moving `unitId` there would close a loop. */
function isSelfOrDescendant(units: OrgUnits, unitId: string, candidate: string): boolean {
  const seen = new Set<string>();
  for (let id: string | null = candidate; id && !seen.has(id); id = units.get(id) ? current(units.get(id)!).parentId : null) {
    if (id === unitId) return true;
    seen.add(id);
  }
  return false;
}

function parentProblems(units: OrgUnits, parentId: string | null, level: OrgLevel, field = 'parentId'): FieldError[] {
  if (parentId === null) return [];
  const parent = units.get(parentId);
  if (!parent) return [{ field, message: '親組織が見つかりません。' }];
  if (!alive(parent)) return [{ field, message: `「${current(parent).name}」は解散済みのため、配下に組織を置けません。` }];
  const parentLevel = current(parent).level;
  if (orgLevelRank(level) <= orgLevelRank(parentLevel)) {
    return [{ field: 'level', message: `${ORG_LEVEL_LABELS[level]}は${ORG_LEVEL_LABELS[parentLevel]}「${current(parent).name}」の配下に置けません。上位の階層の下に置いてください。` }];
  }
  return [];
}

function codeTaken(units: OrgUnits, code: string, except?: string): OrgUnitTimeline | undefined {
  const key = code.normalize('NFKC').toLowerCase();
  return [...units.values()].find((u) => u.unitId !== except && alive(u) && current(u).code.normalize('NFKC').toLowerCase() === key);
}

/** Whether one change can be made to the tree as it stands. */
export function changeProblems(units: OrgUnits, change: OrgChange, createdInDraft: ReadonlySet<string>): FieldError[] {
  if (change.kind === 'create') {
    const errors: FieldError[] = [];
    if (!change.name.trim()) errors.push({ field: 'name', message: '空白だけの入力はできません。' });
    if (!change.kana.trim()) errors.push({ field: 'kana', message: '空白だけの入力はできません。' });
    const taken = codeTaken(units, change.code);
    if (taken) errors.push({ field: 'code', message: `組織コード「${change.code}」は有効な組織「${current(taken).name}」が使っています。` });
    return [...errors, ...parentProblems(units, change.parentId, change.level)];
  }
  const unit = units.get(change.unitId);
  if (!unit) return [{ field: 'unitId', message: '組織が見つかりません。' }];
  if (!alive(unit)) return [{ field: 'unitId', message: `「${current(unit).name}」は解散済みのため変更できません。` }];
  switch (change.kind) {
    case 'rename':
      return [
        ...(change.name.trim() ? [] : [{ field: 'name', message: '空白だけの入力はできません。' }]),
        ...(change.kana.trim() ? [] : [{ field: 'kana', message: '空白だけの入力はできません。' }]),
      ];
    case 'move': {
      if (change.parentId === current(unit).parentId) return [{ field: 'parentId', message: '現在と同じ親組織です。別の親組織を選んでください。' }];
      if (change.parentId !== null && isSelfOrDescendant(units, unit.unitId, change.parentId)) {
        return [{ field: 'parentId', message: `「${nameOf(units, change.parentId)}」は「${current(unit).name}」自身またはその配下のため、移動先にできません（循環します）。` }];
      }
      return parentProblems(units, change.parentId, current(unit).level);
    }
    case 'dissolve':
      return createdInDraft.has(unit.unitId) ? [{ field: 'unitId', message: `「${current(unit).name}」はこの下書きで作成する組織です。解散ではなく作成を取り消してください。` }] : [];
  }
}

/** Tree-wide rules on the tree a confirmed draft would leave; each error names the unit at fault. */
export function treeProblems(units: OrgUnits): FieldError[] {
  const errors: FieldError[] = [];
  for (const unit of units.values()) {
    if (!alive(unit)) continue;
    const { parentId, name, code } = current(unit);
    const field = `units.${unit.unitId}`;
    if (parentId !== null && !alive(units.get(parentId))) {
      errors.push({ field, message: `「${name}」が解散する親組織「${nameOf(units, parentId)}」の配下に残ります。先に移動するか、一緒に解散してください。` });
    }
    if (parentId !== null && isSelfOrDescendant(units, unit.unitId, parentId)) errors.push({ field, message: `「${name}」の親子関係が循環しています。` });
    const twin = codeTaken(units, code, unit.unitId);
    if (twin && unit.unitId < twin.unitId) errors.push({ field, message: `組織コード「${code}」が「${name}」と「${current(twin).name}」で重複しています。` });
  }
  return errors;
}
