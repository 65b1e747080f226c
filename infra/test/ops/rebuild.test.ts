import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { RebuildsView } from '@sss/contracts/ops/rebuild-views';
import type { Projection } from '@sss/read-side/projector/projection';
import { allProjections } from '@sss/read-side/projections';
import { companyProjection } from '@sss/read-side/company/projection';
import { readSettings } from '../../src/main/config.ts';
import { startSss, type RunningSss } from '../../src/main/sss.ts';
import { as, DEMO, login, newCompany } from '../support/sss.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';
import { rebuild } from '../../src/ops/rebuild.ts';

/**
 * A projection's version bump on a data directory in use: the new version is built beside the
 * serving one while people keep querying, and the switch is one step at the end. Every answer
 * meanwhile is complete (all companies, each from one version) and none is a 5xx.
 */

const MARK = 'v2 ';
/** Held until the test has seen version 1 answer during the build, so that what it proves does not depend on the machine's speed. */
let release: () => void = () => {};
const held = new Promise<void>((resolve) => (release = resolve));
/** Version 2 of 会社一覧 marks what it wrote, and yields once per event so that queries interleave with the build. */
// the serving version is whatever 会社一覧 declares today; the test bumps it by one
const CURRENT = companyProjection.version;
const NEXT = CURRENT + 1;
const companiesV2: Projection = {
  ...companyProjection,
  version: NEXT,
  async project(event, docs) {
    await held;
    await new Promise((resolve) => setImmediate(resolve));
    const changes = await companyProjection.project(event, docs);
    return changes.map((c) => (c.op === 'put' && c.collection === 'companies' && !String(c.doc.shortName).startsWith(MARK) ? { ...c, doc: { ...c.doc, shortName: `${MARK}${String(c.doc.shortName)}` } } : c));
  },
};

const dataDir = mkdtempSync(join(tmpdir(), 'sss-rebuild-'));
const settings = () => readSettings({ SSS_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SSS_UI_DIR: join(dataDir, 'no-ui') });
const rebuildsOf = async (sss: RunningSss, session: Record<string, string>) => {
  const response = await as(sss, session)({ method: 'GET', url: '/api/admin/rebuilds' });
  assert.is(response.statusCode, 200, response.body);
  return response.json<RebuildsView>().projections.find((p) => p.name === 'companies')!;
};

test('a version bump rebuilds beside the serving version; queries meanwhile are complete and never fail; the switch comes at the end', async () => {
  let sss = await startSss(settings());
  let admin = await login(sss, DEMO.admin);
  for (let i = 0; i < 30; i++) {
    const created = await as(sss, admin)({ method: 'POST', url: '/api/companies', payload: newCompany(`RB${String(i).padStart(3, '0')}`, { name: `再構築商事${i}` }) });
    assert.is(created.statusCode, 201, created.body);
  }
  const list = () => as(sss, admin)({ method: 'GET', url: '/api/companies?pageSize=100' });
  assert.ok(await sss.readModels.waitFor('companies', await sss.events.headPosition(), 30_000));
  const before = (await list()).json<{ total: number; items: Array<{ shortName: string }> }>();
  assert.ok(before.total >= 30);
  assert.ok(before.items.every((c) => !c.shortName.startsWith(MARK)));
  await sss.stop();

  sss = await startSss(settings(), { projections: allProjections.map((p) => (p === companyProjection ? companiesV2 : p)) });
  admin = await login(sss, DEMO.admin);
  const started = await rebuildsOf(sss, admin);
  let status = started;
  assert.equal([started.version, started.declared, started.rebuild?.version, started.rebuild?.tag], [CURRENT, NEXT, NEXT, `v${NEXT}`], 'version 1 serves while version 2 builds');

  // Several readers at once, until the switch and a little beyond.
  const answers: Array<{ marked: boolean; whileBuilding: boolean }> = [];
  const failures: string[] = [];
  let done = false;
  const reader = async () => {
    while (!done) {
      // Injected requests settle in microtasks alone: yield, or the build (and every timer) would starve.
      await new Promise((resolve) => setImmediate(resolve));
      const whileBuilding = (await rebuildsOf(sss, admin)).rebuild !== null;
      const response = await list();
      if (response.statusCode !== 200) {
        failures.push(`${response.statusCode} ${response.body}`);
        continue;
      }
      const page = response.json<{ total: number; items: Array<{ shortName: string }> }>();
      const marked = page.items.filter((c) => c.shortName.startsWith(MARK)).length;
      if (page.total !== before.total || page.items.length !== before.items.length) failures.push(`partial: ${page.items.length} of ${page.total}`);
      if (marked !== 0 && marked !== page.items.length) failures.push(`mixed: ${marked} of ${page.items.length} from version 2`);
      answers.push({ marked: marked > 0, whileBuilding });
    }
  };
  const readers = [reader(), reader(), reader()];
  let finished;
  try {
    await waitUntil('version 1 to answer during the build', () => answers.filter((a) => !a.marked && a.whileBuilding).length >= 5, { timeoutMs: 60_000 });
    release();
    finished = await waitUntil(() => `version 2 to serve: ${JSON.stringify(status)}`, async () => {
      status = await rebuildsOf(sss, admin);
      return status.rebuild === null && status.version === NEXT ? status : null;
    }, { timeoutMs: 120_000 });
    await waitUntil('a few answers after the switch', () => answers.filter((a) => a.marked).length >= 5);
  } finally {
    done = true;
    await Promise.all(readers);
  }

  assert.equal(failures, []);
  const summary = `${answers.length} answers, ${answers.filter((a) => a.whileBuilding).length} while building, ${answers.filter((a) => a.marked).length} from version 2`;
  assert.ok(answers.some((a) => !a.marked && a.whileBuilding), `queries were answered by version 1 during the build: ${summary}`);
  const firstMarked = answers.findIndex((a) => a.marked);
  assert.ok(firstMarked > 0 && answers.slice(firstMarked).every((a) => a.marked), 'version 2 shows only once it serves, and then for good');
  assert.equal(finished.collections.sort(), [`companies@v${NEXT}`, `company_people@v${NEXT}`]);
  assert.is(finished.lastRebuild?.version, NEXT);
  assert.ok((finished.lastRebuild?.events ?? 0) > 0);
  // The old generation is gone from the store; the new one holds every company.
  assert.is(await sss.readStore.count('companies'), 0);
  assert.is(await sss.readStore.count(`companies@v${NEXT}`), before.total);
  await sss.stop();
});

