import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { ENTRY_POINTS } from '../../scripts/build-server.ts';
import { readSettings } from '../../src/main/config.ts';
import { deploymentProblems } from '../../src/main/start-checks.ts';

/**
 * No Docker engine runs here, so the compose file is checked for what `docker compose config`
 * would catch and what the stack needs: every service, health checks, and the settings SSS reads.
 */
const root = new URL('../../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; volumes?: string[]; healthcheck?: { test: unknown }; depends_on?: Record<string, { condition: string }> }>;
};

/** What `docker compose` does with `${VAR}`, `${VAR:-default}` and `${VAR:?message}` given the operator's environment. */
function interpolate(value: string, operator: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_match, name: string, kind: string | undefined, rest: string) => {
    const set = operator[name];
    if (set) return set;
    if (kind === '?') throw new Error(`compose refuses to start: ${name}: ${rest}`);
    return kind === '-' ? rest : '';
  });
}
const environmentOf = (service: string, operator: Record<string, string>) =>
  Object.fromEntries(Object.entries(compose.services[service]!.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), operator)]));

const OPERATOR = { SESSION_SECRET: 'Zm9yLXRoZS10ZXN0LW9ubHktbm90LWEtcmVhbC1zZWNyZXQtMDEyMzQ1', COLLABOFLOW_URL: 'https://cloud.collaboflow.com/acme', COLLABOFLOW_API_KEY: 'tenant-key' };
const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
/** The lines of one stage (`FROM … AS <name>` up to the next FROM). */
const stage = (name: string) => dockerfile.slice(dockerfile.search(new RegExp(`^FROM .* AS ${name}$`, 'm'))).split(/^(?=FROM )/m)[0]!;

test('the stack has EventStoreDB, MongoDB, Kafka, both sides and the UI, each with a health check', () => {
  assert.equal(Object.keys(compose.services).sort(), ['eventstore', 'kafka', 'mongo', 'read-side', 'ui', 'write-side']);
  for (const name of ['eventstore', 'mongo', 'kafka', 'write-side', 'read-side']) assert.ok(compose.services[name]!.healthcheck, `${name} has a health check`);
  assert.match(String(compose.services.mongo!.command), 'replSet');
});

test('the sides run as separate processes with the real adapters configured', () => {
  const write = compose.services['write-side']!;
  const read = compose.services['read-side']!;
  assert.equal(write.command!.slice(-2), ['dist/services.js', 'write']);
  assert.equal(read.command!.slice(-2), ['dist/services.js', 'read']);
  for (const service of [write, read]) {
    for (const key of ['EVENTSTORE_URL', 'MONGODB_URL', 'KAFKA_BROKERS', 'SESSION_SECRET']) assert.ok(service.environment?.[key], `${key} is set`);
  }
  assert.match(write.environment!.EVENTSTORE_URL!, /^esdb:\/\/eventstore:2113/);
  assert.is(read.depends_on?.mongo?.condition, 'service_healthy');
});

test('every SSS process runs the production build on plain node: no tsx, only bundled entry points', () => {
  const built = Object.keys(ENTRY_POINTS).map((name) => `dist/${name}.js`);
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile.slice(dockerfile.indexOf('AS app')));
  const commands = [JSON.parse(cmd?.[1] ?? '[]') as string[], ...['write-side', 'read-side'].map((name) => compose.services[name]!.command!)];
  for (const command of commands) {
    assert.is(command[0], 'node', command.join(' '));
    assert.ok(built.includes(command[1]!), `${command.join(' ')} runs one of ${built.join(', ')}`);
    assert.not.ok(command.some((arg) => arg.includes('tsx') || arg.endsWith('.ts')), command.join(' '));
  }
  assert.match(dockerfile, /npm run build\b/);
  assert.match(dockerfile, /npm ci --omit=dev/);
});

test('the compose environment satisfies the start checks of the split stack, and refuses to start without the operator\'s secret and tenant', () => {
  for (const service of ['write-side', 'read-side']) {
    const env = environmentOf(service, OPERATOR);
    const settings = readSettings(env);
    assert.equal(deploymentProblems(settings), [], service);
    assert.is(settings.seedDemoData, false, `${service}: no demo data on the production store`);
    assert.is(settings.eventStoreUrl, 'esdb://eventstore:2113?tls=false');
    for (const missing of ['SESSION_SECRET', 'COLLABOFLOW_URL']) {
      const { [missing]: _left, ...without } = OPERATOR as Record<string, string>;
      assert.throws(() => environmentOf(service, without), new RegExp(`compose refuses to start: ${missing}: set ${missing}`));
    }
  }
});

test('the images run as a non-root user, and each side writes only to its SSS_DATA_DIR volume, which that user owns', () => {
  const app = stage('app');
  const user = /^USER (\S+)$/m.exec(app)?.[1];
  assert.ok(user && user !== 'root' && user !== '0', `the app stage runs as ${user}`);
  const dataDir = /SSS_DATA_DIR=(\S+)/.exec(app)?.[1];
  assert.ok(dataDir, 'the image names its data dir');
  assert.match(app, new RegExp(`chown ${user}:${user} ${dataDir}`));
  assert.match(stage('ui'), /^FROM nginxinc\/nginx-unprivileged:/m);
  for (const service of ['write-side', 'read-side']) {
    assert.is(environmentOf(service, OPERATOR).SSS_DATA_DIR, dataDir, service);
    assert.ok(compose.services[service]!.volumes?.some((v) => v.endsWith(`:${dataDir}`)), `${service} keeps ${dataDir} on a volume`);
  }
});

test('every variable the compose file sets is documented in the README settings table', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  for (const key of Object.keys(compose.services['write-side']!.environment!)) assert.ok(readme.includes(`\`${key}\``), `${key} is in the README`);
});

test.run();
