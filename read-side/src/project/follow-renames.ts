import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { CompanyEvent } from '@sss/contracts/company/events';
import { ORGANIZATION_STREAM, type OrganizationEvent } from '@sss/contracts/organization/events';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { PROJECTS, type ProjectDoc } from './project-doc.ts';

/**
 * 案件一覧 shows the customer and 主管部 by name and searches the customer's kana, so a rename must
 * reach every project that names them. The projection can only read documents by id, so it keeps,
 * per company and per org unit, the ids of the projects that ever named it (a stale id is harmless:
 * the project's own reference is checked before it is touched).
 */

export const PROJECT_REFS = 'project_refs';
const refId = (kind: 'company' | 'org', id: string) => `${kind}:${id}`;

/** Remember that `projectId` names this customer and 主管部 (on register and on every basics edit). */
export async function rememberRefs(docs: DocReader, projectId: string, customerCompanyId: string, orgUnitId: string): Promise<DocChange[]> {
  const changes: DocChange[] = [];
  for (const id of [refId('company', customerCompanyId), refId('org', orgUnitId)]) {
    const projectIds = ((await docs.get(PROJECT_REFS, id))?.projectIds as string[] | undefined) ?? [];
    if (!projectIds.includes(projectId)) changes.push({ op: 'put', collection: PROJECT_REFS, doc: { _id: id, projectIds: [...projectIds, projectId] } });
  }
  return changes;
}

async function projectsNaming(docs: DocReader, kind: 'company' | 'org', id: string): Promise<ProjectDoc[]> {
  const projectIds = ((await docs.get(PROJECT_REFS, refId(kind, id)))?.projectIds as string[] | undefined) ?? [];
  const found = await Promise.all(projectIds.map((p) => docs.get(PROJECTS, p)));
  return found.filter((d): d is ProjectDoc => d !== null && (kind === 'company' ? d.customerCompanyId === id : d.supervisingOrgUnitId === id));
}

/** Projects whose customer or 主管部 was just renamed, with the new name (revision and updatedAt untouched: the project did not change). */
export async function followRenames(event: RecordedEvent, docs: DocReader, orgNames: ReadonlyMap<string, string>): Promise<DocChange[]> {
  const put = (doc: ProjectDoc): DocChange => ({ op: 'put', collection: PROJECTS, doc });
  if (event.streamName.startsWith('company-') && event.type === 'CompanyEdited') {
    const { companyId, name, kana } = (event as unknown as Extract<CompanyEvent, { type: 'CompanyEdited' }>).data;
    return (await projectsNaming(docs, 'company', companyId)).map((p) => put({ ...p, customer: { id: companyId, name }, customerKana: kana }));
  }
  if (event.streamName === ORGANIZATION_STREAM && event.type === 'OrgChangesConfirmed') {
    const changes: DocChange[] = [];
    for (const change of (event as unknown as Extract<OrganizationEvent, { type: 'OrgChangesConfirmed' }>).data.changes) {
      const name = orgNames.get(change.unitId);
      if (change.kind !== 'rename' || !name) continue;
      changes.push(...(await projectsNaming(docs, 'org', change.unitId)).map((p) => put({ ...p, supervisingOrgUnit: { id: change.unitId, name } })));
    }
    return changes;
  }
  return [];
}
