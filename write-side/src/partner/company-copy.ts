import type { EventStore } from '@sss/contracts/ports/event-store';
import { COMPANY_COPY_UPDATED, type CompanyCopy } from '@sss/contracts/partner/events';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';

/** The partner context's own copy of a company: stream `companycopy-<companyId>`, last event = current copy. */
export const companyCopyStream = streams.companyCopy;

export async function readCompanyCopy(events: EventStore, companyId: string): Promise<CompanyCopy | null> {
  const [last] = await events.readStream(companyCopyStream(companyId), { direction: 'backwards', maxCount: 1 });
  if (!last || !isEventOf(last, [COMPANY_COPY_UPDATED])) return null;
  const { companyId: id, code, name, formalName, isPartner, abolishedOn } = last.data;
  return { companyId: id, code, name, formalName, isPartner, abolishedOn };
}

export async function readCompanyCopies(events: EventStore, companyIds: readonly string[]): Promise<Map<string, CompanyCopy>> {
  const copies = await Promise.all(companyIds.map((id) => readCompanyCopy(events, id)));
  return new Map(copies.filter((c) => c !== null).map((c) => [c.companyId, c]));
}
