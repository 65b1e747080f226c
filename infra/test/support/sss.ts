import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';

/** A whole SSS on the embedded default in a fresh data directory, with the demo data seeded. */
export async function startTestSss(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<RunningSss> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-test-'));
  return startSss(readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui'), ...env }), options);
}

export type Session = Record<string, string>;

export async function login(sss: RunningSss, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  return Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
}

export function as(sss: RunningSss, session: Session | null) {
  // Commands are JSON, bodiless ones too (the CSRF defence refuses anything else), as the UI sends them.
  const json = (options: InjectOptions) => (options.method && options.method !== 'GET' && options.method !== 'HEAD' ? { 'content-type': 'application/json' } : {});
  return (options: InjectOptions): Promise<LightMyRequestResponse> => sss.app.inject({ ...options, headers: { ...json(options), ...options.headers }, ...(session ? { cookies: session } : {}) });
}

export const DEMO = {
  sales: 'sato@example.co.jp',
  salesAdmin: 'suzuki@example.co.jp',
  divisionHead: 'tanaka@example.co.jp',
  finance: 'kato@example.co.jp',
  auditor: 'watanabe@example.co.jp',
  admin: 'admin@example.co.jp',
} as const;

export const newCompany = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  name: 'テスト商事',
  kana: 'テストショウジ',
  formalName: 'テスト商事株式会社',
  shortName: 'Test Shoji',
  isCustomer: true,
  isPartner: false,
  ...overrides,
});

/**
 * Events appended on behalf of people since `head`. Background processes (the Kafka forwarder's
 * checkpoints, the partner context's company copy, policies) append as `system:*` actors at their
 * own pace; "a refused command appends nothing" is about what the person's request wrote.
 */
export async function appendedByPeopleSince(sss: RunningSss, head: bigint) {
  const events = await sss.events.readAll({ after: head, maxCount: 10_000 });
  return events.filter((e) => !e.metadata.actor.startsWith('system:'));
}
