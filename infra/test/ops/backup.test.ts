import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { verifyChain } from '@sss/write-side/eventstore/metadata';
import { readSettings } from '../../src/main/config.ts';
import { startSss } from '../../src/main/sss.ts';
import { DEMO, newCompany } from '../support/sss.ts';
import { DEMO_PASSWORD } from '../../src/main/demo-data.ts';
import { freePort } from '../support/free-port.ts';

/**
 * `npm run backup` against a running embedded SSS (its own process, as `npm start` runs it) that is
 * taking commands: kill -9 it after the backup, restore the backup into a fresh dir, and check
 * that nothing acknowledged before the backup started is missing, the hash chains verify, and SSS
 * starts on it.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;

// The runner exports its servers' addresses; this SSS must run on the embedded default.
const { EVENTSTORE_URL: _es, MONGODB_URL: _mongo, KAFKA_BROKERS: _kafka, COLLABOFLOW_URL: _cf, SESSION_SECRET: _secret, ...baseEnv } = process.env;


async function waitFor(check: () => Promise<boolean>, what: string, ms = 90_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** Every file and directory under `dir` whose mode is not owner-only. */
function notOwnerOnly(dir: string): string[] {
  const wrong: string[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const stat = statSync(join(dir, name));
    const mode = stat.mode & 0o777;
    if (mode !== (stat.isDirectory() ? 0o700 : 0o600)) wrong.push(`${name} ${mode.toString(8)}`);
  }
  if ((statSync(dir).mode & 0o777) !== 0o700) wrong.push(`. ${(statSync(dir).mode & 0o777).toString(8)}`);
  return wrong;
}

interface Acked {
  readonly id: string;
  readonly position: bigint;
  readonly at: number;
}

test('a backup taken under load holds every event acknowledged before it started, and SSS starts on it', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sss-backup-')), 'data');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = { ...baseEnv, SSS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SSS_UI_DIR: join(dataDir, 'no-ui') };
  const sss: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/src/main/embedded.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitFor(async () => (await fetch(`${base}/readyz`)).ok, 'SSS to start');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.sales, password: DEMO_PASSWORD }) });
    assert.is(login.status, 200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // The words: every file SSS creates under the data dir is its owner's only (umask at the embedded start).
    assert.equal(notOwnerOnly(dataDir), [], 'data dir of a running SSS');
    assert.ok(readdirSync(dataDir).includes('events.db-wal'), 'the WAL is there to be missed by a plain copy');

    const acked: Acked[] = [];
    let running = true;
    let sequence = 0;
    const worker = async () => {
      while (running) {
        const code = `BK${String(++sequence).padStart(5, '0')}`;
        const response = await fetch(`${base}/api/companies`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(newCompany(code, { name: `バックアップ${code}` })) }).catch(() => null);
        if (!response) return;
        if (response.ok) {
          const body = (await response.json()) as { id: string; position: string };
          acked.push({ id: body.id, position: BigInt(body.position), at: performance.now() });
        }
      }
    };
    const workers = [worker(), worker(), worker()];
    await waitFor(async () => acked.length >= 60, '60 acknowledged commands');

    const backupDir = join(mkdtempSync(join(tmpdir(), 'sss-backup-target-')), 'backup');
    const backupStartedAt = performance.now();
    const before = acked.filter((a) => a.at < backupStartedAt);
    const backup = await run(['infra/src/ops/backup.ts', backupDir], { ...baseEnv, SSS_DATA_DIR: dataDir, INIT_CWD: ROOT });
    assert.is(backup.code, 0, backup.out);
    const countAtBackupEnd = acked.length;
    await waitFor(async () => acked.length >= countAtBackupEnd + 20, 'more commands after the backup');
    sss.kill('SIGKILL');
    running = false;
    await Promise.all(workers);
    assert.ok(acked.some((a) => a.at > backupStartedAt), 'appends went on while the backup ran');

    assert.match(backup.out, /copied events\.db/);
    assert.match(backup.out, /copied read-models\.db/);
    assert.match(backup.out, /copied session-secret/);
    const reported = /event store: (\d+) events in (\d+) streams, last position (\d+)/.exec(backup.out);
    assert.ok(reported, backup.out);
    const lastPosition = BigInt(reported[3]!);
    const maxBefore = before.reduce((max, a) => (a.position > max ? a.position : max), 0n);
    assert.ok(lastPosition >= maxBefore, `backup ends at ${lastPosition}, before it started ${maxBefore} was acknowledged`);
    assert.equal(notOwnerOnly(backupDir), [], 'backup files');

    const restored = join(mkdtempSync(join(tmpdir(), 'sss-restored-')), 'data');
    cpSync(backupDir, restored, { recursive: true });
    const store = openSqliteEventStore(join(restored, 'events.db'));
    const all: RecordedEvent[] = [];
    for (let page = await store.readAll({ after: 0n, maxCount: 1000 }); page.length; page = await store.readAll({ after: page[page.length - 1]!.position, maxCount: 1000 })) all.push(...page);
    assert.is(String(all.length), reported[1]);
    const byPosition = new Map(all.map((e) => [e.position, e]));
    for (const a of before) assert.is(byPosition.get(a.position)?.streamName, streams.company(a.id), `acknowledged at ${a.position} before the backup`);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of all) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
    assert.is(String(byStream.size), reported[2]);
    for (const [name, events] of byStream) assert.equal(verifyChain(events), { valid: true }, name);
    await store.close();

    const again = await startSss(readSettings({ SSS_DATA_DIR: restored, LOG_LEVEL: 'silent', SSS_UI_DIR: join(restored, 'no-ui') }));
    try {
      // The session secret came along: the cookie issued before the crash still signs in.
      const last = before[before.length - 1]!;
      const company = await again.app.inject({ method: 'GET', url: `/api/companies/${last.id}`, headers: { cookie, 'x-sss-min-position': String(maxBefore) } });
      assert.is(company.statusCode, 200, company.body);
      await waitFor(async () => (await again.app.inject({ method: 'GET', url: '/readyz' })).statusCode === 200, 'the restored read models to catch up');
    } finally {
      await again.stop();
    }
  } finally {
    if (sss.exitCode === null && sss.signalCode === null) sss.kill('SIGKILL');
  }
});

test.run();
