import type { RegisterPartner } from '@sss/contracts/partner/schemas';

/**
 * Demo パートナー要員 of the demo partner companies. The partner context learns companies only
 * over the bus, so a company registered a moment ago may not be known there yet: each registration
 * is retried briefly, as a person would press 登録 again.
 */

type Call = (method: 'POST' | 'PUT', url: string, payload: unknown) => Promise<{ id: string }>;

/** Indexes into DEMO_COMPANIES: 4 青葉テクノロジー, 5 さくらシステムズ, 6 湘南ソフトウェア. */
export const DEMO_PARTNERS: ReadonlyArray<{ person: Omit<RegisterPartner, 'companyIds'>; companies: number[] }> = [
  { person: { name: '伊藤 大輝', kana: 'イトウ ダイキ', registeredOn: '2024-05-01' }, companies: [4] },
  { person: { name: '小林 真央', kana: 'コバヤシ マオ', registeredOn: '2024-06-10' }, companies: [4] },
  { person: { name: '山口 陽菜', kana: 'ヤマグチ ヒナ', registeredOn: '2024-09-01' }, companies: [5] },
  { person: { name: '松本 蓮', kana: 'マツモト レン', registeredOn: '2025-01-15' }, companies: [5, 6] },
  { person: { name: '井上 結衣', kana: 'イノウエ ユイ', registeredOn: '2025-04-01' }, companies: [6] },
];

export async function seedDemoPartners(call: Call, companyIds: readonly string[]): Promise<number> {
  for (const { person, companies } of DEMO_PARTNERS) {
    const body: RegisterPartner = { ...person, companyIds: companies.map((index) => companyIds[index]!) };
    for (let attempt = 1; ; attempt++) {
      try {
        await call('POST', '/api/partners', body);
        break;
      } catch (error) {
        if (attempt >= 500) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
  return DEMO_PARTNERS.length;
}
