import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';
import { as, DEMO, login, newCompany, type Session } from '../support/sss.ts';

/**
 * What an operator sees of a running SSS: `/metrics` after a command (the named series with their
 * labels, refused without the token or an admin session), the subscriber console's API, and the
 * JSON request log (correlation id, actor, route, a command's position; no secrets; expected
 * failures without a stack).
 */
const TOKEN = 'observability-test-token-0123456789';
const SESSION_SECRET = 'observability-session-secret-0123456789abcdef';
const COLLABOFLOW_API_KEY = 'observability-collaboflow-key-0123456789';
const test = suite<{ sss: RunningSss; admin: Session; sales: Session; lines: string[] }>('metrics, console and logs');

test.before(async (context) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-observability-'));
  context.lines = [];
  const settings = readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'info', SSS_UI_DIR: join(dataDir, 'no-ui'), METRICS_TOKEN: TOKEN, SESSION_SECRET, COLLABOFLOW_API_KEY });
  context.sss = await startSss(settings, { logStream: { write: (line) => void context.lines.push(line) } });
  context.admin = await login(context.sss, DEMO.admin);
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

const scrape = (sss: RunningSss, headers: Record<string, string> = {}, session: Session | null = null) => as(sss, session)({ method: 'GET', url: '/metrics', headers });
/** The value of one series, by its exact label set as Prometheus prints it. */
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

test('after a command, /metrics has its HTTP, command, append, bus and subscriber series', async ({ sss, admin }) => {
  // The demo data was entered through the same API, so counters start where the seeding left them.
  const seeded = (await scrape(sss, { authorization: `Bearer ${TOKEN}` })).body;
  const countOf = (text: string, series: string) => valueOf(text, series) ?? 0;
  const created = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany('M1') });
  assert.is(created.statusCode, 201, created.body);
  const refused = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany('M1') });
  assert.is(refused.statusCode, 409, refused.body);
  // The forwarder publishes the new company to the partner context, whose consumer applies it.
  await waitUntil('the company to be published and consumed', async () => (valueOf((await scrape(sss, { authorization: `Bearer ${TOKEN}` })).body, 'sss_bus_consumed_total{topic="sss.company.v1",outcome="ok"}') ?? 0) > 0);

  const response = await scrape(sss, { authorization: `Bearer ${TOKEN}` });
  assert.is(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/plain; version=0.0.4/);
  const text = response.body;
  assert.ok((valueOf(text, 'sss_http_request_duration_seconds_count{method="POST",route="/api/companies",status="201"}') ?? 0) >= 1, 'HTTP histogram by route pattern and status');
  for (const outcome of ['accepted', 'conflict']) {
    const series = `sss_commands_total{command="POST /api/companies",outcome="${outcome}"}`;
    assert.is(countOf(text, series) - countOf(seeded, series), 1, series);
  }
  assert.ok((valueOf(text, 'sss_events_appended_total{category="company"}') ?? 0) >= 1, 'events appended by category');
  assert.ok((valueOf(text, 'sss_append_duration_seconds_count{category="company",outcome="ok"}') ?? 0) >= 1, 'append latency');
  assert.ok((valueOf(text, 'sss_bus_published_total{topic="sss.company.v1"}') ?? 0) >= 1, 'Kafka/bus publishes');
  const head = Number(await sss.events.headPosition());
  await waitUntil('the companies projector to report the head', async () => (valueOf((await scrape(sss, { authorization: `Bearer ${TOKEN}` })).body, 'sss_subscriber_position{subscriber="companies",kind="projector"}') ?? 0) >= head);
  const later = (await scrape(sss, { authorization: `Bearer ${TOKEN}` })).body;
  assert.ok(valueOf(later, 'sss_subscriber_lag_events{subscriber="companies",kind="projector"}') !== undefined, 'lag in events');
  assert.ok(valueOf(later, 'sss_subscriber_lag_seconds{subscriber="companies",kind="projector"}') !== undefined, 'lag in seconds');
  assert.ok(valueOf(later, 'sss_subscriber_events_per_second{subscriber="forwarder:integration",kind="forwarder"}') !== undefined, 'throughput');
  assert.match(later, /sss_process_resident_memory_bytes \d+/);
});

