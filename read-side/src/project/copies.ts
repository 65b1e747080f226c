import type { RecordedOf } from '@sss/contracts/events/registry';
import { applyOrgChanges, current, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';
import { searchKeyOf } from '@sss/contracts/domain/search-key';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { SEARCH_KEY } from '../http/query-helpers.ts';

/**
 * The project projection's own copies of what it shows by name — companies (name, kana), org units
 * (current name) and staff (with roles, active and a search key, for the pickers) — so it never waits on
 * another projection's progress.
 */

export const PROJECT_COMPANIES = 'project_companies';
export const PROJECT_ORG_UNITS = 'project_org_units';
export const PROJECT_PEOPLE = 'project_people';

/** The other contexts' events this projection keeps copies from. */
export const COPIED_TYPES = ['UserRegistered', 'EmployeeProfileSet', 'UserRolesChanged', 'UserDeactivated', 'UserReactivated', 'CompanyRegistered', 'CompanyEdited', 'OrgChangesConfirmed'] as const;
export type CopiedType = (typeof COPIED_TYPES)[number];

export async function copyChanges(event: RecordedOf<CopiedType>, docs: DocReader): Promise<DocChange[]> {
  if (event.type === 'UserRegistered') {
    const { userId, name, email, roles } = event.data;
    return [{ op: 'put', collection: PROJECT_PEOPLE, doc: { _id: userId, name, email, roles, active: true, [SEARCH_KEY]: searchKeyOf(name, email) } }];
  }
  if (event.type === 'EmployeeProfileSet') {
    // the picker fills a row's 社員番号, rank and cost from here, and finds the person by 社員番号 too
    const person = await docs.get(PROJECT_PEOPLE, event.data.userId);
    if (!person) return [];
    const { employeeNo, classRank, monthlyCost } = event.data;
    return [{ op: 'put', collection: PROJECT_PEOPLE, doc: { ...person, employeeNo, classRank, monthlyCost, [SEARCH_KEY]: searchKeyOf(String(person.name), String(person.email), employeeNo) } }];
  }
  if (event.type === 'UserRolesChanged' || event.type === 'UserDeactivated' || event.type === 'UserReactivated') {
    const person = await docs.get(PROJECT_PEOPLE, event.data.userId);
    if (!person) return [];
    const patch = event.type === 'UserRolesChanged' ? { roles: event.data.roles } : { active: event.type === 'UserReactivated' };
    return [{ op: 'put', collection: PROJECT_PEOPLE, doc: { ...person, ...patch } }];
  }
  if (event.type === 'CompanyRegistered' || event.type === 'CompanyEdited') {
    const { companyId, name, kana } = event.data;
    return [{ op: 'put', collection: PROJECT_COMPANIES, doc: { _id: companyId, name, kana } }];
  }
  if (event.type === 'OrgChangesConfirmed') {
    const { changes, effectiveDate } = event.data;
    const before = new Map<string, OrgUnitTimeline>();
    for (const id of new Set(changes.map((c) => c.unitId))) {
      const doc = await docs.get(PROJECT_ORG_UNITS, id);
      if (doc) before.set(id, doc.timeline as OrgUnitTimeline);
    }
    const after = applyOrgChanges(before, changes, effectiveDate);
    return [...after.values()].map((timeline) => ({ op: 'put', collection: PROJECT_ORG_UNITS, doc: { _id: timeline.unitId, name: current(timeline).name, timeline } }));
  }
  return [];
}

export const companyOf = async (docs: DocReader, id: string) => {
  const doc = await docs.get(PROJECT_COMPANIES, id);
  return { id, name: (doc?.name as string | undefined) ?? id, kana: (doc?.kana as string | undefined) ?? '' };
};
export const orgUnitOf = async (docs: DocReader, id: string) => ({ id, name: ((await docs.get(PROJECT_ORG_UNITS, id))?.name as string | undefined) ?? id });
export const personOf = async (docs: DocReader, id: string) => ((await docs.get(PROJECT_PEOPLE, id))?.name as string | undefined) ?? id;
