import type { EditResource } from '@sss/contracts/project/schemas';
import type { ResourceView } from '@sss/contracts/project/views';
import { newIdempotencyKey } from '../../lib/idempotency.ts';
import { editResource, setMonthlyEffort } from '../../api/projects.ts';
import type { RowChange } from './gridModel.ts';

/** A row's attributes as `EditResource` wants them, with new prices: the kind decides which fields exist. */
export function editBody(r: ResourceView, prices: { cost: number; quotedUnitPrice: number }): EditResource {
  const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});
  if (r.kind === 'employee')
    return { kind: 'employee', employeeId: r.employeeId ?? '', employeeNo: r.employeeNo ?? '', classRank: r.classRank ?? '', name: r.name, ...prices, ...optional('email', r.email), ...optional('title', r.title), ...optional('workSummary', r.workSummary) };
  if (r.kind === 'partner')
    return { kind: 'partner', partnerId: r.partnerId ?? '', partnerCompanyId: r.partnerCompany?.id ?? '', name: r.name, ...prices, ...optional('title', r.title), ...optional('workSummary', r.workSummary) };
  return { kind: 'expense', expenseType: r.expenseType ?? '', name: r.name, ...prices, ...optional('workSummary', r.workSummary) };
}

/**
 * Sends the grid's changes: per row, the price edit then the changed months in one SetMonthlyEffort.
 * One after the other, each with If-Match on the revision the previous one produced (starting from
 * the revision the grid was loaded at), so a save over someone else's edit is refused (409) instead
 * of silently mixing two plans; a refusal stops at the row it concerns and the rest stays on screen.
 */
export async function saveGrid(projectId: string, loadedRevision: string, resources: readonly ResourceView[], changes: readonly RowChange[]): Promise<void> {
  let ifMatch = loadedRevision;
  for (const change of changes) {
    const resource = resources.find((r) => r.resourceNo === change.resourceNo);
    if (!resource) continue;
    if (change.prices) ifMatch = (await editResource(projectId, change.resourceNo, editBody(resource, change.prices), { idempotencyKey: newIdempotencyKey(), ifMatch })).revision;
    if (change.efforts) ifMatch = (await setMonthlyEffort(projectId, change.resourceNo, { efforts: change.efforts }, { idempotencyKey: newIdempotencyKey(), ifMatch })).revision;
  }
}
