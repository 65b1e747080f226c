import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { command, request } from '../src/lib/http.ts';
import { ApiError } from '../src/lib/problem.ts';
import { asOfFromLocalInput, currentAsOf, formatAsOf, rememberAsOf } from '../src/lib/asOf.ts';

/** The as-of moment on the wire: every query carries it, sign-in calls and commands never go out with it. */
let urls: string[] = [];
const realFetch = globalThis.fetch;
test.before.each(() => {
  urls = [];
  globalThis.fetch = (async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
});
test.after.each(() => {
  rememberAsOf(null);
  globalThis.fetch = realFetch;
});

test('while as of a moment, every GET asks for it, after its own query string too', async () => {
  rememberAsOf('2026-03-31T23:59:00+09:00');
  await request('GET', '/api/projects');
  await request('GET', '/api/invoices?from=2026-04-01');
  await request('GET', '/api/auth/me');
  assert.equal(urls, ['/api/projects?asOf=2026-03-31T23%3A59%3A00%2B09%3A00', '/api/invoices?from=2026-04-01&asOf=2026-03-31T23%3A59%3A00%2B09%3A00', '/api/auth/me']);
});

test('live, nothing is added', async () => {
  await request('GET', '/api/projects');
  assert.equal(urls, ['/api/projects']);
  assert.is(currentAsOf(), null);
});

test('a command is refused before it leaves while as of a moment', async () => {
  rememberAsOf('12345');
  try {
    await command('POST', '/api/companies', {}, { idempotencyKey: 'k' });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ApiError);
    assert.is((error as ApiError).status, 403);
  }
  assert.equal(urls, []);
});

test('only a position or a date-time with offset counts; the picker is Japanese time; the banner writes JST', () => {
  rememberAsOf('yesterday');
  assert.is(currentAsOf(), null);
  assert.is(asOfFromLocalInput('2026-03-31T23:59'), '2026-03-31T23:59:00+09:00');
  assert.is(asOfFromLocalInput(''), null);
  assert.is(formatAsOf('2026-03-31T14:59:00Z'), '2026-03-31 23:59');
  assert.is(formatAsOf('2026-03-31T23:59:00+09:00'), '2026-03-31 23:59');
  assert.is(formatAsOf('12345'), '#12345');
});

test.run();
