import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { RINGI_KINDS } from '@sss/contracts/ringi/events';
import { ROUNDING_MODES } from '@sss/contracts/sales/tax';
import { isValidRegistrationNumber } from '@sss/contracts/domain/registration-number';
import { passwordProblems } from '@sss/write-side/auth/passwords';
import { ACCOUNT_TYPES, isAccountNumber, isZenginKana } from '@sss/contracts/sales/issuer';
import { showSetting } from './redact.ts';

/**
 * The one schema every setting is checked against before SSS starts (the README's settings table).
 * Each variable carries what it expects in words, so a bad value is reported as
 * `NAME="value": expected …` (credentials redacted) — every bad one at once, not the first one a parser trips over.
 */

/** An environment variable: a string that passes `check`; unset is always allowed (each has a default). */
const setting = (expected: string, check: (value: string) => boolean) =>
  Type.Optional(Type.Refine(Type.String(), check, () => `expected ${expected}`));

const empty = (value: string) => value === '';
const FLAGS = ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'];
const flag = setting(`empty or one of ${FLAGS.join(', ')}`, (v) => empty(v) || FLAGS.includes(v.toLowerCase()));
const port = (value: string) => /^\d{1,5}$/.test(value) && Number(value) <= 65535;
const positive = (value: string) => /^\d+(\.\d+)?$/.test(value) && Number(value) > 0;
const url = (protocols: readonly string[]) => (value: string) => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};
const optionalUrl = (protocols: readonly string[], example: string) =>
  setting(`empty or a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}, e.g. ${example}`, (v) => empty(v) || url(protocols)(v));
const BROKER = /^([^\s,:/[\]]+|\[[0-9a-fA-F:.]+\]):(\d{1,5})$/;
const ROUTE = new RegExp(`^(${RINGI_KINDS.join('|')})=\\d+$`);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const OIDC = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

