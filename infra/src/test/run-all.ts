import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { startKafka } from '../servers/kafka.ts';
import { startFerretDb } from '../servers/ferretdb.ts';
import { startEsdbStandIn } from '../servers/esdb-stand-in/esdb-stand-in.ts';
import { startCollaboflowSimulator } from '../collaboflow-sim/start.ts';
import { exitWith, reportFile, summarize, type FileResult } from './file-result.ts';
import { byTier, testFiles, tierProblems } from './tiers.ts';
import { runUnitTier } from './unit-tier.ts';

/**
 * `npm test`'s runner, both tiers (`tiers.ts`) and each file once: first the unit tier in a pool
 * of worker processes (`unit-tier.ts`, no servers); then, if any integration file is selected, it
 * starts the real servers once (Apache Kafka, FerretDB, the EventStoreDB stand-in, the CollaboFlow
 * simulator — or uses the ones named in KAFKA_BROKERS / MONGODB_URL / EVENTSTORE_URL /
 * COLLABOFLOW_URL) and runs every integration file in its own process. Ends with one
 * "N passed, N failed" line over both. A server that cannot start fails the run; a skipped test
 * fails it too. Arguments narrow the run to files whose path contains one of them.
 */

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CONCURRENCY = Number(process.env.SSS_TEST_CONCURRENCY ?? 2);
const FILE_TIMEOUT_MS = Number(process.env.SSS_TEST_TIMEOUT_MS ?? 10 * 60_000);
const UNIT_FILE_TIMEOUT_MS = Number(process.env.SSS_UNIT_TIMEOUT_MS ?? 60_000);
const only = process.argv.slice(2);

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
  const log = (line: string) => console.log(`[run-all] ${line}`);
  const all = testFiles(root);
  const tiers = byTier(root, all);
  const problems = tierProblems(root, all, tiers);
  if (problems.length) {
    console.error(`[run-all] test files without exactly one tier:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const selected = (files: string[]) => (only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files);
  const unit = selected(tiers.unit);
  const integration = selected(tiers.integration);
  if (unit.length + integration.length === 0) {
    console.error('[run-all] no test files found');
    return 1;
  }
  const started = Date.now();
  const results: FileResult[] = [];
  const record = (result: FileResult) => {
    results.push(result);
    reportFile(root, result);
  };

  if (unit.length) {
    log(`unit tier: ${unit.length} test files, no servers, ${CONCURRENCY} workers`);
    await runUnitTier(root, unit, { concurrency: CONCURRENCY, fileTimeoutMs: UNIT_FILE_TIMEOUT_MS, onResult: record });
    log(`unit tier done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (integration.length) {
    const serversStarted = Date.now();
    const servers = await startServers(log);
    log(`servers ready in ${((Date.now() - serversStarted) / 1000).toFixed(1)} s; integration tier: ${integration.length} test files, ${CONCURRENCY} at a time`);
    const env = { ...process.env, ...servers.env, KAFKAJS_NO_PARTITIONER_WARNING: '1', FORCE_COLOR: '0' };
    const queue = [...integration];
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) record(await runFile(file, env));
    });
    await Promise.all(workers);
    await servers.stop();
  }

  const summary = summarize(results);
  mkdirSync(join(root, '.sss-run'), { recursive: true });
  writeFileSync(join(root, '.sss-run', 'test-results.json'), JSON.stringify(results.map(({ output: _o, ...r }) => r), null, 2));
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(summary.line);
  return summary.ok ? 0 : 1;
}

exitWith(main);
