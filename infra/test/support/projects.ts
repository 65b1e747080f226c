import type { RunningSss } from '../../src/main/sss.ts';
import { as, newCompany, type Session } from './sss.ts';

/** What a project names, taken from the demo data through the API, and a valid registration body. */
export interface ProjectRefs {
  readonly customerId: string;
  readonly partnerOnlyCompanyId: string;
  readonly orgUnitId: string;
  readonly leaderId: string;
  readonly leaderName: string;
}

export async function projectRefs(sss: RunningSss, session: Session): Promise<ProjectRefs> {
  const call = as(sss, session);
  const companies = (await call({ method: 'GET', url: '/api/companies?pageSize=100' })).json<{ items: { id: string; isCustomer: boolean; isPartner: boolean; active: boolean }[] }>().items;
  let customer = companies.find((c) => c.isCustomer && c.active);
  if (!customer) {
    const created = await call({ method: 'POST', url: '/api/companies', payload: newCompany(`PRJ${Date.now() % 100000}`) });
    customer = { id: created.json<{ id: string }>().id, isCustomer: true, isPartner: false, active: true };
  }
  const partnerOnly = companies.find((c) => c.isPartner && !c.isCustomer)!;
  const units = (await call({ method: 'GET', url: '/api/org-units' })).json<{ units: { id: string; code: string }[] }>().units;
  const me = (await call({ method: 'GET', url: '/api/auth/me' })).json<{ id: string; name: string }>();
  return { customerId: customer.id, partnerOnlyCompanyId: partnerOnly.id, orgUnitId: units.find((u) => u.code === 'BS01')?.id ?? units[0]!.id, leaderId: me.id, leaderName: me.name };
}

export const newProject = (refs: ProjectRefs, overrides: Record<string, unknown> = {}) => ({
  name: '基幹システム更改 要件定義',
  customerCompanyId: refs.customerId,
  supervisingOrgUnitId: refs.orgUnitId,
  accountingUnit: 'BS第1グループ',
  leader: { employeeId: refs.leaderId, name: refs.leaderName },
  businessSegment: { first: 'SI', second: '金融', third: '' },
  salesInfo: { serviceType: 'システム開発', contractType: '準委任', revenueRecognition: '役務完了基準' },
  startDate: '2025-04-01',
  endDate: '2025-06-30',
  resale: false,
  billingType: '毎月請求',
  ...overrides,
});

export const employeeRow = (refs: ProjectRefs, overrides: Record<string, unknown> = {}) => ({
  kind: 'employee',
  employeeId: refs.leaderId,
  employeeNo: 'E0001',
  classRank: 'M1',
  name: refs.leaderName,
  cost: 800_000,
  quotedUnitPrice: 1_200_000,
  effort: { '2025-04': '1', '2025-05': '0.5', '2025-06': '0.3' },
  ...overrides,
});

export const expenseRow = (overrides: Record<string, unknown> = {}) => ({
  kind: 'expense',
  expenseType: '物品購入',
  name: '検証用PC',
  cost: 150_000,
  quotedUnitPrice: 180_000,
  effort: { '2025-04': '2' },
  ...overrides,
});

export const estimateContent = (overrides: Record<string, unknown> = {}) => ({
  subject: '基幹システム更改 要件定義支援',
  addressee: '東都フィナンシャルグループ株式会社',
  periodStart: '2025-04-01',
  periodEnd: '2025-06-30',
  paymentTerms: '月末締め翌月末払い',
  validUntil: '2025-03-31',
  conditions: '作業場所は貴社指定場所とします。',
  lines: [
    { workItem: '要件定義支援（PM）', quantity: '1.8', unit: '人月', unitPrice: 1_200_000, taxCategory: 'standard_10' },
    { workItem: '検証用PC', quantity: '2', unit: '台', unitPrice: 180_000, taxCategory: 'standard_10' },
  ],
  ...overrides,
});
