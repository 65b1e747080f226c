import type { HttpApp } from './http-app.ts';

/**
 * The demo people's 社員マスタ (docs/domain.md §社員マスタ): 社員番号, クラスランク and monthly standard cost,
 * set by the demo admin through the public API, so picking 佐藤 for a project row fills E1024 / M2 / 850,000.
 * The admin and the auditor have numbers too (they are employees), yet are never offered as staff.
 */
export const DEMO_PROFILES: Readonly<Record<string, { employeeNo: string; classRank: string; monthlyCost: number }>> = {
  'admin@example.co.jp': { employeeNo: 'E0008', classRank: 'M1', monthlyCost: 780_000 },
  'sato@example.co.jp': { employeeNo: 'E1024', classRank: 'M2', monthlyCost: 850_000 },
  'suzuki@example.co.jp': { employeeNo: 'E0457', classRank: 'S2', monthlyCost: 650_000 },
  'tanaka@example.co.jp': { employeeNo: 'E0311', classRank: 'S1', monthlyCost: 700_000 },
  'kato@example.co.jp': { employeeNo: 'E0520', classRank: 'S2', monthlyCost: 600_000 },
  'watanabe@example.co.jp': { employeeNo: 'E0102', classRank: 'M1', monthlyCost: 760_000 },
};

export async function seedDemoProfiles(app: HttpApp, password: string): Promise<void> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@example.co.jp', password } });
  if (login.statusCode !== 200) throw new Error(`demo admin login failed: ${login.body}`);
  const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
  const users = await app.inject({ method: 'GET', url: '/api/users', cookies });
  for (const { id, email } of users.json<{ items: { id: string; email: string }[] }>().items) {
    const profile = DEMO_PROFILES[email];
    if (!profile) continue;
    const set = await app.inject({ method: 'PUT', url: `/api/users/${id}/employee-profile`, cookies, headers: { 'content-type': 'application/json' }, payload: profile });
    if (set.statusCode !== 200) throw new Error(`demo employee profile of ${email} failed: ${set.body}`);
  }
}
