import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readSettings } from '../../src/main/config.ts';
import { prepareDataDir } from '../../src/main/data-dir.ts';
import { SETTING_NAMES, SettingsError, settingsProblems } from '../../src/main/settings-schema.ts';
import { deploymentProblems, outsideEmbeddedDefault } from '../../src/main/start-checks.ts';

/** Every setting is checked against one schema before anything starts, and reading settings writes nothing. */

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    readSettings(env);
    return [];
  } catch (error) {
    assert.instance(error, SettingsError);
    return [...(error as SettingsError).problems];
  }
};

test('the defaults and the values the tests and compose file use pass', () => {
  assert.equal(settingsProblems({}), []);
  assert.equal(settingsProblems({
    PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'silent', SSS_DEMO_DATA: 'false', SECURE_COOKIES: 'TRUE', SESSION_IDLE_MINUTES: '30', SESSION_SECRET: 'change-me-to-a-long-random-secret',
    EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false', MONGODB_URL: 'mongodb://mongo:27017/?replicaSet=rs0', MONGODB_DB: 'sss', KAFKA_BROKERS: 'kafka:9092, 127.0.0.1:9093,[::1]:9094',
    COLLABOFLOW_URL: 'https://cloud.collaboflow.com/acme', COLLABOFLOW_ROUTES: 'estimate=201,order=203', COLLABOFLOW_TIMEOUT_MS: '1500', COLLABOFLOW_SIM_PORT: '0',
    RINGI_POLL_SECONDS: '0.3', RINGI_RETRY_SECONDS: '0.2', RINGI_REMINDER_DAYS: '3',
    OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'sss', OIDC_CLIENT_SECRET: 's', OIDC_REDIRECT_URL: 'http://127.0.0.1:3000/api/auth/oidc/callback',
    SSS_ISSUER_NAME: '株式会社SSSデモ', SSS_ISSUER_REGISTRATION_NUMBER: 'T7123456789012', SSS_TAX_ROUNDING: 'half_up',
    SSS_ISSUER_ADDRESS: '〒100-0005 東京都千代田区丸の内1-1-1', SSS_ISSUER_PHONE: '03-1234-5678', SSS_ISSUER_BANK: 'みずほ銀行', SSS_ISSUER_BRANCH: '丸の内支店',
    SSS_ISSUER_ACCOUNT_TYPE: '当座', SSS_ISSUER_ACCOUNT_NUMBER: '0123456', SSS_ISSUER_ACCOUNT_HOLDER: 'ｶ)ｴｽｴｽｴｽﾃﾞﾓ',
    READY_MAX_LAG_SECONDS: '30', SUBSCRIBER_STALL_SECONDS: '0.5', METRICS_TOKEN: 'a-scraper-token-0123456789',
    OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
  }), []);
  // Variables SSS does not read are none of the schema's business.
  assert.equal(settingsProblems({ PATH: '/usr/bin', HOME: '' }), []);
});

