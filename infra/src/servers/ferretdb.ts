/**
 * Starts a real MongoDB wire-protocol server for tests: FerretDB v1 (SQLite handler) embedded in our
 * own Go runner (`infra/ferretdb`, built by `infra/scripts/build-ferretdb.sh` into `.bin/`). No
 * registry ships mongod, so this is the closest real server we can run without Docker.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';

export interface FerretDbServer {
  /** e.g. `mongodb://127.0.0.1:40123/`; pick a database name per test file. */
  readonly url: string;
  /** SIGTERM, SIGKILL after 10 s, then remove the data dir if we created it. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartFerretDbOptions {
  /** Where the .sqlite files go. Default: a fresh temp dir, removed by stop(). A given dir is kept. */
  readonly dataDir?: string;
  /** How long to wait for the first successful ping. */
  readonly readyTimeoutMs?: number;
}

const repoRoot = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const ferretDbRunnerPath = join(repoRoot, '.bin', 'ferretdb-runner');
const buildScript = join(repoRoot, 'infra', 'scripts', 'build-ferretdb.sh');
const logDir = join(repoRoot, '.sss-run', 'logs');

/**
 * Builds the runner if it is missing or stale (minutes the first time, instant afterwards). Its output
 * goes to our stderr so a caller's stdout stays clean for machine-readable output.
 */
export function buildFerretDbRunner(): void {
  const result = spawnSync(buildScript, { stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`${buildScript} failed (exit ${result.status ?? result.signal})`);
}

export async function startFerretDb(options: StartFerretDbOptions = {}): Promise<FerretDbServer> {
  if (!existsSync(ferretDbRunnerPath)) {
    throw new Error(`FerretDB runner not built: run infra/scripts/build-ferretdb.sh (needs Go; expected ${ferretDbRunnerPath})`);
  }
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'sss-ferretdb-')) : resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });

  const port = await freeLoopbackPort();
  const logFile = join(logDir, `ferretdb-${port}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const log = createWriteStream(logFile);
  await new Promise<void>((ok, fail) => log.once('open', () => ok()).once('error', fail));

  // The runner wants a directory URI ending in '/'; it adds the slash itself but we pass it explicitly.
  const child = spawn(ferretDbRunnerPath, ['-listen', `127.0.0.1:${port}`, '-dir', `${dataDir}/`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited: string | null = null;
  const exitedPromise = new Promise<void>((ok) =>
    child.once('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      ok();
    }),
  );
  // Without this, a failed spawn (e.g. ENOENT) would be an unhandled 'error' event and crash the caller.
  child.once('error', (error) => {
    exited ??= `spawn error: ${error.message}`;
  });

  const url = `mongodb://127.0.0.1:${port}/`;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await terminate(child, exitedPromise, () => exited !== null);
    await new Promise<void>((ok) => log.end(ok));
    if (ownsDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilPingable(url, options.readyTimeoutMs ?? 60_000, () => exited);
  } catch (error) {
    await stop();
    throw new Error(`FerretDB did not become ready on ${url}: ${(error as Error).message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`, {
      cause: error,
    });
  }
  return { url, stop };
}

async function waitUntilPingable(url: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    const status = exited();
    if (status !== null) throw new Error(`runner stopped early (${status})`);
    // A short server-selection timeout keeps each attempt cheap while the port is not yet listening.
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await client.close().catch(() => undefined);
    }
    await sleep(200);
  }
  throw new Error(`no successful ping within ${timeoutMs} ms (last error: ${(lastError as Error | null)?.message ?? 'none'})`);
}

async function terminate(child: ChildProcess, exitedPromise: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited() || child.pid === undefined) return;
  child.kill('SIGTERM');
  const killTimer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exitedPromise;
  clearTimeout(killTimer);
}

/** Binding port 0 and releasing it has a tiny race, acceptable for a test server on loopback. */
function freeLoopbackPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        fail(new Error('could not read the port of a loopback listener'));
        return;
      }
      server.close(() => ok(address.port));
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms));
