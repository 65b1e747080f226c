import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';

/**
 * What `npm start` prints once SSS listens. Addresses in `lines` come already redacted (redact.ts);
 * the demo password is shown only when demo data is on — elsewhere it is nobody's password to print.
 */
export function startBanner(options: { url: string; lines: readonly string[]; dataDir: string; seedDemoData: boolean }): string {
  const demo = options.seedDemoData ? [`demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.email).join(', ')}`] : [];
  return `
SSS 営業支援システム is running: ${options.url}
  ${[...options.lines, `data directory: ${options.dataDir}`, ...demo].join('\n  ')}
`;
}
