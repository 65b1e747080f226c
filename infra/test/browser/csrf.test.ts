/// <reference lib="dom" />
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';
import { launchBrowser, startServedSss } from '../support/browser.ts';
import { DEMO } from '../support/sss.ts';

/**
 * Issue #11: a page on another port of 127.0.0.1 is "same-site", so the admin's Lax session cookie
 * rides along with its form posts. In Chromium, neither a form (text/plain or urlencoded) nor a
 * no-cors fetch from there can deactivate a user; SSS answers 403/415 and the user stays active.
 */

const attackerPage = (target: string) => `<!doctype html><html><body>
<form id="plain" method="POST" action="${target}" enctype="text/plain"><input name='{"a":"' value='"}'></form>
<form id="empty" method="POST" action="${target}" enctype="text/plain"></form>
<form id="url" method="POST" action="${target}"><input name="x" value="1"></form>
<iframe name="sink"></iframe>
</body></html>`;

test('a form or no-cors fetch on another port of 127.0.0.1 cannot deactivate a user through the admin browser', async () => {
  const sss = await startServedSss();
  const browser = await launchBrowser();
  let attacker: Server | undefined;
  try {
    const signIn = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.admin, password: DEMO_PASSWORD } });
    const adminCookies = Object.fromEntries(signIn.cookies.map((c) => [c.name, c.value]));
    const users = (await sss.app.inject({ method: 'GET', url: '/api/users', cookies: adminCookies })).json<{ items: { id: string; email: string; active: boolean }[] }>();
    const sato = users.items.find((u) => u.email === DEMO.sales)!;
    const target = `${sss.url}/api/users/${sato.id}/deactivate`;

    attacker = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(attackerPage(target)));
    await new Promise<void>((done) => attacker!.listen(0, '127.0.0.1', done));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

    const context = await browser.newContext();
    // The admin is signed in to SSS in this browser (the cookie as the login set it).
    const raw = [signIn.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]!);
    await context.addCookies(raw.map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: sss.url, httpOnly: true, sameSite: 'Lax' as const })));
    const page = await context.newPage();
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (response.url() === target) statuses.push(response.status());
    });
    await page.goto(attackerUrl);
    for (const form of ['empty', 'plain', 'url']) {
      await page.goto(attackerUrl);
      await Promise.all([page.waitForURL(target), page.evaluate((id) => (document.getElementById(id) as HTMLFormElement).submit(), form)]);
    }
    await page.goto(attackerUrl);
    await page.evaluate((url) => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' }).then(() => undefined, () => undefined), target);

    assert.ok(statuses.length >= 3, `the forms reached SSS: ${statuses.join(',')}`);
    assert.ok(statuses.every((s) => s === 403 || s === 415), `refused: ${statuses.join(',')}`);
    const after = (await sss.app.inject({ method: 'GET', url: `/api/users/${sato.id}`, cookies: adminCookies })).json<{ active: boolean }>();
    assert.is(after.active, true, 'the user is still active');
    const relogin = await sss.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO.sales, password: DEMO_PASSWORD } });
    assert.is(relogin.statusCode, 200, 'and can still sign in');
  } finally {
    attacker?.close();
    await browser.close();
    await sss.stop();
  }
});

test.run();
