import type { AccountingCategory, OrgChange, OrgLevel } from './schemas.ts';

/**
 * Each unit's life as a timeline of versions, each valid on [from, to). Confirmed reorganizations
 * only ever append (an effective date is never before the previous one), so "as of" is a lookup.
 * Shared by the decider (to check a draft against the tree) and the projection (to answer as-of).
 */

export interface OrgUnitAttributes {
  readonly code: string;
  readonly name: string;
  readonly kana: string;
  readonly level: OrgLevel;
  readonly accountingCategory: AccountingCategory;
  readonly sortOrder: number;
  readonly parentId: string | null;
}

export interface OrgUnitVersion extends OrgUnitAttributes {
  readonly from: string;
  /** Exclusive; null while current. */
  readonly to: string | null;
}

export interface OrgUnitTimeline {
  readonly unitId: string;
  readonly establishedOn: string;
  /** First day the unit no longer exists; null while it does. */
  readonly dissolvedOn: string | null;
  readonly versions: readonly OrgUnitVersion[];
}

export type OrgUnits = ReadonlyMap<string, OrgUnitTimeline>;

export const isActiveOn = (unit: OrgUnitTimeline, date: string) => unit.establishedOn <= date && (unit.dissolvedOn === null || date < unit.dissolvedOn);

/** The version in force on `date`; for a dissolved unit asked after its end, its last version. */
export function versionOn(unit: OrgUnitTimeline, date: string): OrgUnitVersion | null {
  if (date < unit.establishedOn) return null;
  return unit.versions.find((v) => v.from <= date && (v.to === null || date < v.to)) ?? unit.versions[unit.versions.length - 1]!;
}

export const current = (unit: OrgUnitTimeline) => unit.versions[unit.versions.length - 1]!;

/** A new version from `date`; changes to one unit on one date fold into one version. */
function revise(unit: OrgUnitTimeline, date: string, patch: Partial<OrgUnitAttributes>): OrgUnitTimeline {
  const last = current(unit);
  const next = { ...last, ...patch, from: last.from === date ? last.from : date, to: null };
  const kept = last.from === date ? unit.versions.slice(0, -1) : [...unit.versions.slice(0, -1), { ...last, to: date }];
  return { ...unit, versions: [...kept, next] };
}

/** Applies one confirmed change; an unknown unit is left alone (the decider refused it before). */
export function applyOrgChange(units: OrgUnits, change: OrgChange, date: string): Map<string, OrgUnitTimeline> {
  const next = new Map(units);
  if (change.kind === 'create') {
    const { kind: _kind, unitId, ...attributes } = change;
    next.set(unitId, { unitId, establishedOn: date, dissolvedOn: null, versions: [{ ...attributes, from: date, to: null }] });
    return next;
  }
  const unit = units.get(change.unitId);
  if (!unit) return next;
  switch (change.kind) {
    case 'rename': {
      const { kind: _kind, unitId: _id, ...patch } = change;
      next.set(unit.unitId, revise(unit, date, patch));
      break;
    }
    case 'move':
      next.set(unit.unitId, revise(unit, date, { parentId: change.parentId }));
      break;
    case 'dissolve': {
      const versions = unit.versions.map((v) => (v.to === null ? { ...v, to: date } : v));
      next.set(unit.unitId, { ...unit, dissolvedOn: date, versions });
      break;
    }
  }
  return next;
}

export const applyOrgChanges = (units: OrgUnits, changes: readonly OrgChange[], date: string) =>
  changes.reduce<OrgUnits>((tree, change) => applyOrgChange(tree, change, date), units) as Map<string, OrgUnitTimeline>;

/** Names from the top down to `unitId` as of `date` (a broken chain stops rather than loops). */
export function pathOn(units: OrgUnits, unitId: string, date: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null = unitId; id && !seen.has(id); ) {
    seen.add(id);
    const unit = units.get(id);
    const version = unit ? versionOn(unit, date) : null;
    if (!version) break;
    names.unshift(version.name);
    id = version.parentId;
  }
  return names;
}
