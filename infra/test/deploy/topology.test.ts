import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { Doc, ReadStore } from '@sss/contracts/ports/read-store';
import { ROUTE_ACCESS } from '@sss/contracts/http/authorization';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { streams } from '@sss/contracts/streams/names';
import { openEsdbEventStore } from '@sss/write-side/eventstore/esdb-event-store';
import { openMongoReadStore } from '@sss/read-side/store/mongo-read-store';
import { startReadModels } from '@sss/read-side/projector/runtime';
import { allProjections } from '@sss/read-side/projections';
import { startEsdbStandIn, type EsdbStandIn } from '../../src/servers/esdb-stand-in/esdb-stand-in.ts';
import { startKafka, type KafkaServer } from '../../src/servers/kafka.ts';
import { collaboflowUrl, decide, newTenant, pointWebhooks, simDocuments } from '../support/ringi.ts';
import { startGateway, startInstance, type Gateway, type Instance } from '../support/topology.ts';

/**
 * The production topology in CI (issue #17 item 6): Debian's nginx with the real gateway.conf in
 * front of two write and two read instances (`services.ts`, separate processes) on the EventStoreDB
 * stand-in, FerretDB (MONGODB_URL) and Apache Kafka, 稟議 going to a tenant of the CollaboFlow
 * simulator (COLLABOFLOW_URL). The event store and Kafka are this file's own, started as the runner
 * starts them: the stack's subscribers and consumer groups must see this file's traffic only.
 * A server or nginx that cannot start fails the file; nothing skips.
 */

const ADMIN = { email: 'suzuki@example.co.jp', password: 'topology-admin-2026' };
const OPERATOR_SECRET = randomBytes(36).toString('base64url');

interface Stack {
  readonly esdb: EsdbStandIn;
  readonly kafka: KafkaServer;
  readonly events: EventStore;
  readonly database: string;
  readonly tenant: { simUrl: string; instance: string; apiKey: string };
  readonly writes: Instance[];
  readonly reads: Instance[];
  readonly gateway: Gateway;
}

let stack: Stack | undefined;
let cookie = '';
const started = () => {
  if (!stack) throw new Error('the stack did not start (see the first test)');
  return stack;
};

/** A request through the gateway (or straight to `base`) as the signed-in administrator. */
async function call(method: string, path: string, body?: unknown, options: { base?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${options.base ?? started().gateway.url}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined || method !== 'GET' ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : method !== 'GET' ? { body: '{}' } : {}),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: <T = Record<string, unknown>>() => JSON.parse(text) as T };
}

