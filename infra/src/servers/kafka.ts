/**
 * A real single-node Apache Kafka (KRaft) for tests and local runs, started from the jars that
 * `infra/scripts/fetch-kafka.sh` puts in `infra/kafka/lib/` — no Docker, no release tarball.
 * Why the settings: docs/architecture.md §Testing against real servers and the comment beside each.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';

export interface KafkaServer {
  readonly brokers: string[];
  stop(): Promise<void>;
}

export interface StartKafkaOptions {
  /** Where KRaft keeps its logs and metadata; a fresh temp dir (removed on stop) when omitted. */
  readonly dataDir?: string;
  /** Where the broker's own output goes; defaults to `.sss-run/logs` at the repo root. */
  readonly logDir?: string;
  readonly readyTimeoutMs?: number;
}

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const libDir = join(repoRoot, 'infra', 'kafka', 'lib');
const jvmFlags = ['-Xms256m', '-Xmx512m', '-XX:+UseSerialGC', '-Djava.awt.headless=true', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-Dlog4j2.level=WARN'];

export async function startKafka(options: StartKafkaOptions = {}): Promise<KafkaServer> {
  assertJarsFetched();
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'sss-kafka-')));
  const logDir = options.logDir ?? join(repoRoot, '.sss-run', 'logs');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });

  const [brokerPort = 0, controllerPort = 0] = await freePorts(2);
  const configFile = join(dataDir, 'server.properties');
  writeFileSync(configFile, serverProperties(brokerPort, controllerPort, join(dataDir, 'kraft')));
  const logFile = join(logDir, `kafka-${brokerPort}.log`);

  // A kept dataDir (local-infra) is already formatted with its own cluster id, which format would reject.
  if (!existsSync(join(dataDir, 'kraft', 'meta.properties'))) {
    // Base64url can begin with '-', which kafka-storage's argument parser reads as an option (1 start in 64
    // failed with "argument --cluster-id: expected one argument"); Kafka's own Uuid.randomUuid skips those too.
    let clusterId = randomBytes(16).toString('base64url');
    while (clusterId.startsWith('-')) clusterId = randomBytes(16).toString('base64url');
    await runToCompletion(['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', configFile], logFile);
  }

  // The broker writes to the file itself: no pipe to fill up when this process is busy or gone.
  const logFd = openSync(logFile, 'a');
  const child = spawn('java', [...jvmFlags, '-cp', classpath(), 'kafka.Kafka', configFile], { stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  // A test runner that exits without stop() must not leave a broker holding ports and memory.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const brokers = [`127.0.0.1:${brokerPort}`];
  const stop = async (): Promise<void> => {
    await terminate(child);
    process.removeListener('exit', killOnExit);
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(brokers, child, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw new Error(`Kafka did not start: ${(error as Error).message}\n--- tail of ${logFile} ---\n${tail(logFile)}`, { cause: error });
  }
  return { brokers, stop };
}

function assertJarsFetched(): void {
  if (!existsSync(libDir) || !readdirSync(libDir).some((name) => name.startsWith('kafka_2.13-'))) {
    throw new Error(`No Kafka jars in ${libDir}. Run: bash infra/scripts/fetch-kafka.sh`);
  }
}

/** A JVM wildcard, not a shell one: java expands `dir/*` to every jar itself. */
function classpath(): string {
  return join(libDir, '*');
}

function serverProperties(brokerPort: number, controllerPort: number, logDirs: string): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    // Static quorum: pairs with `StorageTool format` without --standalone (4.1+ rejects the mix).
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDirs}`,
    'num.partitions=1',
    'num.network.threads=2',
    'num.io.threads=2',
    // One node: the defaults of 3 would leave __consumer_offsets uncreated and groups without a coordinator.
    'offsets.topic.replication.factor=1',
    // A single offsets partition makes the first group join faster.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests start consumers one after another; waiting for more members only slows them down.
    'group.initial.rebalance.delay.ms=0',
    // The 5 ms default batches offset commits for throughput; a commit per message then costs 6–7 ms each.
    'group.coordinator.append.linger.ms=0',
    // Topics are created on purpose (MessageBus.ensureTopics), never by a typo.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

async function freePorts(count: number): Promise<number[]> {
  // Hold every socket open until all ports are known, so the OS cannot hand out the same one twice.
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((ok, fail) => {
        const server = createServer();
        server.once('error', fail);
        server.listen(0, '127.0.0.1', () => ok(server));
      }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('No TCP port was assigned');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((ok) => server.close(ok))));
  return ports;
}

function runToCompletion(javaArgs: string[], logFile: string): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn('java', ['-Xmx256m', '-XX:+UseSerialGC', '-cp', classpath(), ...javaArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => {
      // On success it only dumps the whole config, which would bury the broker's own lines in the log tail.
      if (code === 0) return ok();
      writeFileSync(logFile, output, { flag: 'a' });
      fail(new Error(`${javaArgs.slice(0, 2).join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}

async function waitUntilReady(brokers: string[], child: ChildProcess, timeoutMs: number): Promise<void> {
  let exit: string | undefined;
  child.once('exit', (code, signal) => (exit = `the broker exited (code ${code}, signal ${signal})`));
  child.once('error', (error) => (exit = `java could not be run: ${error.message}`));
  // kafkajs logs every refused connection at ERROR while the broker boots; the log file tells the real story.
  const admin = new Kafka({ clientId: 'sss-kafka-readiness', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2_000 }).admin();
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no attempt made';
  try {
    while (Date.now() < deadline) {
      if (exit !== undefined) throw new Error(exit);
      try {
        await admin.connect();
        await admin.describeCluster();
        return;
      } catch (error) {
        lastError = (error as Error).message;
        await admin.disconnect().catch(() => undefined);
        await new Promise((ok) => setTimeout(ok, 250));
      }
    }
    throw new Error(`not ready after ${timeoutMs} ms (last error: ${lastError})`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  child.kill('SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((ok) => setTimeout(() => ok(false), 10_000).unref())]);
  if (!inTime) {
    child.kill('SIGKILL');
    await exited;
  }
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
