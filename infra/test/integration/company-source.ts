import type { EventStore } from '@sss/contracts/ports/event-store';
import type { CompanyEvent } from '@sss/contracts/company/events';
import { UNSET_BILLING } from '@sss/contracts/company/billing';

/**
 * A company context's event store filled with registrations and renames, as the company decider
 * would record them: the source the forwarder publishes from in the bus tests. Every event of a
 * key is a change the partner copy keeps (a new name), so "applied exactly once" is countable.
 */
export function companyDetails(companyId: string, code: string, name: string) {
  return {
    companyId, code, name, kana: 'テスト', formalName: `${name}株式会社`, shortName: 'Test', isCustomer: false, isPartner: true,
    ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, billing: UNSET_BILLING, notes: '', registeredOn: '2025-04-01',
  };
}

export async function fillCompanies(events: EventStore, ids: readonly string[], renames: number): Promise<void> {
  const metadata = { actor: 'test', correlationId: 'test' };
  for (const [index, id] of ids.entries()) {
    const registered: CompanyEvent = { type: 'CompanyRegistered', data: companyDetails(id, `K${index}`, `会社${index}-0`) };
    const edits: CompanyEvent[] = Array.from({ length: renames }, (_, n) => ({ type: 'CompanyEdited', data: { ...companyDetails(id, `K${index}`, `会社${index}-${n + 1}`), changed: ['name'] } }));
    await events.append(`company-${id}`, [registered, ...edits].map((e) => ({ ...e, metadata })), 'no_stream');
  }
}

/** What the partner context's copy of a company went through: source revisions and names, in order. */
export async function copyHistory(events: EventStore, companyId: string): Promise<{ revisions: string[]; names: string[] }> {
  const copies = await events.readStream(`companycopy-${companyId}`);
  return { revisions: copies.map((e) => (e.data as { sourceRevision: string }).sourceRevision), names: copies.map((e) => (e.data as { name: string }).name) };
}
