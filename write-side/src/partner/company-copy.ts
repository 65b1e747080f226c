import type { EventStore } from '@sss/contracts/ports/event-store';
import { COMPANY_COPY_UPDATED, type CompanyCopy } from '@sss/contracts/partner/events';

/** The partner context's own copy of a company: stream `companycopy-<companyId>`, last event = current copy. */
export const companyCopyStream = (companyId: string) => `companycopy-${companyId}`;

export async function readCompanyCopy(events: EventStore, companyId: string): Promise<CompanyCopy | null> {
  const [last] = await events.readStream(companyCopyStream(companyId), { direction: 'backwards', maxCount: 1 });
  if (!last || last.type !== COMPANY_COPY_UPDATED) return null;
  const { companyId: id, code, name, formalName, isPartner, abolishedOn } = last.data as CompanyCopy;
  return { companyId: id, code, name, formalName, isPartner, abolishedOn };
}

export async function readCompanyCopies(events: EventStore, companyIds: readonly string[]): Promise<Map<string, CompanyCopy>> {
  const copies = await Promise.all(companyIds.map((id) => readCompanyCopy(events, id)));
  return new Map(copies.filter((c) => c !== null).map((c) => [c.companyId, c]));
}