test('/metrics is refused without the token or an admin session', async ({ sss, admin, sales }) => {
  assert.is((await scrape(sss)).statusCode, 401);
  const wrong = await scrape(sss, { authorization: 'Bearer observability-test-token-0123456788' });
  assert.is(wrong.statusCode, 401);
  assert.is(wrong.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.is((await scrape(sss, {}, sales)).statusCode, 403);
  assert.is((await scrape(sss, {}, admin)).statusCode, 200);
});

test('the subscriber console lists every kind of subscriber with position, lag and state', async ({ sss, admin, sales }) => {
  assert.is((await as(sss, sales)({ method: 'GET', url: '/api/admin/subscribers' })).statusCode, 403);
  const response = await as(sss, admin)({ method: 'GET', url: '/api/admin/subscribers' });
  assert.is(response.statusCode, 200, response.body);
  const { subscribers } = response.json<SubscribersView>();
  const byName = new Map(subscribers.map((s) => [s.name, s]));
  for (const name of ['companies', 'audit-index', 'forwarder:integration', 'consumer:sss.partner.company-copy', 'policy:sales-plan', 'policy:project-status', 'process-manager:ringi']) {
    assert.ok(byName.has(name), `${name} is listed: ${[...byName.keys()].join(', ')}`);
  }
  assert.equal([...new Set(subscribers.map((s) => s.kind))].sort(), ['consumer', 'forwarder', 'policy', 'process_manager', 'projector']);
  const companies = byName.get('companies')!;
  assert.ok(['running', 'catching_up'].includes(companies.state));
  assert.ok(companies.position !== null && companies.lagEvents !== null && companies.lagSeconds !== null);
  assert.is(byName.get('consumer:sss.partner.company-copy')!.position, null);
  assert.match(String(byName.get('consumer:sss.partner.company-copy')!.lagEvents), /^\d+$/, 'a consumer shows its group\'s lag in messages');
});

test('the log is JSON with correlation id, actor, route, status and position, and no secrets', async ({ sss, admin, lines }) => {
  const before = lines.length;
  await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.sales, password: DEMO_PASSWORD } });
  await as(sss, null)({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.sales, password: 'wrong-password-in-log?' } });
  const created = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany('L1'), headers: { 'x-correlation-id': 'corr-observability-1', authorization: 'Bearer not-for-the-log' } });
  assert.is(created.statusCode, 201);
  // An expected 503: the read model cannot reach a position the log does not have within the bounded wait.
  const lagging = await as(sss, admin)({ method: 'GET', url: '/api/companies', headers: { 'x-sss-min-position': '999999999' } });
  assert.is(lagging.statusCode, 503);
  // Whatever code logs a request's headers or a body by mistake, the secrets in them are censored.
  sss.app.log.info({ headers: { cookie: `sss_session=${admin.sss_session!}`, authorization: 'Bearer not-for-the-log' }, body: { email: DEMO.sales, password: DEMO_PASSWORD, nested: { newPassword: 'wrong-password-in-log?' } } }, 'careless line');
  const logged = lines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
  const text = lines.slice(before).join('');
  for (const secret of [DEMO_PASSWORD, 'wrong-password-in-log?', 'not-for-the-log', admin.sss_session!]) assert.not.ok(text.includes(secret), `the log shows ${secret}`);

  const careless = logged.find((l) => l.msg === 'careless line') as { headers: Record<string, string>; body: Record<string, unknown> };
  assert.equal(careless.headers, { cookie: '[redacted]', authorization: '[redacted]' });
  assert.equal(careless.body, { email: DEMO.sales, password: '[redacted]', nested: { newPassword: '[redacted]' } });

  const command = logged.find((l) => l.correlationId === 'corr-observability-1' && l.msg === 'request completed');
  assert.ok(command, 'the command is logged under the caller\'s correlation id');
  assert.is(command!.route, '/api/companies');
  assert.is(command!.status, 201);
  assert.is(command!.level, 30);
  assert.match(String(command!.actor), /\S/);
  assert.is(command!.position, created.json<{ position: string }>().position);

  const refusedLogin = logged.find((l) => l.route === '/api/auth/login' && l.status === 401);
  assert.is(refusedLogin?.level, 30, 'an expected 4xx is info');
  const lag = logged.filter((l) => l.route === '/api/companies' && l.status === 503);
  assert.is(lag.length, 1, 'one line for the lagging read');
  assert.is(lag[0]!.level, 30, 'an expected 503 is info');
  assert.is(lag[0]!.problem, 'read_model_lagging');
  assert.not.ok(logged.some((l) => l.err !== undefined), 'no stack for expected failures');
});

test('every line of the whole run, the subscribers\' too, is JSON without a secret', async ({ sss, admin, sales, lines }) => {
  // The run so far: the demo data entered through the API, sign-ins, commands, failed logins, scrapes with the token.
  await scrape(sss, { authorization: `Bearer ${TOKEN}` });
  assert.ok(lines.length > 10, `the run logged: ${lines.length} lines`);
  for (const line of lines) assert.type((JSON.parse(line) as { level: unknown }).level, 'number');
  const text = lines.join('');
  const secrets = { DEMO_PASSWORD, METRICS_TOKEN: TOKEN, SESSION_SECRET, COLLABOFLOW_API_KEY, 'admin cookie': admin.sss_session!, 'sales cookie': sales.sss_session! };
  for (const [name, secret] of Object.entries(secrets)) assert.not.ok(text.includes(secret), `the log shows ${name}`);
});

test.run();
