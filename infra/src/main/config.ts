import { join, resolve } from 'node:path';
import type { OidcSettings } from '@sss/write-side/auth/oidc-client';
import { readOidcSettings } from './oidc-settings.ts';
import { parseInvoicing, type Invoicing } from '@sss/write-side/sales/invoicing';
import { readCollaboflowSettings, type CollaboflowSettings } from './collaboflow-settings.ts';
import { settingsProblems, SettingsError } from './settings-schema.ts';
import { repositoryRoot } from './root.ts';
import { readLedgerSettings, type LedgerSettings } from './ledger-settings.ts';
import type { FirstAdmin } from './first-admin.ts';

/**
 * Every setting SSS reads, in one place (the README's settings table mirrors this file). Each port
 * picks its adapter from its own setting; unset means the embedded default. Reading them checks them
 * (settings-schema.ts) and touches no file: the data directory is prepared when SSS starts (data-dir.ts).
 */
export interface Settings {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Unset: generated once into SSS_DATA_DIR/session-secret when SSS starts (data-dir.ts). */
  readonly sessionSecret: string | undefined;
  readonly secureCookies: boolean;
  /** A session unused for this long is refused (SESSION_IDLE_MINUTES, default 30; docs/architecture.md §Sessions). */
  readonly sessionIdleMinutes: number;
  readonly eventStoreUrl: string | undefined;
  readonly mongoDbUrl: string | undefined;
  readonly mongoDbName: string;
  readonly kafkaBrokers: readonly string[] | undefined;
  readonly collaboflowUrl: string | undefined;
  /** CollaboFlow tenant, routes and the 稟議 timers (COLLABOFLOW_*, RINGI_REMINDER_DAYS). */
  readonly collaboflow: CollaboflowSettings;
  readonly logLevel: string;
  /** SSS_DEMO_DATA; unset: on for the embedded default only (no EVENTSTORE_URL), never on a production store unasked. */
  readonly seedDemoData: boolean;
  /** Generated demo customers (one 案件 each) beside the hand-written story: lists and pickers with volume. */
  readonly demoVolume: number;
  /** The administrator ensured at every start (SSS_ADMIN_EMAIL, SSS_ADMIN_PASSWORD, SSS_ADMIN_NAME; first-admin.ts). */
  readonly firstAdmin: FirstAdmin | undefined;
  /** OpenID Connect sign-in (OIDC_*); unset: passwords only. */
  readonly oidc: OidcSettings | undefined;
  readonly uiDir: string;
  /** 適格請求書の発行元（住所・電話・振込先を含む）と端数処理 (SSS_ISSUER_*, SSS_TAX_ROUNDING; docs/billing.md §Issuer). */
  readonly invoicing: Invoicing;
  /** Ledger signing key, checkpoint file and pace (SSS_LEDGER_KEY_FILE, SSS_LEDGER_CHECKPOINT_FILE, SSS_LEDGER_CHECKPOINT_EVERY). */
  readonly ledger: LedgerSettings;
  /** /readyz fails while a subscriber is further behind than this (READY_MAX_LAG_SECONDS, default 60). */
  readonly readyMaxLagSeconds: number;
  /** Lagging without progress this long is a stall (SUBSCRIBER_STALL_SECONDS, default 30). */
  readonly subscriberStallSeconds: number;
  /** Bearer token for GET /metrics (METRICS_TOKEN); unset: an admin session only. */
  readonly metricsToken: string | undefined;
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); unset: no tracing. */
  readonly otlpEndpoint: string | undefined;
}

const flag = (value: string | undefined, fallback: boolean) => (value === undefined || value === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));

/** Throws a SettingsError naming every bad setting; writes nothing. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const problems = settingsProblems(env);
  if (problems.length) throw new SettingsError(problems);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.SSS_DATA_DIR ?? './data'),
    sessionSecret: env.SESSION_SECRET,
    secureCookies: flag(env.SECURE_COOKIES, false),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES || 30),
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    mongoDbUrl: env.MONGODB_URL || undefined,
    mongoDbName: env.MONGODB_DB ?? 'sss',
    kafkaBrokers: env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean) : undefined,
    collaboflowUrl: env.COLLABOFLOW_URL || undefined,
    collaboflow: readCollaboflowSettings(env),
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemoData: flag(env.SSS_DEMO_DATA, !env.EVENTSTORE_URL),
    demoVolume: Number(env.SSS_DEMO_VOLUME ?? 0),
    firstAdmin: env.SSS_ADMIN_EMAIL && env.SSS_ADMIN_PASSWORD ? { email: env.SSS_ADMIN_EMAIL, password: env.SSS_ADMIN_PASSWORD, name: env.SSS_ADMIN_NAME || 'システム管理者' } : undefined,
    oidc: readOidcSettings(env),
    uiDir: resolve(env.SSS_UI_DIR ?? join(repositoryRoot(), 'ui', 'dist')),
    // The defaults are the demo company's placeholders (a well-formed number); production sets its own.
    invoicing: parseInvoicing({
      name: env.SSS_ISSUER_NAME ?? '株式会社SSSデモ',
      registrationNumber: env.SSS_ISSUER_REGISTRATION_NUMBER ?? 'T7123456789012',
      rounding: env.SSS_TAX_ROUNDING ?? 'floor',
      address: env.SSS_ISSUER_ADDRESS ?? '〒100-0005 東京都千代田区丸の内1-1-1',
      phone: env.SSS_ISSUER_PHONE ?? '03-0000-0000',
      bank: env.SSS_ISSUER_BANK ?? 'デモ銀行',
      branch: env.SSS_ISSUER_BRANCH ?? '本店営業部',
      accountType: env.SSS_ISSUER_ACCOUNT_TYPE || '普通',
      accountNumber: env.SSS_ISSUER_ACCOUNT_NUMBER || '1234567',
      accountHolder: env.SSS_ISSUER_ACCOUNT_HOLDER || 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ',
    }),
    ledger: readLedgerSettings(env, resolve(env.SSS_DATA_DIR ?? './data')),
    readyMaxLagSeconds: Number(env.READY_MAX_LAG_SECONDS ?? 60),
    subscriberStallSeconds: Number(env.SUBSCRIBER_STALL_SECONDS ?? 30),
    metricsToken: env.METRICS_TOKEN || undefined,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
  };
}

/** For the entry points: every bad setting on stderr and a non-zero exit before anything starts. */
export function readSettingsOrExit(env: NodeJS.ProcessEnv = process.env): Settings {
  try {
    return readSettings(env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
}