async function ok<T = { id: string; position: string }>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await call(method, path, body);
  assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${response.text}`);
  return response.json<T>();
}

function serviceEnv(extra: Record<string, string>): Record<string, string> {
  // A clean environment, as a container has: no test-runner servers, no NODE_OPTIONS.
  const { EVENTSTORE_URL: _es, MONGODB_URL: _mongo, KAFKA_BROKERS: _kafka, COLLABOFLOW_URL: _cf, SESSION_SECRET: _secret, NODE_OPTIONS: _options, ...base } = process.env;
  return { ...(base as Record<string, string>), LOG_LEVEL: 'info', KAFKAJS_NO_PARTITIONER_WARNING: '1', ...extra };
}

test('the stack starts: two write and two read instances behind nginx, ready only when both sides are', async () => {
  const mongoUrl = process.env.MONGODB_URL;
  if (!mongoUrl) throw new Error('MONGODB_URL is not set: run through `npm test` / `npm run test:only -- topology`, which start FerretDB');
  const simUrl = collaboflowUrl();
  const [esdb, tenant] = await Promise.all([startEsdbStandIn({ log: () => {}, positionOffset: 1n << 60n }), newTenant(simUrl)]);
  const database = `topology_${randomBytes(4).toString('hex')}`;
  const env = serviceEnv({
    EVENTSTORE_URL: esdb.url, MONGODB_URL: mongoUrl, MONGODB_DB: database,
    SESSION_SECRET: OPERATOR_SECRET, COLLABOFLOW_URL: simUrl, COLLABOFLOW_INSTANCE: tenant.instance, COLLABOFLOW_API_KEY: tenant.apiKey,
    COLLABOFLOW_TIMEOUT_MS: '1500', RINGI_POLL_SECONDS: '0.5', RINGI_RETRY_SECONDS: '0.2',
  });
  // The read side needs no Kafka, so its instances start while Kafka does. Both write instances start at
  // once with the same first administrator: the bootstrap must hold across instances.
  const kafkaStarting = startKafka();
  const writesStarting = kafkaStarting.then((kafka) => {
    const writeEnv = { ...env, KAFKA_BROKERS: kafka.brokers.join(','), SSS_ADMIN_EMAIL: ADMIN.email, SSS_ADMIN_PASSWORD: ADMIN.password };
    return Promise.allSettled([startInstance('w1', 'write', writeEnv), startInstance('w2', 'write', writeEnv)]);
  });
  const reads = await Promise.allSettled([startInstance('r1', 'read', env), startInstance('r2', 'read', env)]);
  const [kafkaStarted] = await Promise.allSettled([kafkaStarting]);
  const starts = [...(await writesStarting.catch(() => [])), ...reads];
  const instances = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const gateway = instances.length === 4 ? await startGateway(instances.slice(0, 2), instances.slice(2)).catch((error: unknown) => error as Error) : null;
  if (!gateway || gateway instanceof Error || kafkaStarted.status === 'rejected') {
    await Promise.allSettled([...instances.map((i) => i.kill()), kafkaStarting.then((k) => k.stop()), esdb.stop()]);
    if (kafkaStarted.status === 'rejected') throw kafkaStarted.reason;
    throw gateway ?? new Error(starts.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message)] : [])).join('\n\n'));
  }
  const kafka = kafkaStarted.value;
  const [w1, w2, r1, r2] = instances as [Instance, Instance, Instance, Instance];
  stack = { esdb, kafka, events: openEsdbEventStore(esdb.url), database, tenant: { simUrl, ...tenant }, writes: [w1, w2], reads: [r1, r2], gateway };
  await pointWebhooks(simUrl, tenant.instance, `${gateway.url}/api/webhooks/collaboflow`);

  const ready = await waitUntil('the gateway to say ready', async () => {
    const response = await call('GET', '/readyz');
    return response.status === 200 ? response : null;
  }, { timeoutMs: 120_000, intervalMs: 250 });
  assert.match(ready.type, 'application/json');
  assert.not.match(ready.text, '<!doctype');
  const health = await call('GET', '/healthz');
  assert.is(health.status, 200);
  assert.not.match(health.text, '<!doctype');
  // The UI still routes on the client: any other page is index.html.
  assert.match((await call('GET', '/companies/123')).text, '<!doctype html>');
});

test('bootstrap: the first administrator exists once, whichever write instance registered it, and signs in through the gateway', async () => {
  const { events, writes } = started();
  const registered = (await events.readAll({ maxCount: 10_000 })).filter((e) => e.type === 'UserRegistered' && (e.data as { email: string }).email === ADMIN.email);
  assert.is(registered.length, 1, `one UserRegistered for ${ADMIN.email}, got ${registered.length}`);
  const outcomes = writes.map((w) => /first administrator \S+: (created|exists)/.exec(w.output())?.[1]).sort();
  assert.equal(outcomes, ['created', 'exists'], writes.map((w) => w.output()).join('\n'));
  const login = await fetch(`${started().gateway.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  assert.is(login.status, 200, await login.clone().text());
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  // The read side checks the same signed session (one SESSION_SECRET).
  assert.is((await call('GET', '/api/companies')).status, 200);
  assert.is((await ok<{ email: string }>('GET', '/api/auth/me')).email, ADMIN.email);
});

test('one OpenAPI document at /api/openapi.json: both sides\' routes, every route of the authorization table', async () => {
  const document = await ok<{ paths: Record<string, Record<string, unknown>> }>('GET', '/api/openapi.json');
  const documented = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)));
  const hidden = new Set(['GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /api/openapi.json']);
  // OpenID Connect routes exist only where OIDC_* is configured.
  const expected = Object.keys(ROUTE_ACCESS).filter((route) => !hidden.has(route) && !route.includes('/oidc/')).map((route) => route.replace(/:(\w+)/g, '{$1}'));
  const missing = expected.filter((route) => !documented.has(route));
  assert.equal(missing, [], `missing from the gateway's document: ${missing.join(', ')}`);
  assert.ok(documented.has('POST /api/companies') && documented.has('GET /api/companies'), 'a command and a query of the same path');
});

const created: { companyId?: string; orgUnitId?: string; me?: { id: string; name: string } } = {};

