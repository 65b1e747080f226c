import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LightMyRequestResponse } from 'fastify';
import type { RunningSss } from '../../src/main/sss.ts';
import { buildHttpApp } from '../../src/main/http-app.ts';
import { as, DEMO, login, startTestSss, type Session } from '../support/sss.ts';

/** Every kind of answer carries the security headers: a UI page, an API answer, a problem, a download, the OIDC error page. */
const test = suite<{ sss: RunningSss; sales: Session }>('security headers');

test.before(async (context) => {
  const uiDir = mkdtempSync(join(tmpdir(), 'sss-ui-'));
  writeFileSync(join(uiDir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
  context.sss = await startTestSss({ SSS_UI_DIR: uiDir });
  context.sales = await login(context.sss, DEMO.sales);
});
test.after(async ({ sss }) => sss.stop());

function directives(response: LightMyRequestResponse): Map<string, string[]> {
  const policy = String(response.headers['content-security-policy'] ?? '');
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

function assertHardened(response: LightMyRequestResponse, what: string) {
  const csp = directives(response);
  assert.equal(csp.get('default-src'), ["'self'"], `${what}: default-src`);
  assert.equal(csp.get('script-src'), ["'self'"], `${what}: no inline script`);
  assert.not.ok(csp.get('style-src')?.includes("'unsafe-inline'"), `${what}: no inline style`);
  assert.equal(csp.get('frame-ancestors'), ["'none'"], `${what}: frame-ancestors`);
  assert.equal(csp.get('object-src'), ["'none'"], `${what}: object-src`);
  assert.is(response.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.is(response.headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.is(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', `${what}: Referrer-Policy`);
  assert.is(response.headers['strict-transport-security'], undefined, `${what}: no HSTS over plain HTTP`);
}

test('the UI page', async ({ sss }) => {
  for (const url of ['/', '/companies/some-id']) {
    const response = await sss.app.inject({ method: 'GET', url });
    assert.is(response.statusCode, 200);
    assert.match(response.body, '<div id="root">');
    assertHardened(response, url);
  }
});

test('an API answer, a problem and a download', async ({ sss, sales }) => {
  const list = await as(sss, sales)({ method: 'GET', url: '/api/companies' });
  assert.is(list.statusCode, 200);
  assertHardened(list, 'API answer');
  const anonymous = await sss.app.inject({ method: 'GET', url: '/api/companies' });
  assert.is(anonymous.statusCode, 401);
  assertHardened(anonymous, '401 problem');
  const invalid = await as(sss, sales)({ method: 'POST', url: '/api/companies', payload: { code: '' } });
  assert.is(invalid.statusCode, 400, invalid.body);
  assertHardened(invalid, '400 problem');
  const missing = await sss.app.inject({ method: 'GET', url: '/api/no-such-route' });
  assert.is(missing.statusCode, 404);
  assertHardened(missing, '404 problem');
  const csv = await as(sss, sales)({ method: 'GET', url: '/api/projects/export.csv' });
  assert.is(csv.statusCode, 200);
  assert.match(String(csv.headers['content-disposition']), 'attachment');
  assertHardened(csv, 'download');
  assertHardened(await sss.app.inject({ method: 'GET', url: '/healthz' }), 'health');
});

test('the OIDC error page keeps its one inline style, allowed by its hash', async ({ sss }) => {
  const page = await sss.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
  assert.is(page.statusCode, 404);
  assert.match(String(page.headers['content-type']), 'text/html');
  assertHardened(page, 'OIDC error page');
  const styles = [...page.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  assert.is(styles.length, 1);
  const hash = `'sha256-${createHash('sha256').update(styles[0]!, 'utf8').digest('base64')}'`;
  assert.ok(directives(page).get('style-src')?.includes(hash), 'the page style is allowed by its hash');
  assert.not.match(page.body, '<script');
});

test('HSTS only when the session cookie is Secure (behind HTTPS)', async () => {
  const app = await buildHttpApp({ sessionSecret: 'x'.repeat(32), secureCookies: true, logLevel: 'silent' });
  const response = await app.inject({ method: 'GET', url: '/healthz' });
  assert.match(String(response.headers['strict-transport-security']), /^max-age=31536000/);
  assert.ok(directives(response).has('upgrade-insecure-requests'));
  await app.close();
});

test.run();
