import type { RecordedOf } from '@sss/contracts/events/registry';
import type { CopiedType } from './copies.ts';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { PROJECTS, type ProjectDoc } from './project-doc.ts';
import { PROJECT_REFS, refId } from './project-refs.ts';

/**
 * 案件一覧 shows the customer and 主管部 by name and searches the customer's kana, so a rename must
 * reach every project that names them. The projection can only read documents by id, so it keeps,
 * per company and per org unit, the ids of the projects that ever named it (a stale id is harmless:
 * the project's own reference is checked before it is touched).
 */

async function projectsNaming(docs: DocReader, kind: 'company' | 'org', id: string): Promise<ProjectDoc[]> {
  const projectIds = ((await docs.get(PROJECT_REFS, refId(kind, id)))?.projectIds as string[] | undefined) ?? [];
  const found = await Promise.all(projectIds.map((p) => docs.get(PROJECTS, p)));
  return found.filter((d): d is ProjectDoc => d !== null && (kind === 'company' ? d.customerCompanyId === id : d.supervisingOrgUnitId === id));
}

/** Projects whose customer or 主管部 was just renamed, with the new name (revision and updatedAt untouched: the project did not change). */
export async function followRenames(event: RecordedOf<CopiedType>, docs: DocReader, orgNames: ReadonlyMap<string, string>): Promise<DocChange[]> {
  const put = (doc: ProjectDoc): DocChange => ({ op: 'put', collection: PROJECTS, doc });
  if (event.type === 'CompanyEdited') {
    const { companyId, name, kana } = event.data;
    return (await projectsNaming(docs, 'company', companyId)).map((p) => put({ ...p, customer: { id: companyId, name }, customerKana: kana }));
  }
  if (event.type === 'OrgChangesConfirmed') {
    const changes: DocChange[] = [];
    for (const change of event.data.changes) {
      const name = orgNames.get(change.unitId);
      if (change.kind !== 'rename' || !name) continue;
      changes.push(...(await projectsNaming(docs, 'org', change.unitId)).map((p) => put({ ...p, supervisingOrgUnit: { id: change.unitId, name } })));
    }
    return changes;
  }
  return [];
}