async function newProjectWithRow(code: string): Promise<string> {
  const { id } = await ok('POST', '/api/projects', {
    name: `トポロジー検証 ${code}`, customerCompanyId: created.companyId, supervisingOrgUnitId: created.orgUnitId, accountingUnit: 'BS第1グループ',
    leader: { employeeId: created.me!.id, name: created.me!.name }, businessSegment: { first: 'SI', second: '金融', third: '' },
    salesInfo: { serviceType: 'システム開発', contractType: '準委任', revenueRecognition: '役務完了基準' },
    startDate: '2026-04-01', endDate: '2026-06-30', resale: false, billingType: '毎月請求',
  });
  await ok('POST', `/api/projects/${id}/resources`, { kind: 'employee', employeeId: created.me!.id, employeeNo: 'E0001', classRank: 'M1', name: created.me!.name, cost: 800_000, quotedUnitPrice: 1_200_000, effort: { '2026-04': '1', '2026-05': '0.5' } });
  return id;
}

/** Files a 見積稟議 through the gateway and answers the CollaboFlow document the process manager filed, and how long that took. */
async function fileEstimate(projectId: string): Promise<{ ringiId: string; documentId: number; ms: number }> {
  const since = Date.now();
  const { id: ringiId } = await ok('POST', `/api/projects/${projectId}/approvals`, { kind: 'estimate', comment: '見積稟議をお願いします' });
  const document = await waitUntil(`the 稟議 ${ringiId} filed in CollaboFlow`, async () => (await simDocuments(started().tenant)).find((d) => JSON.stringify(d.values).includes(ringiId) && d.status === 'flow'), { timeoutMs: 30_000, intervalMs: 200 });
  return { ringiId, documentId: document.id, ms: Date.now() - since };
}

async function approve(projectId: string, documentId: number): Promise<void> {
  await decide(started().tenant, 'takahashi', documentId, { action: 'accept', comment: '承認します' });
  await decide(started().tenant, 'watanabe', documentId, { action: 'accept', comment: '確認しました' });
  await waitUntil(`project ${projectId} approved in the read model`, async () => (await call('GET', `/api/projects/${projectId}`)).json<{ status?: string }>().status === 'estimate_approved', { timeoutMs: 30_000, intervalMs: 250 });
}

test('through the gateway: an org unit, a company, a project, and its 見積稟議 filed once and approved in CollaboFlow', async () => {
  await ok('POST', '/api/org-draft/changes', { kind: 'create', code: 'BS01', name: 'BS第1グループ', kana: 'ビーエスダイイチグループ', level: 'division', accountingCategory: 'cost_of_sales', sortOrder: 10, parentId: null }).then(({ id }) => (created.orgUnitId = id));
  await ok('POST', '/api/org-draft/confirm', { effectiveDate: '2020-04-01', note: '組織発足' });
  created.companyId = (await ok('POST', '/api/companies', { code: 'TOPO1', name: 'トポロジー商事', kana: 'トポロジーショウジ', formalName: 'トポロジー商事株式会社', shortName: 'Topology', isCustomer: true, isPartner: false })).id;
  created.me = await ok<{ id: string; name: string }>('GET', '/api/auth/me');
  const projectId = await newProjectWithRow('P1');
  const { ringiId, documentId } = await fileEstimate(projectId);
  await approve(projectId, documentId);
  const filed = (await simDocuments(started().tenant)).filter((d) => JSON.stringify(d.values).includes(ringiId));
  assert.is(filed.length, 1, 'one CollaboFlow document for the 稟議, though two write instances run a process manager');
  // The company reached the partner context over Kafka (forwarder → consumer → copy stream).
  await waitUntil('the company copy of the partner context', async () => (await started().events.readStream(streams.companyCopy(created.companyId!))).length > 0, { timeoutMs: 30_000, intervalMs: 250 });
});

