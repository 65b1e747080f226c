import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildServer } from '../../scripts/build-server.ts';
import { repositoryRoot } from '../../src/main/root.ts';
import { freePort } from '../support/free-port.ts';

/**
 * `npm run build`'s server is plain JavaScript that `node` runs: no tsx, no TypeScript sources, and
 * every package it imports is a runtime dependency (what `npm ci --omit=dev` installs in the image).
 * Built into a directory of its own, so a stale `dist/` can never pass for the current sources.
 */

const root = repositoryRoot();
const DEADLINE_MS = 120_000;


/** Resolves when `probe` does; polls until the deadline, failing with what the server printed. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, child: ChildProcess, output: () => string): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}) before ${what}:\n${output()}`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${DEADLINE_MS} ms:\n${output()}`);
    await new Promise((next) => setTimeout(next, 200));
  }
}

const runtimeDependencies = (): Set<string> => {
  const names = new Set<string>();
  for (const dir of ['.', 'contracts', 'http-kit', 'write-side', 'read-side', 'infra']) {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(manifest.dependencies ?? {})) names.add(name);
  }
  return names;
};

test('the built server runs on plain node: ready, a demo user signs in, no tsx on its command line', async () => {
  mkdirSync(join(root, '.sss-run'), { recursive: true });
  const outdir = mkdtempSync(join(root, '.sss-run', 'built-server-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-built-server-'));
  let child: ChildProcess | undefined;
  try {
    const { packages } = await buildServer(outdir);
    const dependencies = runtimeDependencies();
    const missing = packages.filter((name) => !dependencies.has(name));
    assert.equal(missing, [], `imported at run time but only a devDependency (or nowhere): ${missing.join(', ')}`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A clean environment: no NODE_OPTIONS (an inherited --import tsx would hide a broken bundle), no test servers.
    child = spawn(process.execPath, [join(outdir, 'embedded.js')], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', SSS_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = child;

    await until('ready answer', async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), server, () => output);
    assert.match(output, `SSS 営業支援システム is running: ${base}/`);

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sato@example.co.jp', password: 'demo-pass-2025' }) });
    assert.is(login.status, 200, await login.clone().text());
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    assert.is(me.status, 200);
    assert.is(((await me.json()) as { email: string }).email, 'sato@example.co.jp');

    const commandLine = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    assert.equal(commandLine, [process.execPath, join(outdir, 'embedded.js')]);
    assert.not.ok(commandLine.some((arg) => arg.includes('tsx') || arg === '--import'), commandLine.join(' '));

    server.kill('SIGTERM');
    const [code] = (await once(server, 'exit')) as [number | null];
    assert.is(code, 0, `stops cleanly on SIGTERM:\n${output}`);
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test.run();
