import Fastify from 'fastify';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DOCUMENT_KINDS } from '@sss/contracts/sales/views';
import { readApi } from '@sss/read-side/http/read-api';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany, startTestSss, type Session } from '../support/sss.ts';

/**
 * `asOf` on every GET route of the read side (docs/as-of.md), generated from the routes the read
 * API registers: declared in the OpenAPI document (bounded, with a pattern), answered with the
 * `sss-as-of` headers, and refused as a 400 naming `asOf` when malformed. Then one document seen
 * before and after a change, by position and by date-time, and a moment past the last event.
 */
const test = suite<{ sss: RunningSss; admin: Session; routes: string[] }>('as-of on every read route');

test.before(async (context) => {
  context.sss = await startTestSss();
  context.admin = await login(context.sss, DEMO.admin);
  // The read side's own routes: register its plugin alone and collect what it adds.
  const probe = Fastify();
  const routes: string[] = [];
  probe.addHook('onRoute', (route) => {
    if (route.method === 'GET') routes.push(route.url);
  });
  await probe.register(readApi, { readModels: context.sss.readModels });
  await probe.ready();
  await probe.close();
  context.routes = routes;
});
test.after(async ({ sss }) => sss.stop());

/** The head position once every projection has reached it (and so recorded its time). */
async function caughtUp(sss: RunningSss): Promise<bigint> {
  const head = await sss.events.headPosition();
  await waitUntil('every projection at the head', async () => (await sss.readModels.status()).every((p) => BigInt(p.position) >= head));
  return head;
}

/** Path parameters that pass their patterns (the documents need not exist). */
const SAMPLE: Record<string, string> = { month: '2026-04', kind: DOCUMENT_KINDS[0]!, invoiceNumber: 'INV-000001', list: 'invoices', issueNo: '1', format: 'pdf' };
/** Query parameters some routes require. */
const REQUIRED: Record<string, string> = { '/api/exports/:list': 'format=csv&', '/api/reports/sales-plan-actual/projects': 'month=2026-04&orgUnitId=x&' };
/** Routes whose ids have a pattern of their own (a deposit id is a hex digest). */
const SAMPLE_BY_ROUTE: Record<string, Record<string, string>> = { '/api/deposits/:id/suggestions': { id: 'deadbeef' } };
const urlOf = (route: string, asOf: string) =>
  `${route.replace(/:(\w+)/g, (_, name: string) => SAMPLE_BY_ROUTE[route]?.[name] ?? SAMPLE[name] ?? `no-such-${name}`)}?${REQUIRED[route] ?? ''}asOf=${encodeURIComponent(asOf)}`;

test('the read side registers its list, detail, report and document routes', ({ routes }) => {
  for (const route of ['/api/projects', '/api/projects/:id', '/api/invoices/:invoiceNumber/pdf', '/api/reports/sales-plan-actual', '/api/dashboard', '/api/exports/:list']) assert.ok(routes.includes(route), route);
});

test('every read route declares asOf in the OpenAPI document, bounded and with a pattern', async ({ sss, routes }) => {
  const doc = (await sss.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string; schema: { maxLength?: number; pattern?: string } }> } }> }>();
  for (const route of routes) {
    const path = route.replace(/:(\w+)/g, '{$1}');
    const asOf = doc.paths[path]?.get?.parameters?.find((p) => p.name === 'asOf' && p.in === 'query');
    assert.ok(asOf, `${route} declares asOf`);
    assert.ok(asOf!.schema.maxLength! <= 40 && asOf!.schema.pattern, `${route}: asOf is bounded and patterned`);
  }
});

test('every read route answers asOf with the moment in its headers, and refuses a malformed one naming asOf', async ({ sss, admin, routes }) => {
  const call = as(sss, admin);
  const head = (await caughtUp(sss)).toString();
  for (const route of routes) {
    const ok = await call({ method: 'GET', url: urlOf(route, head) });
    assert.ok(ok.statusCode !== 400 && ok.statusCode < 500, `${route}?asOf=${head}: ${ok.statusCode} ${ok.body.slice(0, 200)}`);
    assert.is(ok.headers['sss-as-of-position'], head, `${route} names the position`);
    assert.ok(typeof ok.headers['sss-as-of'] === 'string' && !Number.isNaN(Date.parse(ok.headers['sss-as-of'])), `${route} names the date-time`);
    for (const bad of ['yesterday', '2026-02-30T10:00:00+09:00', '2026-03-31T10:00:00', '-1']) {
      const refused = await call({ method: 'GET', url: urlOf(route, bad) });
      assert.is(refused.statusCode, 400, `${route}?asOf=${bad}`);
      const problem = refused.json<{ errors?: Array<{ field: string; message: string }> }>();
      const error = problem.errors?.find((e) => e.field.endsWith('asOf'));
      assert.ok(error && /[\u3040-\u30ff\u4e00-\u9faf]/.test(error.message), `${route}?asOf=${bad}: ${refused.body}`);
    }
  }
});

test('a company as of a position and a date-time before its rename; a moment past the last event is live', async ({ sss, admin }) => {
  const call = as(sss, admin);
  const created = await call({ method: 'POST', url: '/api/companies', payload: newCompany('ASOF1', { name: '旧名商事' }) });
  assert.is(created.statusCode, 201, created.body);
  const { id, position } = created.json<{ id: string; position: string }>();
  await call({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': position } });
  const before = new Date().toISOString();
  // Recorded times have millisecond resolution: the rename must be recorded after `before`.
  while (new Date().toISOString() === before) await new Promise((resolve) => setImmediate(resolve));
  const renamed = await call({ method: 'PUT', url: `/api/companies/${id}`, headers: { 'if-match': '"0"' }, payload: newCompany('ASOF1', { name: '新名商事' }) });
  assert.is(renamed.statusCode, 200, renamed.body);
  const after = renamed.json<{ position: string }>().position;
  const live = await call({ method: 'GET', url: `/api/companies/${id}`, headers: { 'x-sss-min-position': after } });
  assert.is(live.json<{ name: string }>().name, '新名商事');

  const byPosition = await call({ method: 'GET', url: `/api/companies/${id}?asOf=${position}` });
  assert.is(byPosition.json<{ name: string }>().name, '旧名商事');
  assert.is(byPosition.headers['sss-as-of-position'], position);
  const byTime = await call({ method: 'GET', url: `/api/companies/${id}?asOf=${encodeURIComponent(before)}` });
  assert.is(byTime.json<{ name: string }>().name, '旧名商事');
  assert.is(byTime.headers['sss-as-of'], before);
  const list = await call({ method: 'GET', url: `/api/companies?q=${encodeURIComponent('名商事')}&asOf=${position}` });
  assert.equal(list.json<{ items: Array<{ name: string }> }>().items.map((c) => c.name), ['旧名商事']);
  const beforeIt = await call({ method: 'GET', url: `/api/companies/${id}?asOf=${BigInt(position) - 1n}` });
  assert.is(beforeIt.statusCode, 404, 'it did not exist before it was registered');

  const future = await call({ method: 'GET', url: `/api/companies/${id}?asOf=${encodeURIComponent('2999-01-01T00:00:00+09:00')}` });
  assert.is(future.json<{ name: string }>().name, '新名商事');
  assert.ok(BigInt(future.headers['sss-as-of-position'] as string) >= BigInt(after));
});

test.run();
