import type { PartnerAffiliationsCopied } from '@sss/contracts/company/partner-count-events';
import type { DocChange, DocReader } from '../projector/projection.ts';

/**
 * `partnerCount` on the company document, from the company context's copy of partner affiliations
 * (written by the partner-count consumer from topic `sss.partner.v1`). Each copy event names the
 * companies a partner counted for before and after, so the count moves by the difference. Revision
 * and updatedAt stay as they are: they belong to the company stream (If-Match), not to this count.
 */
export async function partnerCountChanges(event: PartnerAffiliationsCopied, docs: DocReader): Promise<DocChange[]> {
  const { counted, previouslyCounted } = event.data;
  const delta = new Map<string, number>();
  for (const id of previouslyCounted) delta.set(id, (delta.get(id) ?? 0) - 1);
  for (const id of counted) delta.set(id, (delta.get(id) ?? 0) + 1);
  const changes: DocChange[] = [];
  for (const [companyId, by] of delta) {
    if (by === 0) continue;
    const company = await docs.get('companies', companyId);
    if (!company) continue;
    changes.push({ op: 'put', collection: 'companies', doc: { ...company, partnerCount: Math.max(0, ((company.partnerCount as number) ?? 0) + by) } });
  }
  return changes;
}