const BAD: Array<[string, string, RegExp]> = [
  ['COLLABOFLOW_APP_CD', '0', /positive whole number/],
  ['SSS_LEDGER_CHECKPOINT_EVERY', '1.5', /positive whole number/],
  ['PORT', '70000', /port number/],
  ['PORT', 'http', /port number/],
  ['HOST', '', /address/],
  ['SSS_DEMO_DATA', 'maybe', /true/],
  ['SSS_DEMO_VOLUME', '2001', /0–2000/],
  ['SSS_DEMO_VOLUME', 'many', /whole number/],
  ['SECURE_COOKIES', 'sometimes', /true/],
  ['SESSION_IDLE_MINUTES', '0', /1–1440/],
  ['SESSION_IDLE_MINUTES', '30m', /whole number of minutes/],
  ['LOG_LEVEL', 'loud', /info/],
  ['EVENTSTORE_URL', 'localhost:2113', /esdb:\/\//],
  ['MONGODB_URL', 'http://localhost:27017', /mongodb:\/\//],
  ['MONGODB_DB', 'my db', /database name/],
  ['KAFKA_BROKERS', 'kafka', /host:port/],
  ['KAFKA_BROKERS', 'kafka:9092,kafka:99999', /host:port/],
  ['COLLABOFLOW_URL', 'cloud.collaboflow.com', /https:\/\//],
  ['COLLABOFLOW_ROUTES', 'estimate=1,quote=2', /<kind>=<route id>/],
  ['COLLABOFLOW_TIMEOUT_MS', '-5', /positive/],
  ['COLLABOFLOW_SIM_PORT', 'any', /port number/],
  ['COLLABOFLOW_WEBHOOK_URL', '/api/webhooks/collaboflow', /URL/],
  ['RINGI_POLL_SECONDS', 'soon', /positive/],
  ['RINGI_RETRY_SECONDS', '0', /positive/],
  ['RINGI_REMINDER_DAYS', '0', /positive/],
  ['SSS_ISSUER_NAME', '  ', /non-empty/],
  ['SSS_ISSUER_REGISTRATION_NUMBER', 'T7123456789013', /check digit/],
  ['SSS_TAX_ROUNDING', 'round', /floor, ceil, half_up/],
  ['READY_MAX_LAG_SECONDS', '0', /positive/],
  ['SUBSCRIBER_STALL_SECONDS', 'never', /positive/],
  ['SSS_ADMIN_NAME', ' ', /non-empty name/],
  ['SSS_ISSUER_ADDRESS', 'x'.repeat(201), /at most 200/],
  ['SSS_ISSUER_PHONE', '+81-3-1234', /03-1234-5678/],
  ['SSS_ISSUER_BANK', 'b'.repeat(51), /bank name/],
  ['SSS_ISSUER_BRANCH', ' ', /branch/],
  ['SSS_ISSUER_ACCOUNT_TYPE', '貯蓄', /普通, 当座/],
  ['SSS_ISSUER_ACCOUNT_NUMBER', '123456', /7 digits/],
  ['SSS_ISSUER_ACCOUNT_HOLDER', 'カ）エスエスエス', /half-width kana/],
  ['SSS_ISSUER_ACCOUNT_HOLDER', 'ｶ)ｴｽｴｽｴｽｰ', /half-width kana/],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'otel-collector:4318', /http:\/\//],
];

for (const [name, value, expected] of BAD) {
  test(`${name}=${JSON.stringify(value)} is refused with its name, its value and what is expected`, () => {
    const problems = problemsOf({ [name]: value });
    assert.is(problems.length, 1, problems.join('\n'));
    assert.ok(problems[0]!.startsWith(`${name}=${JSON.stringify(value)}: expected `), problems[0]);
    assert.match(problems[0]!, expected);
  });
}

test('a weak SSS_ADMIN_PASSWORD is refused by name without showing it', () => {
  const problems = problemsOf({ SSS_ADMIN_EMAIL: 'root@example.co.jp', SSS_ADMIN_PASSWORD: 'onlyletters' });
  assert.equal(problems, ['SSS_ADMIN_PASSWORD=(hidden, 11 characters): expected empty or a password of 10–200 characters with letters and digits']);
});

test('the first administrator needs its e-mail and password together, the password free of the e-mail', () => {
  assert.equal(problemsOf({ SSS_ADMIN_EMAIL: 'root', SSS_ADMIN_PASSWORD: 'a-long-pass-2026' }), ['SSS_ADMIN_EMAIL="root": expected empty or the e-mail address the first administrator signs in with']);
  assert.equal(problemsOf({ SSS_ADMIN_EMAIL: 'root@example.co.jp' }), ['the first administrator needs SSS_ADMIN_EMAIL and SSS_ADMIN_PASSWORD together; missing: SSS_ADMIN_PASSWORD']);
  assert.equal(problemsOf({ SSS_ADMIN_PASSWORD: 'a-long-pass-2026' }), ['the first administrator needs SSS_ADMIN_EMAIL and SSS_ADMIN_PASSWORD together; missing: SSS_ADMIN_EMAIL']);
  assert.equal(problemsOf({ SSS_ADMIN_EMAIL: 'root@example.co.jp', SSS_ADMIN_PASSWORD: 'root-pass-2026' }), ['SSS_ADMIN_PASSWORD must not contain the part of SSS_ADMIN_EMAIL before @']);
  const settings = readSettings({ SSS_ADMIN_EMAIL: 'root@example.co.jp', SSS_ADMIN_PASSWORD: 'a-long-pass-2026' });
  assert.equal(settings.firstAdmin, { email: 'root@example.co.jp', password: 'a-long-pass-2026', name: 'システム管理者' });
  assert.is(readSettings({}).firstAdmin, undefined);
});

test('demo data: on by default for the embedded default only, off on EventStoreDB unless asked for', () => {
  assert.is(readSettings({}).seedDemoData, true);
  assert.is(readSettings({ EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' }).seedDemoData, false);
  assert.is(readSettings({ EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false', SSS_DEMO_DATA: 'true' }).seedDemoData, true);
  assert.is(readSettings({ SSS_DEMO_DATA: 'off' }).seedDemoData, false);
  assert.is(readSettings({}).demoVolume, 0, 'tests and the split stack seed the story alone');
  assert.is(readSettings({ SSS_DEMO_VOLUME: '300' }).demoVolume, 300);
});

test('outside the embedded default, start refuses a missing, published or short SESSION_SECRET and a missing COLLABOFLOW_URL', () => {
  const base = { EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' };
  assert.is(outsideEmbeddedDefault(readSettings({})), false);
  assert.is(outsideEmbeddedDefault(readSettings(base)), true);
  const missing = deploymentProblems(readSettings(base));
  assert.is(missing.length, 2, missing.join('\n'));
  assert.match(missing[0]!, /^SESSION_SECRET is not set/);
  assert.match(missing[1]!, /^COLLABOFLOW_URL is not set/);
  assert.match(deploymentProblems(readSettings({ ...base, SESSION_SECRET: 'change-me-to-a-long-random-secret', COLLABOFLOW_URL: 'https://cloud.collaboflow.com/acme' })).join(''), /published placeholder/);
  const short = deploymentProblems(readSettings({ ...base, SESSION_SECRET: 'short-but-mine', COLLABOFLOW_URL: 'https://cloud.collaboflow.com/acme' }));
  assert.equal(short, ['SESSION_SECRET=(hidden, 14 characters) is too short: at least 32 characters']);
  assert.equal(deploymentProblems(readSettings({ ...base, SESSION_SECRET: 'x'.repeat(48), COLLABOFLOW_URL: 'https://cloud.collaboflow.com/acme' })), []);
});

test('a too short METRICS_TOKEN is refused by name without showing it', () => {
  const problems = problemsOf({ METRICS_TOKEN: 'short-secret' });
  assert.equal(problems, ['METRICS_TOKEN=(hidden, 12 characters): expected empty or a bearer token of at least 16 characters for GET /metrics']);
});

test('every setting the schema knows has a bad-value case or accepts any string', () => {
  const covered = new Set([...BAD.map(([name]) => name), 'METRICS_TOKEN', 'SSS_ADMIN_PASSWORD', 'SSS_ADMIN_EMAIL']);
  const anyString = ['SSS_DATA_DIR', 'SSS_UI_DIR', 'SESSION_SECRET', 'COLLABOFLOW_INSTANCE', 'COLLABOFLOW_API_KEY', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL', 'OIDC_PROVIDER_NAME', 'COLLABOFLOW_FORM_MAPPING', 'COLLABOFLOW_ADMIN_LOGIN', 'SSS_LEDGER_KEY_FILE', 'SSS_LEDGER_CHECKPOINT_FILE'];
  for (const name of SETTING_NAMES) assert.ok(covered.has(name) || anyString.includes(name), `${name} has a case here`);
});

test('several bad settings are reported together, one line each, in one error', () => {
  const env = { PORT: '-1', LOG_LEVEL: 'chatty', SSS_TAX_ROUNDING: 'up', OIDC_ISSUER: 'https://accounts.google.com' };
  const problems = problemsOf(env);
  assert.is(problems.length, 4, problems.join('\n'));
  for (const name of ['PORT', 'LOG_LEVEL', 'SSS_TAX_ROUNDING']) assert.ok(problems.some((p) => p.startsWith(`${name}=`)), `${name} is named`);
  assert.ok(problems.some((p) => /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL/.test(p)), 'the missing OIDC settings are named');
  try {
    readSettings(env);
    assert.unreachable('readSettings refuses');
  } catch (error) {
    for (const problem of problems) assert.ok((error as Error).message.includes(problem), 'the message lists every problem');
  }
});

test('bad values never echo credentials: secrets are hidden, URL passwords masked', () => {
  const problems = problemsOf({ SESSION_SECRET: '', MONGODB_URL: 'mongo://sss:hunter2@db:27017/', EVENTSTORE_URL: 'http://admin:changeit@es:2113' });
  assert.is(problems.length, 3, problems.join('\n'));
  const text = problems.join('\n');
  assert.not.match(text, 'hunter2');
  assert.not.match(text, 'changeit');
  assert.match(text, 'MONGODB_URL="mongo://sss:***@db:27017/"');
  assert.match(text, 'SESSION_SECRET=(hidden, 0 characters)');
});

test('readSettings writes nothing: a data directory that does not exist still does not afterwards', () => {
  const parent = mkdtempSync(join(tmpdir(), 'sss-settings-'));
  const dataDir = join(parent, 'not-yet');
  try {
    const settings = readSettings({ SSS_DATA_DIR: dataDir });
    assert.is(settings.dataDir, dataDir);
    assert.is(settings.sessionSecret, undefined);
    assert.not.ok(existsSync(dataDir));
    assert.equal(readdirSync(parent), []);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test('starting prepares the data directory: a session secret generated once and kept across restarts', () => {
  const parent = mkdtempSync(join(tmpdir(), 'sss-settings-'));
  const dataDir = join(parent, 'data');
  try {
    const first = prepareDataDir(readSettings({ SSS_DATA_DIR: dataDir }));
    assert.ok(first.sessionSecret.length >= 32);
    assert.ok(existsSync(join(dataDir, 'session-secret')));
    assert.is(prepareDataDir(readSettings({ SSS_DATA_DIR: dataDir })).sessionSecret, first.sessionSecret);
    assert.is(prepareDataDir(readSettings({ SSS_DATA_DIR: dataDir, SESSION_SECRET: 'configured' })).sessionSecret, 'configured');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});

test.run();
