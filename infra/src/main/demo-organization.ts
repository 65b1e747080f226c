import type { HttpApp } from './http-app.ts';

/**
 * The demo org tree (docs/domain.md §Organization): built in 2020, then reorganized on 2025-04-01 so the
 * as-of views have something to show (BS第3グループ新設, 技術戦略推進室 → DX推進室, 第2営業部 解散).
 * It goes through the public API as an admin would: stage, then confirm at an effective date.
 */

type Level = 'headquarters' | 'division' | 'department' | 'group';
interface DemoUnit { key: string; code: string; name: string; kana: string; level: Level; accounting: 'cost_of_sales' | 'sga'; parent: string | null }

const unit = (key: string, code: string, name: string, kana: string, level: Level, accounting: DemoUnit['accounting'], parent: string | null = null): DemoUnit => ({ key, code, name, kana, level, accounting, parent });

export const DEMO_ORG_2020: readonly DemoUnit[] = [
  unit('adm', 'A000', '管理本部', 'カンリホンブ', 'headquarters', 'sga'),
  unit('acc', 'A100', '経理部', 'ケイリブ', 'department', 'sga', 'adm'),
  unit('sad', 'A200', '営業管理部', 'エイギョウカンリブ', 'department', 'sga', 'adm'),
  unit('hr', 'A300', '総務人事部', 'ソウムジンジブ', 'department', 'sga', 'adm'),
  unit('tech', 'T000', '技術戦略推進室', 'ギジュツセンリャクスイシンシツ', 'department', 'sga'),
  unit('sales', 'S000', '営業本部', 'エイギョウホンブ', 'headquarters', 'sga'),
  unit('s1', 'S100', '第1営業部', 'ダイイチエイギョウブ', 'department', 'sga', 'sales'),
  unit('s2', 'S200', '第2営業部', 'ダイニエイギョウブ', 'department', 'sga', 'sales'),
  unit('bs', 'BS00', 'ビジネスソリューション事業部', 'ビジネスソリューションジギョウブ', 'division', 'cost_of_sales'),
  unit('bs1', 'BS01', 'BS第1グループ', 'ビーエスダイイチグループ', 'group', 'cost_of_sales', 'bs'),
  unit('bs2', 'BS02', 'BS第2グループ', 'ビーエスダイニグループ', 'group', 'cost_of_sales', 'bs'),
  unit('ngo', 'N000', '名古屋支社', 'ナゴヤシシャ', 'division', 'cost_of_sales'),
  unit('ngo1', 'N010', '名古屋開発グループ', 'ナゴヤカイハツグループ', 'group', 'cost_of_sales', 'ngo'),
];

/** Where each demo person works. */
const DEMO_MEMBERSHIP: Readonly<Record<string, string>> = {
  'admin@example.co.jp': 'hr',
  'sato@example.co.jp': 's1',
  'suzuki@example.co.jp': 'sad',
  'tanaka@example.co.jp': 'bs',
  'kato@example.co.jp': 'acc',
  'watanabe@example.co.jp': 'adm',
};

/** Signs in as the demo admin and builds the tree; answers the unit ids by demo key. */
export async function seedDemoOrganization(app: HttpApp, password: string): Promise<Map<string, string>> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@example.co.jp', password } });
  if (login.statusCode !== 200) throw new Error(`demo admin login failed: ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const call = async <T = { id: string; position: string }>(method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method, url, ...(payload ? { payload: payload as object } : {}), cookies, headers: { ...(method === 'GET' ? {} : { 'content-type': 'application/json' }), ...headers } });
    if (response.statusCode >= 300) throw new Error(`demo ${method} ${url} failed: ${response.body}`);
    return response.json<T>();
  };
  const ids = new Map<string, string>();
  for (const [index, u] of DEMO_ORG_2020.entries()) {
    const parentId = u.parent ? ids.get(u.parent)! : null;
    const { id: changeId } = await call('POST', '/api/org-draft/changes', { kind: 'create', code: u.code, name: u.name, kana: u.kana, level: u.level, accountingCategory: u.accounting, sortOrder: (index + 1) * 10, parentId });
    ids.set(u.key, changeId); // a create's change id is the new unit's id
  }
  await call('POST', '/api/org-draft/confirm', { effectiveDate: '2020-04-01', note: '組織発足' });

  const { id: bs3Change } = await call('POST', '/api/org-draft/changes', { kind: 'create', code: 'BS03', name: 'BS第3グループ', kana: 'ビーエスダイサングループ', level: 'group', accountingCategory: 'cost_of_sales', sortOrder: 115, parentId: ids.get('bs') });
  ids.set('bs3', bs3Change);
  await call('POST', '/api/org-draft/changes', { kind: 'rename', unitId: ids.get('tech'), name: 'DX推進室', kana: 'ディーエックススイシンシツ' });
  await call('POST', '/api/org-draft/changes', { kind: 'dissolve', unitId: ids.get('s2') });
  const { position } = await call('POST', '/api/org-draft/confirm', { effectiveDate: '2025-04-01', note: '2025年度組織改編' });

  const users = await call<{ items: { id: string; email: string }[] }>('GET', '/api/users', undefined, { 'x-sss-min-position': position });
  for (const { id, email } of users.items) {
    const key = DEMO_MEMBERSHIP[email];
    if (key) await call('PUT', `/api/users/${id}/org-unit`, { orgUnitId: ids.get(key) });
  }
  return ids;
}
