import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { OidcSettings } from '@sss/write-side/auth/oidc-client';
import { readOidcSettings } from './oidc-settings.ts';
import { parseInvoicing, type Invoicing } from '@sss/write-side/sales/invoicing';
import { readCollaboflowSettings, type CollaboflowSettings } from './collaboflow-settings.ts';
import { readLedgerSettings, type LedgerSettings } from './ledger-settings.ts';

/**
 * Every setting SSS reads, in one place (the README's settings table mirrors this file). Each port
 * picks its adapter from its own setting; unset means the embedded default.
 */
export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly sessionSecret: string;
  readonly secureCookies: boolean;
  readonly eventStoreUrl: string | undefined;
  readonly mongoDbUrl: string | undefined;
  readonly mongoDbName: string;
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly collaboflowUrl: string | undefined;
  /** CollaboFlow tenant, routes and the 稟議 timers (COLLABOFLOW_*, RINGI_REMINDER_DAYS). */
  readonly collaboflow: CollaboflowSettings;
  readonly logLevel: string;
  readonly seedDemoData: boolean;
  /** OpenID Connect sign-in (OIDC_*); unset: passwords only. */
  readonly oidc: OidcSettings | undefined;
  readonly uiDir: string;
  /** 適格請求書の発行元と端数処理 (SSS_ISSUER_NAME, SSS_ISSUER_REGISTRATION_NUMBER, SSS_TAX_ROUNDING). */
  readonly invoicing: Invoicing;
  /** Ledger signing key, checkpoint file and pace (SSS_LEDGER_KEY_FILE, SSS_LEDGER_CHECKPOINT_FILE, SSS_LEDGER_CHECKPOINT_EVERY). */
  readonly ledger: LedgerSettings;
}

const flag = (value: string | undefined, fallback: boolean) => (value === undefined || value === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const dataDir = resolve(env.SSS_DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? persistentSecret(dataDir),
    secureCookies: flag(env.SECURE_COOKIES, false),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongoDbUrl: env.MONGODB_URL || undefined,
    mongoDbName: env.MONGODB_DB ?? 'sss',
    kafkaBrokers: env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    collaboflowUrl: env.COLLABOFLOW_URL || undefined,
    collaboflow: readCollaboflowSettings(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemoData: flag(env.SSS_DEMO_DATA, true),
    oidc: readOidcSettings(env),
    uiDir: resolve(env.SSS_UI_DIR ?? new URL('../../../ui/dist', import.meta.url).pathname),
    // The defaults are the demo company's placeholders (a well-formed number); production sets its own.
    invoicing: parseInvoicing(env.SSS_ISSUER_NAME ?? '株式会社SSSデモ', env.SSS_ISSUER_REGISTRATION_NUMBER ?? 'T7123456789012', env.SSS_TAX_ROUNDING ?? 'floor'),
    ledger: readLedgerSettings(env, dataDir),
  };
}

/** Sessions survive a restart on the embedded default without anyone configuring a secret. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}
