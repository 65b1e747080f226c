import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { ENTRY_POINTS } from '../../scripts/build-server.ts';

/**
 * No Docker engine runs here, so the compose file is checked for what `docker compose config`
 * would catch and what the stack needs: every service, health checks, and the settings SSS reads.
 */
const root = new URL('../../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8')) as {
  services: Record<string, { image?: string; build?: unknown; command?: string[]; environment?: Record<string, string>; healthcheck?: { test: unknown }; depends_on?: Record<string, { condition: string }> }>;
};

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
  const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
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

test('every variable the compose file sets is documented in the README settings table', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  for (const key of Object.keys(compose.services['write-side']!.environment!)) assert.ok(readme.includes(`\`${key}\``), `${key} is in the README`);
});

test.run();
