import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { startKafka } from '../servers/kafka.ts';
import { startFerretDb } from '../servers/ferretdb.ts';
import { startEsdbStandIn } from '../servers/esdb-stand-in/esdb-stand-in.ts';
import { startCollaboflowSimulator } from '../collaboflow-sim/start.ts';

/**
 * `npm test`'s runner: starts the real servers once (Apache Kafka, FerretDB, the EventStoreDB
 * stand-in, the CollaboFlow simulator — or uses the ones named in KAFKA_BROKERS / MONGODB_URL /
 * EVENTSTORE_URL / COLLABOFLOW_URL), runs every
 * `<workspace>/test/**\/*.test.ts` in its own process, and ends with one "N passed, N failed"
 * line. A server that cannot start fails the run; a skipped test fails it too.
 */

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const WORKSPACES = ['contracts', 'http-kit', 'write-side', 'read-side', 'infra', 'ui'];
const CONCURRENCY = Number(process.env.SSS_TEST_CONCURRENCY ?? 2);
const FILE_TIMEOUT_MS = Number(process.env.SSS_TEST_TIMEOUT_MS ?? 10 * 60_000);
const only = process.argv.slice(2);

function testFiles(): string[] {
  const files: string[] = [];
  for (const workspace of WORKSPACES) {
    const dir = join(root, workspace, 'test');
    if (!existsSync(dir)) continue;
    const entries = readdirSync(dir, { recursive: true }) as string[];
    files.push(...entries.filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f)));
  }
  const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
  return selected.sort();
}

interface FileResult {
  file: string;
  passed: number;
  failed: number;
  skipped: number;
  exitCode: number | null;
  ms: number;
  output: string;
}

function runFile(file: string, env: NodeJS.ProcessEnv): Promise<FileResult> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      output += `\n[run-all] timed out after ${FILE_TIMEOUT_MS} ms\n`;
      child.kill('SIGKILL');
    }, FILE_TIMEOUT_MS);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      // uvu prints "Total / Passed / Skipped" per run() call; a file may run several suites.
      const plain = stripVTControlCharacters(output);
      const sum = (label: string) => [...plain.matchAll(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
      const total = sum('Total');
      const passed = sum('Passed');
      const skipped = sum('Skipped');
      const failed = Math.max(total - passed - skipped, exitCode === 0 && total > 0 ? 0 : 1);
      done({ file, passed, failed, skipped, exitCode, ms: Date.now() - started, output });
    });
  });
}

async function startServers(log: (line: string) => void) {
  const stops: Array<() => Promise<void>> = [];
  const env: Record<string, string> = {};
  const tasks: Array<Promise<void>> = [];
  if (!process.env.KAFKA_BROKERS) {
    tasks.push(startKafka().then((kafka) => { stops.push(kafka.stop); env.KAFKA_BROKERS = kafka.brokers.join(','); log(`Apache Kafka (KRaft) at ${env.KAFKA_BROKERS}`); }));
  } else log(`Apache Kafka from KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
  if (!process.env.MONGODB_URL) {
    tasks.push(startFerretDb().then((ferret) => { stops.push(ferret.stop); env.MONGODB_URL = ferret.url; log(`FerretDB (MongoDB wire protocol) at ${ferret.url}`); }));
  } else log(`MongoDB from MONGODB_URL=${process.env.MONGODB_URL}`);
  if (!process.env.EVENTSTORE_URL) {
    // Positions start beyond 2^60, so every consumer in CI meets positions no double can hold.
    tasks.push(startEsdbStandIn({ log: () => {}, positionOffset: 1n << 60n }).then((esdb) => { stops.push(esdb.stop); env.EVENTSTORE_URL = esdb.url; env.EVENTSTORE_IS_STAND_IN = '1'; log(`EventStoreDB protocol stand-in (test code, not EventStoreDB) at ${esdb.url}`); }));
  } else log(`EventStoreDB from EVENTSTORE_URL=${process.env.EVENTSTORE_URL}`);
  if (!process.env.COLLABOFLOW_URL) {
    // Each test file makes its own tenant on it, so injected faults never reach another file.
    tasks.push(startCollaboflowSimulator().then((sim) => { stops.push(sim.stop); env.COLLABOFLOW_URL = sim.url; log(`CollaboFlow simulator at ${sim.url}`); }));
  } else log(`CollaboFlow from COLLABOFLOW_URL=${process.env.COLLABOFLOW_URL}`);
  const outcomes = await Promise.allSettled(tasks);
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
  const stopAll = async () => { await Promise.allSettled(stops.map((stop) => stop())); };
  if (failures.length) {
    await stopAll();
    throw new Error(`could not start the test servers:\n${failures.map((f) => String(f.reason instanceof Error ? f.reason.stack ?? f.reason.message : f.reason)).join('\n\n')}`);
  }
  return { env, stop: stopAll };
}

async function main(): Promise<number> {
  const files = testFiles();
  if (files.length === 0) {
    console.error('[run-all] no test files found');
    return 1;
  }
  const log = (line: string) => console.log(`[run-all] ${line}`);
  const started = Date.now();
  const servers = await startServers(log);
  log(`servers ready in ${((Date.now() - started) / 1000).toFixed(1)} s; running ${files.length} test files, ${CONCURRENCY} at a time`);
  const env = { ...process.env, ...servers.env, KAFKAJS_NO_PARTITIONER_WARNING: '1', FORCE_COLOR: '0' };
  const results: FileResult[] = [];
  const queue = [...files];
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const result = await runFile(file, env);
      results.push(result);
      const ok = result.failed === 0 && result.skipped === 0 && result.exitCode === 0;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${relative(root, file)}  (${result.passed} passed${result.failed ? `, ${result.failed} failed` : ''}${result.skipped ? `, ${result.skipped} SKIPPED` : ''}, ${(result.ms / 1000).toFixed(1)} s)`);
      if (!ok) console.log(result.output.split('\n').map((l) => `     ${l}`).join('\n'));
    }
  });
  await Promise.all(workers);
  await servers.stop();

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed + (r.exitCode !== 0 && r.failed === 0 ? 1 : 0), 0);
  const skipped = results.reduce((n, r) => n + r.skipped, 0);
  mkdirSync(join(root, '.sss-run'), { recursive: true });
  writeFileSync(join(root, '.sss-run', 'test-results.json'), JSON.stringify(results.map(({ output: _o, ...r }) => r), null, 2));
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed + skipped} failed${skipped ? ` (${skipped} skipped tests count as failures: nothing may skip silently)` : ''}`);
  return failed + skipped === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
