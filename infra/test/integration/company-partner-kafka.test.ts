import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { filter, firstValueFrom } from 'rxjs';
import { createKafkaBus } from '@sss/write-side/bus/kafka-bus';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { startForwarder } from '@sss/write-side/integration/forwarder';
import { INTEGRATION_TOPICS } from '@sss/write-side/integration/mapping';
import { startCompanyCopyConsumer } from '@sss/write-side/partner/company-copy-consumer';
import { eventually } from '../support/partners.ts';
import { companyPartnerScenarios } from './company-partner-scenarios.ts';
import { copyHistory, fillCompanies } from './company-source.ts';

/**
 * The company → partner flow over a real Kafka (KAFKA_BROKERS, started by the test runner): the
 * shared scenarios, plus the partner consumer as a process SIGKILLed mid-stream and restarted.
 */
const brokers = process.env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean) ?? [];
if (brokers.length === 0) {
  test('KAFKA_BROKERS is set', () => {
    throw new Error('KAFKA_BROKERS is not set: run through `npm test`, or start Kafka with `node --import tsx infra/src/servers/kafka-cli.ts start` and export what it prints.');
  });
} else {
  companyPartnerScenarios(test, { name: 'Kafka', env: { KAFKA_BROKERS: brokers.join(',') }, open: () => createKafkaBus({ brokers }) });

  const child = new URL('./copy-consumer-child.ts', import.meta.url).pathname;

  /**
   * Runs the consumer process until it has reported `killAfter` applied messages of ours, then
   * SIGKILLs it. A message applied but not yet reported when the kill lands is the interesting
   * case: the next run gets it again and must recognise it.
   */
  function runConsumer(dbPath: string, groupId: string, mine: Set<string>, applied: { count: number; duplicates: number }, killAfter: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, dbPath, groupId], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
      createInterface({ input: proc.stdout! }).on('line', (line) => {
        const [outcome, key] = line.split(' ');
        if (outcome === 'applied' && mine.has(key!)) applied.count++;
        if (outcome === 'duplicate' && mine.has(key!)) applied.duplicates++;
        if (applied.count >= killAfter && proc.exitCode === null && !proc.killed) proc.kill('SIGKILL');
      });
      proc.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`consumer child exited with ${code}`))));
    });
  }

  test('Kafka: the partner consumer process SIGKILLed mid-stream and restarted applies every change exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sss-kafka-kill-'));
    const source = openSqliteEventStore(join(dir, 'source.db'));
    const ids = Array.from({ length: 10 }, () => randomUUID());
    const renames = 40;
    const total = ids.length * (renames + 1);
    await fillCompanies(source, ids, renames);
    const bus = await createKafkaBus({ brokers });
    await bus.ensureTopics([...INTEGRATION_TOPICS, ...INTEGRATION_TOPICS.map((t) => `${t}.dead-letter`)]);
    const forwarder = await startForwarder({ events: source, bus, name: randomUUID() });
    const head = await source.headPosition();
    await firstValueFrom(forwarder.position$.pipe(filter((p) => p >= head)));

    const targetPath = join(dir, 'target.db');
    const groupId = `test-kill-${randomUUID()}`;
    const mine = new Set<string>(ids);
    const applied = { count: 0, duplicates: 0 };
    for (const killAt of [60, 170, 300]) await runConsumer(targetPath, groupId, mine, applied, killAt);

    // The last restart runs here, so the test can watch the copies complete.
    const target = openSqliteEventStore(targetPath);
    const outcomes: string[] = [];
    const consumer = await startCompanyCopyConsumer({ events: target, bus, groupId, onHandled: (key, outcome) => void (mine.has(key) && outcomes.push(outcome)) });
    const complete = async () => (await Promise.all(ids.map((id) => copyHistory(target, id)))).every((h) => h.revisions.length >= renames + 1);
    await eventually('every change applied', complete, 60_000);
    await consumer.stop();
    assert.ok(applied.count >= 300 && applied.count < total, `killed mid-stream (${applied.count} of ${total} reported before the last restart)`);
    assert.ok(applied.duplicates + outcomes.filter((o) => o === 'duplicate').length > 0, 'restarted consumers met messages already applied, and skipped them');
    for (const [index, id] of ids.entries()) {
      const history = await copyHistory(target, id);
      assert.equal(history.revisions, Array.from({ length: renames + 1 }, (_, n) => String(n)), `company ${index}: every change once, in order`);
      assert.is(history.names[history.names.length - 1], `会社${index}-${renames}`);
    }
    await forwarder.stop();
    await bus.close();
    await Promise.all([source.close(), target.close()]);
  });
}

test.run();
