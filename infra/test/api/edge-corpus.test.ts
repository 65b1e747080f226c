import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROUTE_ACCESS } from '@sss/contracts/http/authorization';
import { LINE_UNIT_PRICE_MAX } from '@sss/contracts/sales/schemas';
import { appendedByPeopleSince, DEMO, login, startTestSss } from '../support/sss.ts';

/**
 * Issue #11 (12a): every command route of the authorization table, sent the hostile corpus as an
 * admin (who may call everything), answers 4xx with a problem document and appends nothing. Field
 * names come from the live OpenAPI document, so each value is tried in every field a route has.
 * Every other request carries an Idempotency-Key (item 9: a refused keyed command appends no
 * bookkeeping either); a case count per route that is odd alternates which cases carry one.
 */

const JSON_TYPE = { 'content-type': 'application/json' };

const FIELD_VALUES: Readonly<Record<string, unknown>> = {
  'operator object': { $ne: null, $gt: '' },
  'operator key': { $where: 'sleep(1000)' },
  'NUL': 'a\u0000b',
  'ESC': 'a\u001b[31mb',
  'DEL': 'a\u007fb',
  'C1 control': 'a\u0085b',
  'bidi override': 'abc\u202Etxt.exe',
  'lone surrogate': 'a\uD800b',
  '1 MB string': 'あ'.repeat(350_000),
  'wrong type (array)': [1, 2, 3],
  'wrong type (boolean)': true,
  'impossible date': '2026-02-30',
  'overflowing amount': Number.MAX_SAFE_INTEGER + 2,
  'amount over the line bound': LINE_UNIT_PRICE_MAX + 1,
  'negative zero-ish': -1e21,
};

const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Whole bodies: [label, headers, raw payload]. */
const BODIES: ReadonlyArray<readonly [string, Record<string, string>, string | Buffer]> = [
  ['__proto__ key', JSON_TYPE, '{"__proto__":{"isAdmin":true},"name":"x"}'],
  ['constructor.prototype', JSON_TYPE, '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ['nested 100,000 deep', JSON_TYPE, deep(100_000)],
  ['nested 40 deep', JSON_TYPE, deep(40)],
  ['invalid UTF-8', JSON_TYPE, Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
  ['not JSON', JSON_TYPE, '{name: x'],
  ['text/plain', { 'content-type': 'text/plain' }, '{}'],
  ['form', { 'content-type': 'application/x-www-form-urlencoded' }, 'name=x'],
  ['no content type', {}, ''],
  ['cross-origin form', { ...JSON_TYPE, origin: 'http://127.0.0.1:1' }, '{}'],
  ['same-site fetch', { ...JSON_TYPE, 'sec-fetch-site': 'same-site' }, '{}'],
  ['over the body limit', JSON_TYPE, JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) })],
];

const COMMAND = /^(POST|PUT|PATCH|DELETE) /;
const concrete = (path: string) => path.replace(/:month\b/g, '2026-04').replace(/:resourceNo\b/g, '1').replace(/:[A-Za-z]+/g, 'no-such-id');

test('every command route refuses the corpus with a 4xx problem and appends nothing', async () => {
  const sss = await startTestSss();
  try {
    const cookies = await login(sss, DEMO.admin);
    const document = (await sss.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; anyOf?: Array<{ properties?: Record<string, unknown> }> } }> } }>> }>();
    const routes = Object.keys(ROUTE_ACCESS).filter((r) => COMMAND.test(r));
    assert.ok(routes.length > 40, `command routes found: ${routes.length}`);
    assert.ok((Object.keys(FIELD_VALUES).length + BODIES.length) % 2 === 1, 'an odd case count, so each case is sent both with and without an Idempotency-Key');
    const failures: string[] = [];
    let sent = 0;
    const head = await sss.events.headPosition();
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const openApiPath = path.replace(/:([A-Za-z]+)/g, '{$1}');
      const schema = document.paths[openApiPath]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
      const fields = new Set([...Object.keys(schema?.properties ?? {}), ...(schema?.anyOf ?? []).flatMap((s) => Object.keys(s.properties ?? {}))]);
      if (fields.size === 0) fields.add('name');
      const cases: Array<[string, Record<string, string>, string | Buffer]> = [
        ...Object.entries(FIELD_VALUES).map(([label, value]): [string, Record<string, string>, string] => [label, JSON_TYPE, JSON.stringify(Object.fromEntries([...fields].map((f) => [f, value])))]),
        ...BODIES.map(([label, headers, body]): [string, Record<string, string>, string | Buffer] => [label, headers, body]),
      ];
      for (const [label, headers, payload] of cases) {
        sent++;
        const keyed = sent % 2 === 0 ? { ...headers, 'idempotency-key': `corpus-${sent}` } : headers;
        const response = await sss.app.inject({ method: method as 'POST', url: concrete(path), headers: keyed, payload, cookies });
        const type = String(response.headers['content-type'] ?? '');
        const problem = type.startsWith('application/problem+json') ? response.json<{ status?: number }>() : null;
        if (response.statusCode < 400 || response.statusCode >= 500 || !problem || problem.status !== response.statusCode) {
          failures.push(`${route} ${label}: ${response.statusCode} ${type} ${response.body.slice(0, 160)}`);
        }
      }
    }
    const appended = await appendedByPeopleSince(sss, head);
    assert.equal(failures, [], `${failures.length} of ${sent} requests were not a 4xx problem:\n${failures.join('\n')}`);
    assert.equal(appended.map((e) => `${e.type} ${e.streamName}`), [], 'refused requests appended events');
  } finally {
    await sss.stop();
  }
});

test.run();
