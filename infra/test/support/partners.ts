import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, newCompany, type Session } from './sss.ts';

/** Helpers for tests that go from the company context to the partner context and back. */

export function eventually<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  return waitUntil(what, probe, { timeoutMs, intervalMs: 25 });
}

export const newPartnerCompany = (code: string, overrides: Record<string, unknown> = {}) =>
  newCompany(code, { isCustomer: false, isPartner: true, name: `協力${code}`, formalName: `協力${code}株式会社`, registeredOn: '2025-04-01', ...overrides });

export async function registerCompany(sss: RunningSss, session: Session, payload: Record<string, unknown>): Promise<string> {
  const response = await as(sss, session)({ method: 'POST', url: '/api/companies', payload });
  if (response.statusCode !== 201) throw new Error(`register company: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** The partner context knows a company once its copy has arrived over the bus. */
export async function companyCopyOf(sss: RunningSss, session: Session, companyId: string, check: (c: { name: string; abolished: boolean }) => boolean = () => true) {
  return eventually(`company ${companyId} in the partner context`, async () => {
    const response = await as(sss, session)({ method: 'GET', url: '/api/partner-companies' });
    const found = response.json<{ items: { id: string; name: string; abolished: boolean }[] }>().items.find((c) => c.id === companyId);
    return found && check(found) ? found : undefined;
  });
}

export async function waitForCopy(sss: RunningSss, companyId: string, sourceRevision: number) {
  return eventually(`companycopy-${companyId} at ${sourceRevision}`, async () => {
    const [last] = await sss.events.readStream(`companycopy-${companyId}`, { direction: 'backwards', maxCount: 1 });
    return last && BigInt((last.data as { sourceRevision: string }).sourceRevision) >= BigInt(sourceRevision) ? last : undefined;
  });
}
