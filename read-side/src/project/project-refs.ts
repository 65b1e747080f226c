import type { DocChange, DocReader } from '../projector/projection.ts';

/**
 * Per company and per org unit, the ids of the projects that ever named it: written when a project
 * is registered or edited (project-doc.ts), read when a name changes (follow-renames.ts).
 */

export const PROJECT_REFS = 'project_refs';
export const refId = (kind: 'company' | 'org', id: string) => `${kind}:${id}`;

/** Remember that `projectId` names this customer and 主管部 (on register and on every basics edit). */
export async function rememberRefs(docs: DocReader, projectId: string, customerCompanyId: string, orgUnitId: string): Promise<DocChange[]> {
  const changes: DocChange[] = [];
  for (const id of [refId('company', customerCompanyId), refId('org', orgUnitId)]) {
    const projectIds = ((await docs.get(PROJECT_REFS, id))?.projectIds as string[] | undefined) ?? [];
    if (!projectIds.includes(projectId)) changes.push({ op: 'put', collection: PROJECT_REFS, doc: { _id: id, projectIds: [...projectIds, projectId] } });
  }
  return changes;
}