test('an expected 503 read_model_lagging is logged at info, without a stack', async () => {
  const response = await call('GET', '/api/companies', undefined, { headers: { 'x-sss-min-position': '9'.repeat(19) } });
  assert.is(response.status, 503, response.text);
  assert.is(response.json<{ code: string }>().code, 'read_model_lagging');
  const lines = await waitUntil('the read instance to log the lagging request', () => {
    const logged = started().reads.flatMap((r) => r.output().split('\n')).filter((l) => l.includes('read_model_lagging'));
    return logged.length ? logged : null;
  }, { timeoutMs: 5_000 });
  for (const line of lines) {
    const entry = JSON.parse(line) as { level: number; err?: unknown; stack?: unknown };
    assert.is(entry.level, 30, line);
    assert.is(entry.err, undefined, line);
    assert.not.match(line, /\bat \S+ \(/, 'no stack trace');
  }
});

test('one company code registered on both write instances at once: exactly one winner, every time', async () => {
  const [w1, w2] = started().writes;
  const body = (code: string) => ({ code, name: '同時登録商事', kana: 'ドウジトウロクショウジ', formalName: '同時登録商事株式会社', shortName: 'Race', isCustomer: true, isPartner: false });
  const outcomes: string[] = [];
  for (let round = 0; round < 10; round++) {
    const code = `RACE${round}`;
    const answers = await Promise.all([w1!, w2!].map((w) => call('POST', '/api/companies', body(code), { base: w.url })));
    const statuses = answers.map((a) => a.status).sort();
    outcomes.push(`${code}: ${statuses.join('/')}`);
  }
  const doubled = outcomes.filter((o) => !o.endsWith('201/409'));
  assert.equal(doubled, [], `not exactly one 201 and one 409 in ${doubled.length} of 10 rounds: ${outcomes.join(', ')}`);
});

/**
 * Leader kills (issue #17 item 6). Without leases every instance runs every subscriber, so "the
 * leader" is whichever instance does the work; this kills the first write and the first read
 * instance with SIGKILL and asks that the work goes on through the gateway: commands, a 稟議 filed
 * and decided (process manager, policies), the company copy over Kafka (forwarder, consumer), and
 * the read models (projectors). With leases (branch `leases`) the same test measures the takeover.
 */
test('leader kills: kill -9 of a write and a read instance, and work continues through the gateway', async () => {
  const projectId = await newProjectWithRow('P2');
  const [w1] = started().writes;
  const [r1] = started().reads;
  await Promise.all([w1!.kill(), r1!.kill()]);
  const killedAt = Date.now();
  const { id: companyId } = await ok('POST', '/api/companies', { code: 'AFTERKILL', name: '再開確認商事', kana: 'サイカイカクニンショウジ', formalName: '再開確認商事株式会社', shortName: 'After', isCustomer: true, isPartner: false });
  const { documentId, ms } = await fileEstimate(projectId);
  console.log(`[topology] after kill -9 of w1 and r1: 稟議 filed ${ms} ms after the request (${Date.now() - killedAt} ms after the kill)`);
  await approve(projectId, documentId);
  await waitUntil('the company copy after the kill', async () => (await started().events.readStream(streams.companyCopy(companyId))).length > 0, { timeoutMs: 30_000, intervalMs: 250 });
});

const strip = (doc: Doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_pos'));
async function everyDocument(store: ReadStore): Promise<Record<string, unknown[]>> {
  const collections = [...new Set(allProjections.flatMap((p) => Object.keys(p.collections)))].sort();
  const all: Record<string, unknown[]> = {};
  for (const collection of collections) all[collection] = (await store.find(collection, {}, { sort: { _id: 1 }, limit: 100_000 })).map(strip);
  return all;
}

test('the read models equal a clean rebuild from the log', async () => {
  const { events, database } = started();
  const mongoUrl = process.env.MONGODB_URL!;
  const live = await openMongoReadStore({ url: mongoUrl, database });
  const fresh = await openMongoReadStore({ url: mongoUrl, database: `${database}_rebuild` });
  const rebuilt = await startReadModels(events, fresh, allProjections);
  try {
    const head = await events.headPosition();
    await waitUntil('the rebuild to reach the head', async () => (await rebuilt.status()).every((s) => BigInt(s.position) >= head), { timeoutMs: 60_000, intervalMs: 250 });
    await waitUntil('the surviving read instance to be ready', async () => (await fetch(`${started().reads[1]!.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 250 });
    let last = '';
    await waitUntil(() => `the live read models to equal the rebuild:\n${last}`, async () => {
      const [a, b] = await Promise.all([everyDocument(live), everyDocument(fresh)]);
      last = Object.keys(b).filter((c) => JSON.stringify(a[c]) !== JSON.stringify(b[c])).map((c) => `${c}: live ${a[c]!.length} docs, rebuild ${b[c]!.length}`).join('\n');
      return last === '';
    }, { timeoutMs: 20_000, intervalMs: 500 });
  } finally {
    await rebuilt.stop();
    for (const collection of [...new Set(allProjections.flatMap((p) => Object.keys(p.collections)))]) await fresh.drop(collection);
    await fresh.close();
    await live.close();
  }
});

test('the gateway says unavailable, as a problem and not index.html, once a side is down', async () => {
  await started().reads[1]!.kill();
  for (const path of ['/readyz', '/healthz']) {
    const response = await call('GET', path);
    assert.is(response.status, 503, `${path}: ${response.text}`);
    assert.match(response.type, 'application/problem+json');
    assert.is(response.json<{ code: string }>().code, 'unavailable');
  }
});

test.after(async () => {
  if (!stack) return;
  await Promise.allSettled([...stack.writes, ...stack.reads].map((i) => i.stop()));
  await stack.gateway.stop();
  await stack.events.close();
  await Promise.allSettled([stack.kafka.stop(), stack.esdb.stop()]);
});

test.run();
