import type { EventStore } from '@sss/contracts/ports/event-store';
import type { CompanyFields } from '@sss/contracts/company/schemas';
import type { Role } from '@sss/contracts/http/auth';
import { registerUser } from '@sss/write-side/auth/routes';
import { seedDemoPartners } from './demo-partners.ts';
import { seedDemoOrganization } from './demo-organization.ts';
import { seedDemoProjects, type DemoVolumeSeeder } from './demo-projects.ts';
import { seedDemoProfiles } from './demo-staff.ts';
import type { HttpApp } from './http-app.ts';
import type { DemoWorkflow } from './demo-approvals.ts';

/**
 * Realistic demo data for a first start: the demo staff (one per role) and a set of Japanese
 * customers and partner companies. Users are bootstrapped directly (someone must exist to log
 * in); everything else goes through the public API as a real person would, validation included.
 */

export const DEMO_PASSWORD = 'demo-pass-2025';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; roles: Role[] }> = [
  { email: 'admin@example.co.jp', name: '管理 太郎', roles: ['admin'] },
  { email: 'sato@example.co.jp', name: '佐藤 健一', roles: ['sales'] },
  { email: 'suzuki@example.co.jp', name: '鈴木 美咲', roles: ['sales_admin'] },
  { email: 'tanaka@example.co.jp', name: '田中 誠', roles: ['division_head'] },
  { email: 'kato@example.co.jp', name: '加藤 由美', roles: ['finance'] },
  { email: 'watanabe@example.co.jp', name: '渡辺 修', roles: ['auditor'] },
];

const company = (code: string, name: string, kana: string, formalName: string, shortName: string, isCustomer: boolean, isPartner: boolean, extra: Partial<CompanyFields> = {}): CompanyFields => ({
  code, name, kana, formalName, shortName, isCustomer, isPartner, registeredOn: '2024-04-01', ...extra,
});

export const DEMO_COMPANIES: readonly CompanyFields[] = [
  company('C0001', '東都フィナンシャル', 'トウトフィナンシャル', '東都フィナンシャルグループ株式会社', 'Toto Financial', true, false, { ndaSignedOn: '2024-04-10', masterAgreementSignedOn: '2024-05-01', invoiceRegistrationNumber: 'T7000012050002', url: 'https://www.example.jp/toto' }),
  company('C0002', '北斗物流', 'ホクトブツリュウ', '北斗物流株式会社', 'Hokuto Logistics', true, false, { ndaSignedOn: '2024-06-03' }),
  company('C0003', 'みらい製薬', 'ミライセイヤク', 'みらい製薬株式会社', 'Mirai Pharma', true, false, { masterAgreementSignedOn: '2025-01-15' }),
  company('C0004', '瀬戸内電力サービス', 'セトウチデンリョクサービス', '瀬戸内電力サービス株式会社', 'Setouchi Power', true, false),
  company('C0005', '青葉テクノロジー', 'アオバテクノロジー', '株式会社青葉テクノロジー', 'Aoba Technology', false, true, { partner: { salesRepName: '高橋 翔', salesRepKana: 'タカハシ ショウ', salesRepEmail: 'sho.takahashi@aoba.example.jp', phone: '022-123-4567', capital: 30_000_000, specialties: 'Java / Spring, AWS' } }),
  company('C0006', 'さくらシステムズ', 'サクラシステムズ', 'さくらシステムズ合同会社', 'Sakura Systems', false, true, { partner: { salesRepName: '山本 彩', salesRepKana: 'ヤマモト アヤ', phone: '06-9876-5432', capital: 10_000_000, specialties: 'React, TypeScript, UI/UX' } }),
  company('C0007', '湘南ソフトウェア', 'ショウナンソフトウェア', '湘南ソフトウェア株式会社', 'Shonan Software', true, true, { ndaSignedOn: '2023-11-01', partner: { salesRepName: '中村 大輔', capital: 50_000_000, specialties: 'データ基盤, Python' } }),
  company('C0008', '旧大和商会', 'キュウヤマトショウカイ', '株式会社大和商会', 'Yamato Shokai', true, false, { notes: '2025年3月に取引終了' }),
];

/**
 * Seeds the story on an empty store and answers how to seed the generated volume (`SSS_DEMO_VOLUME`)
 * afterwards, or undefined when the store was not empty. The volume is separate because it takes
 * minutes on a small machine: `npm start` listens first and fills the lists in the background.
 */
export async function seedDemoData(events: EventStore, app: HttpApp, log: (message: string) => void, workflow: DemoWorkflow): Promise<DemoVolumeSeeder | undefined> {
  if ((await events.headPosition()) > 0n) return undefined;
  const context = { actor: 'system:demo-data', correlationId: 'demo-data' };
  for (const user of DEMO_USERS) await registerUser(events, { ...user, password: DEMO_PASSWORD }, context);

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'suzuki@example.co.jp', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`demo login failed: ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const call = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
    const response = await app.inject({ method, url, payload: payload as object, cookies });
    if (response.statusCode >= 300) throw new Error(`demo ${method} ${url} failed: ${response.body}`);
    return response.json<{ id: string }>();
  };
  const ids: string[] = [];
  for (const fields of DEMO_COMPANIES) ids.push((await call('POST', '/api/companies', fields)).id);
  await call('POST', `/api/companies/${ids[0]}/anti-social-checks`, { checkedOn: '2025-04-01', result: 'clear' });
  await call('POST', `/api/companies/${ids[0]}/credit-limit`, { creditLimit: 50_000_000, reviewedOn: '2025-04-01' });
  await call('POST', `/api/companies/${ids[1]}/credit-limit`, { creditLimit: 20_000_000, reviewedOn: '2025-04-15' });
  await call('POST', `/api/companies/${ids[7]}/abolish`, { abolishedOn: '2025-03-31', reason: '取引終了' });
  const partners = await seedDemoPartners(call, ids);
  const orgUnits = await seedDemoOrganization(app, DEMO_PASSWORD);
  await seedDemoProfiles(app, DEMO_PASSWORD);
  const projects = await seedDemoProjects(app, events, DEMO_PASSWORD, ids, orgUnits, workflow);
  log(`demo data: ${DEMO_USERS.length} users, ${DEMO_COMPANIES.length} companies, ${partners} partners, ${projects.story} projects`);
  return projects.volume;
}
