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

export async function waitForCopy(sss: RunningSss, companyId: string, sourceRevision: number) {
  return eventually(`companycopy-${companyId} at ${sourceRevision}`, async () => {
    const [last] = await sss.events.readStream(`companycopy-${companyId}`, { direction: 'backwards', maxCount: 1 });
    return last && BigInt((last.data as { sourceRevision: string }).sourceRevision) >= BigInt(sourceRevision) ? last : undefined;
  });
}