const properties = {
  PORT: setting('a port number 0–65535', port),
  HOST: setting('an address to listen on, e.g. 127.0.0.1 or 0.0.0.0', (v) => v.trim() !== '' && !/\s/.test(v)),
  SSS_DATA_DIR: setting('a directory path', (v) => v.trim() !== ''),
  SSS_UI_DIR: setting('a directory path', (v) => v.trim() !== ''),
  SSS_DEMO_DATA: flag,
  SSS_DEMO_VOLUME: setting('a whole number 0–2000 (generated demo customers, one 案件 each)', (v) => /^\d{1,4}$/.test(v) && Number(v) <= 2000),
  SESSION_SECRET: setting('a non-empty secret (the same on every API instance)', (v) => v !== ''),
  SECURE_COOKIES: flag,
  SESSION_IDLE_MINUTES: setting('a whole number of minutes, 1–1440', (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1440),
  LOG_LEVEL: setting(`one of ${LOG_LEVELS.join(', ')}`, (v) => LOG_LEVELS.includes(v)),
  EVENTSTORE_URL: optionalUrl(['esdb:', 'esdb+discover:'], 'esdb://localhost:2113?tls=false'),
  MONGODB_URL: optionalUrl(['mongodb:', 'mongodb+srv:'], 'mongodb://localhost:27017/'),
  MONGODB_DB: setting('a database name (no spaces, / \\ . " $)', (v) => /^[^\s/\\."$]{1,63}$/.test(v)),
  KAFKA_BROKERS: setting('empty or comma-separated host:port, e.g. localhost:9092', (v) => empty(v) || v.split(',').map((b) => b.trim()).filter(Boolean).every((b) => port(BROKER.exec(b)?.[2] ?? ''))),
  COLLABOFLOW_URL: optionalUrl(['https:', 'http:'], 'https://cloud.collaboflow.com/<instance>'),
  COLLABOFLOW_INSTANCE: setting('empty or an instance name without / or spaces', (v) => /^[^\s/]*$/.test(v)),
  COLLABOFLOW_API_KEY: setting('any string (empty = the simulator key)', () => true),
  COLLABOFLOW_ROUTES: setting(`empty or comma-separated <kind>=<route id> (kinds: ${RINGI_KINDS.join(', ')})`, (v) => v.split(',').map((p) => p.trim()).filter(Boolean).every((p) => ROUTE.test(p) && Number.isSafeInteger(Number(p.split('=')[1])))),
  COLLABOFLOW_FORM_MAPPING: setting('empty, a JSON file path, or inline JSON (README "CollaboFlow setup")', () => true),
  COLLABOFLOW_APP_CD: setting('empty or a positive whole number (the tenant\'s app_cd)', (v) => empty(v) || (Number.isSafeInteger(Number(v)) && Number(v) > 0)),
  COLLABOFLOW_ADMIN_LOGIN: setting('empty or the login of a CollaboFlow administrator (for npm run collaboflow:check)', () => true),
  COLLABOFLOW_TIMEOUT_MS: setting('a positive number of milliseconds', positive),
  COLLABOFLOW_SIM_PORT: setting('a port number 0–65535 (0 = any free port)', port),
  COLLABOFLOW_WEBHOOK_URL: optionalUrl(['https:', 'http:'], 'http://127.0.0.1:3000/api/webhooks/collaboflow'),
  RINGI_POLL_SECONDS: setting('a positive number of seconds', positive),
  RINGI_RETRY_SECONDS: setting('a positive number of seconds', positive),
  RINGI_REMINDER_DAYS: setting('a positive number of days', positive),
  OIDC_ISSUER: optionalUrl(['https:', 'http:'], 'https://accounts.google.com'),
  OIDC_CLIENT_ID: setting('any string', () => true),
  OIDC_CLIENT_SECRET: setting('any string', () => true),
  OIDC_REDIRECT_URL: optionalUrl(['https:', 'http:'], 'https://<sss host>/api/auth/oidc/callback'),
  OIDC_PROVIDER_NAME: setting('any string', () => true),
  SSS_ISSUER_NAME: setting('a non-empty name', (v) => v.trim() !== ''),
  SSS_ISSUER_REGISTRATION_NUMBER: setting('"T" + 13 digits with a valid check digit', isValidRegistrationNumber),
  SSS_TAX_ROUNDING: setting(`one of ${ROUNDING_MODES.join(', ')}`, (v) => (ROUNDING_MODES as readonly string[]).includes(v)),
  SSS_LEDGER_KEY_FILE: setting('empty or the path of an Ed25519 private key (PEM) kept outside the event store', () => true),
  SSS_LEDGER_CHECKPOINT_FILE: setting('empty or a file path (append-only JSONL of signed checkpoints)', () => true),
  SSS_LEDGER_CHECKPOINT_EVERY: setting('empty or a positive whole number of events', (v) => empty(v) || (Number.isInteger(Number(v)) && Number(v) >= 1)),
  READY_MAX_LAG_SECONDS: setting('a positive number of seconds (how far behind a subscriber may be while /readyz says ready)', positive),
  SUBSCRIBER_STALL_SECONDS: setting('a positive number of seconds (lagging without progress this long is a stall)', positive),
  METRICS_TOKEN: setting('empty or a bearer token of at least 16 characters for GET /metrics', (v) => empty(v) || (v.length >= 16 && !/\s/.test(v))),
  SSS_ADMIN_EMAIL: setting('empty or the e-mail address the first administrator signs in with', (v) => empty(v) || (EMAIL.test(v) && v.length <= 254)),
  SSS_ADMIN_PASSWORD: setting('empty or a password of 10–200 characters with letters and digits', (v) => empty(v) || passwordProblems(v, '').length === 0),
  SSS_ADMIN_NAME: setting('a non-empty name of at most 100 characters', (v) => v.trim() !== '' && v.length <= 100),
  SSS_ISSUER_ADDRESS: setting('empty (not printed) or the issuer\'s address, at most 200 characters', (v) => v.length <= 200 && !/[\r\n]/.test(v)),
  SSS_ISSUER_PHONE: setting('empty (not printed) or a phone number like 03-1234-5678', (v) => empty(v) || /^0\d{1,4}-\d{1,4}-\d{3,4}$/.test(v)),
  SSS_ISSUER_BANK: setting('empty (no 振込先 printed) or the bank name, at most 50 characters', (v) => v.length <= 50 && !/[\r\n]/.test(v)),
  SSS_ISSUER_BRANCH: setting('the branch name (支店), 1–50 characters', (v) => v.trim() !== '' && v.length <= 50),
  SSS_ISSUER_ACCOUNT_TYPE: setting(`empty or one of ${ACCOUNT_TYPES.join(', ')}`, (v) => empty(v) || (ACCOUNT_TYPES as readonly string[]).includes(v)),
  SSS_ISSUER_ACCOUNT_NUMBER: setting('empty or the account number (口座番号): 7 digits', (v) => empty(v) || isAccountNumber(v)),
  SSS_ISSUER_ACCOUNT_HOLDER: setting('empty or the account holder (口座名義) in half-width kana as the bank holds it, e.g. ｶ)ｴｽｴｽｴｽ (全銀: no small kana or ｰ, at most 30)', (v) => empty(v) || isZenginKana(v)),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http:', 'https:'], 'http://otel-collector:4318'),
} satisfies Record<string, TSchema>;

/** A half-configured OpenID Connect provider is a mistake worth refusing to start over, not a silently missing button. */
const oidcAllOrNone = (env: Record<string, unknown>) => {
  const set = OIDC.filter((name) => env[name]);
  return set.length === 0 || set.length === OIDC.length;
};

/** The first administrator needs both its e-mail and its password, and the password must not contain the e-mail's local part. */
const adminProblem = (env: Record<string, unknown>): string | null => {
  const email = typeof env.SSS_ADMIN_EMAIL === 'string' ? env.SSS_ADMIN_EMAIL : '';
  const password = typeof env.SSS_ADMIN_PASSWORD === 'string' ? env.SSS_ADMIN_PASSWORD : '';
  if (!email && !password) return null;
  if (!email || !password) return `the first administrator needs SSS_ADMIN_EMAIL and SSS_ADMIN_PASSWORD together; missing: ${email ? 'SSS_ADMIN_PASSWORD' : 'SSS_ADMIN_EMAIL'}`;
  return passwordProblems(password, email).some((p) => /メールアドレス/.test(p.message)) ? 'SSS_ADMIN_PASSWORD must not contain the part of SSS_ADMIN_EMAIL before @' : null;
};

export const SettingsEnv = Type.Intersect([
  Type.Object(properties),
  Type.Refine(Type.Object({}), (env) => adminProblem(env as Record<string, unknown>) === null, (env) => adminProblem(env as Record<string, unknown>) ?? ''),
  // Its own member, so that a half-configured provider is reported along with bad values, not after them.
  Type.Refine(Type.Object({}), oidcAllOrNone, (env) => `OIDC sign-in needs ${OIDC.join(', ')} together; missing: ${OIDC.filter((name) => !(env as Record<string, unknown>)[name]).join(', ')}`),
]);

export type SettingName = keyof typeof properties;
export const SETTING_NAMES = Object.keys(properties) as SettingName[];

/** One line per bad setting, naming the variable, its value and what it expects; empty when all is well. */
export function settingsProblems(env: NodeJS.ProcessEnv): string[] {
  const known = Object.fromEntries(SETTING_NAMES.filter((name) => env[name] !== undefined).map((name) => [name, env[name]]));
  const problems = new Map<string, string>();
  for (const error of Value.Errors(SettingsEnv, known)) {
    const name = error.instancePath.replace(/^\//, '');
    const line = name ? `${name}=${showSetting(name, known[name] ?? '')}: ${error.message}` : error.message;
    // A value can fail several keywords; one line per setting is what a person fixes.
    if (!problems.has(name || line)) problems.set(name || line, line);
  }
  return [...problems.values()];
}

/** Thrown by readSettings; `problems` holds one line per bad setting. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`SSS cannot start: ${problems.length === 1 ? 'a setting is' : `${problems.length} settings are`} wrong\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
  }
}