test('admins start a rebuild over HTTP (auditors may watch), with progress; unknown names are refused naming the field', async () => {
  const sss = await startSss(settings(), { projections: allProjections.map((p) => (p === companyProjection ? companiesV2 : p)) });
  const admin = await login(sss, DEMO.admin);
  const auditor = await login(sss, DEMO.auditor);
  const start = (session: Record<string, string>, body: unknown) => as(sss, session)({ method: 'POST', url: '/api/admin/rebuilds', payload: JSON.stringify(body) });
  assert.is((await start(auditor, { projection: 'companies' })).statusCode, 403);
  const unknown = await start(admin, { projection: 'nothing' });
  assert.is(unknown.statusCode, 404);
  assert.is(unknown.json<{ errors: Array<{ field: string }> }>().errors[0]!.field, 'projection');
  assert.is((await start(admin, { projection: 'companies', extra: 1 })).statusCode, 400);
  assert.is((await as(sss, auditor)({ method: 'GET', url: '/api/admin/rebuilds' })).statusCode, 200);

  const accepted = await start(admin, { projection: 'companies' });
  assert.is(accepted.statusCode, 202, accepted.body);
  const running = accepted.json<RebuildsView>().projections.find((p) => p.name === 'companies')!;
  assert.is(running.rebuild?.tag, `v${NEXT}.2`, 'a second build of version 2 gets collections of its own');
  assert.ok(running.rebuild!.eventsTotal > 0);
  const subscribers = (await as(sss, admin)({ method: 'GET', url: '/api/admin/subscribers' })).json<{ subscribers: Array<{ name: string; kind: string }> }>().subscribers;
  assert.ok(subscribers.some((s) => s.name === `companies@v${NEXT}.2` && s.kind === 'rebuild'), 'the console shows the rebuild');
  const ready = await as(sss, null)({ method: 'GET', url: '/readyz' });
  assert.is(ready.statusCode, 200, `a rebuild does not make the instance unready: ${ready.body}`);

  const finished = await waitUntil('the second build to serve', async () => {
    const status = await rebuildsOf(sss, admin);
    return status.rebuild === null && status.lastRebuild?.tag === `v${NEXT}.2` ? status : null;
  }, { timeoutMs: 120_000 });
  assert.equal(finished.collections.sort(), [`companies@v${NEXT}.2`, `company_people@v${NEXT}.2`]);
  assert.is(await sss.readStore.count(`companies@v${NEXT}`), 0);
  const afterwards = (await as(sss, admin)({ method: 'GET', url: '/api/admin/subscribers' })).json<{ subscribers: Array<{ name: string }> }>().subscribers;
  assert.not.ok(afterwards.some((s) => s.name === `companies@v${NEXT}.2`), 'a finished rebuild leaves the console');
  await sss.stop();
});

test('npm run rebuild: signs in, starts the rebuild and draws its progress until the new generation serves', async () => {
  const sss = await startSss(settings(), { projections: allProjections.map((p) => (p === companyProjection ? companiesV2 : p)) });
  const address = await sss.app.listen({ port: 0, host: '127.0.0.1' });
  const output: string[] = [];
  const io = { password: async () => DEMO_PASSWORD, write: (text: string) => void output.push(text), tty: false, pollMs: 50 };
  assert.is(await rebuild(['companies', '--url', address, '--login', DEMO.admin], io), 0, output.join(''));
  const text = output.join('');
  assert.match(text, new RegExp(`\\[[#.]{30}\\] companies v${NEXT}: [\\d,]+/[\\d,]+ 件 \\(\\d+%\\) [\\d.]+ 件/秒`));
  assert.match(text, /companies: the new version serves now/);
  const status = await rebuildsOf(sss, await login(sss, DEMO.admin));
  assert.equal([status.rebuild, status.lastRebuild?.tag], [null, `v${NEXT}.3`]);
  assert.is(await rebuild(['companies', '--url', address, '--login', DEMO.admin], { ...io, password: async () => 'wrong' }), 1);
  assert.is(await rebuild(['nothing', '--url', address, '--login', DEMO.admin], io), 1);
  await sss.stop();
});

test.run();
