import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { verifyChain } from '../../src/eventstore/metadata.ts';

/** A writer process appends and prints each acknowledged revision; we kill -9 it mid-flight. */
const WRITER = `
import { openSqliteEventStore } from ${JSON.stringify(new URL('../../src/eventstore/sqlite-event-store.ts', import.meta.url).pathname)};
const store = openSqliteEventStore(process.argv[1]);
let revision = -1n;
for (;;) {
  const r = await store.append('durable-1', [{ type: 'Ticked', data: { at: Date.now() }, metadata: { actor: 'test', correlationId: 'c' } }], revision < 0n ? 'no_stream' : revision);
  revision = r.nextExpectedRevision;
  process.stdout.write('acked ' + revision + '\\n');
}
`;

test('every acknowledged append survives kill -9 of the writer, and the chain still verifies', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sss-kill-')), 'events.db');
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  let lastAcked = -1n;
  await new Promise<void>((resolve) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lastAcked = BigInt(line.split(' ')[1]!);
      if (lastAcked >= 200n && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => child.once('exit', resolve));
  const store = openSqliteEventStore(path);
  const events = await store.readStream('durable-1');
  assert.ok(BigInt(events.length) >= lastAcked + 1n, `acked ${lastAcked + 1n}, found ${events.length}`);
  assert.equal(verifyChain(events), { valid: true });
  await store.close();
});

test('a tampered event breaks the chain at that revision', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sss-tamper-')), 'events.db');
  const store = openSqliteEventStore(path);
  await store.append('invoice-1', [0, 1, 2].map((n) => ({ type: 'Line', data: { yen: 1000 * n }, metadata: { actor: 'a', correlationId: 'c' } })), 'no_stream');
  store.db.prepare(`UPDATE events SET data = '{"yen":999999}' WHERE stream = 'invoice-1' AND revision = 1`).run();
  assert.equal(verifyChain(await store.readStream('invoice-1')), { valid: false, brokenAt: 1n });
  await store.close();
});

test.run();
