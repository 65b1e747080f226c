import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { command, request, setUnauthenticatedHandler } from '../src/lib/http.ts';
import { ApiError } from '../src/lib/problem.ts';
import { advancePosition, minPosition, resetPosition } from '../src/lib/position.ts';

interface Call {
  url: string;
  init: RequestInit;
}
let calls: Call[] = [];
const answer = (status: number, body: unknown, contentType = 'application/json') => {
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } });
  }) as typeof fetch;
};
const header = (call: Call | undefined, name: string) => (call?.init.headers as Record<string, string>)[name];

test.before.each(() => {
  calls = [];
  resetPosition();
});

test('positions only move forward, compared as big integers', () => {
  advancePosition('9007199254740993');
  advancePosition('42');
  assert.is(minPosition(), '9007199254740993');
  advancePosition('not a number');
  assert.is(minPosition(), '9007199254740993');
});

test('a command sends its idempotency key and revision, and its position rides on the next query', async () => {
  answer(200, { id: 'c1', revision: '3', position: '120' });
  await command('PUT', '/api/companies/c1', { name: 'x' }, { idempotencyKey: 'key-1', ifMatch: '2' });
  assert.is(header(calls[0], 'idempotency-key'), 'key-1');
  assert.is(header(calls[0], 'if-match'), '2');
  assert.is(calls[0]?.init.credentials, 'same-origin');
  answer(200, { items: [] });
  await request('GET', '/api/companies');
  assert.is(header(calls[1], 'x-sss-min-position'), '120');
});

test('a problem document becomes an ApiError with code and field errors', async () => {
  answer(400, { type: 't', title: '入力内容に誤りがあります', status: 400, detail: 'd', code: 'validation_failed', errors: [{ field: 'name', message: '名称を入力してください。' }] }, 'application/problem+json');
  try {
    await request('POST', '/api/companies', { body: {} });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, ApiError);
    assert.is((error as ApiError).code, 'validation_failed');
    assert.equal((error as ApiError).fieldErrors, [{ field: 'name', message: '名称を入力してください。' }]);
  }
});

test('a 401 on an ordinary call sends the person to login; a non-JSON error still reads as a problem', async () => {
  let unauthenticated = 0;
  setUnauthenticatedHandler(() => unauthenticated++);
  answer(401, { type: 't', title: 'ログインが必要です', status: 401, detail: 'd', code: 'unauthenticated' }, 'application/problem+json');
  await request('GET', '/api/companies').catch(() => {});
  assert.is(unauthenticated, 1);
  await request('POST', '/api/auth/login', { expect401: true }).catch(() => {});
  assert.is(unauthenticated, 1, 'a wrong password is not an expired session');
  answer(502, '<html>Bad Gateway</html>', 'text/html');
  const error = await request('GET', '/api/companies').catch((e: unknown) => e);
  assert.instance(error, ApiError);
  assert.is((error as ApiError).status, 502);
  assert.is((error as ApiError).code, 'unavailable');
});

test.run();
