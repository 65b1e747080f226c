import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from './config.ts';

/**
 * The start-up step of a composition root (startSss, services.ts): creates SSS_DATA_DIR and returns
 * the session secret — SESSION_SECRET, or one generated once into `SSS_DATA_DIR/session-secret` so
 * sessions survive a restart on the embedded default without anyone configuring a secret.
 * Kept out of readSettings so that reading settings never writes a file.
 */
export function prepareDataDir(settings: Pick<Settings, 'dataDir' | 'sessionSecret'>): { sessionSecret: string } {
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  if (settings.sessionSecret !== undefined) return { sessionSecret: settings.sessionSecret };
  const file = join(settings.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return { sessionSecret: readFileSync(file, 'utf8').trim() };
}
