import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { ledgerHead } from '../../src/ledger/chain.ts';
import { readCheckpointFile } from '../../src/ledger/checkpoint-log.ts';
import { loadLedgerKeys } from '../../src/ledger/keys.ts';
import { startLedgerSigner } from '../../src/ledger/signer.ts';
import { openSqliteLedgerSource } from '../../src/ledger/sqlite-source.ts';
import { verifyLedger } from '../../src/ledger/verify.ts';

/** The embedded store keeps the ledger link of every row, old files get theirs on open, and the signer resumes where it signed. */

const fresh = () => join(mkdtempSync(join(tmpdir(), 'sss-ledger-')), 'events.db');

async function fill(path: string, n: number, prefix = 'e'): Promise<void> {
  const store = openSqliteEventStore(path);
  for (let i = 0; i < n; i++) await store.append(`company-${prefix}${i % 3}`, [{ type: 'Noted', data: { i }, metadata: { actor: 'test', correlationId: 'c' } }, { type: 'Noted', data: { i, second: true }, metadata: { actor: 'test', correlationId: 'c' } }], 'any');
  await store.close();
}

function stored(path: string): { links: (string | null)[]; recomputed: string[] } {
  const db = new Database(path, { readonly: true });
  db.defaultSafeIntegers(true);
  const rows = db.prepare<[], { position: bigint; stream: string; revision: bigint; metadata: string; ledger: string | null }>('SELECT * FROM events ORDER BY position').all();
  db.close();
  const entries = rows.map((r) => ({ position: r.position, streamName: r.stream, revision: r.revision, eventHash: (JSON.parse(r.metadata) as { hash: string }).hash }));
  return { links: rows.map((r) => r.ledger), recomputed: entries.map((_, i) => ledgerHead(entries.slice(0, i + 1))) };
}

test('each appended row carries the ledger link over every earlier event', async () => {
  const path = fresh();
  await fill(path, 5);
  const { links, recomputed } = stored(path);
  assert.is(links.length, 10);
  assert.equal(links, recomputed);
});

test('a file written before the ledger column gets it on open, and appends continue the chain', async () => {
  const path = fresh();
  await fill(path, 4);
  const db = new Database(path);
  db.exec('ALTER TABLE events DROP COLUMN ledger');
  db.close();
  await fill(path, 2, 'later');
  const { links, recomputed } = stored(path);
  assert.is(links.length, 12);
  assert.equal(links, recomputed);
});

test('rows left without a link (a raw insert) are filled from the first gap on', async () => {
  const path = fresh();
  await fill(path, 3);
  const db = new Database(path);
  db.exec('UPDATE events SET ledger = NULL WHERE position >= 4');
  db.close();
  openSqliteEventStore(path).close();
  const { links, recomputed } = stored(path);
  assert.equal(links, recomputed);
});

test('the signer signs at start, every N events and at stop, and resumes from its last checkpoint', async () => {
  const path = fresh();
  const dir = join(path, '..');
  const keys = loadLedgerKeys(join(dir, 'key.pem'), { create: true });
  const file = join(dir, 'checkpoints.jsonl');
  await fill(path, 2);
  let store = openSqliteEventStore(path);
  let signer = await startLedgerSigner({ events: store, keys, file, every: 3, log: () => {} });
  await signer.caughtUp();
  assert.equal(readCheckpointFile(file).checkpoints.map((c) => c.count), ['4']);
  for (let i = 0; i < 4; i++) await store.append('company-x', [{ type: 'Noted', data: { i }, metadata: { actor: 'test', correlationId: 'c' } }], 'any');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await signer.stop();
  assert.equal(readCheckpointFile(file).checkpoints.map((c) => c.count), ['4', '7', '8']);
  await store.close();

  store = openSqliteEventStore(path);
  await store.append('company-y', [{ type: 'Noted', data: {}, metadata: { actor: 'test', correlationId: 'c' } }], 'any');
  signer = await startLedgerSigner({ events: store, keys, file, every: 3, log: () => {} });
  await signer.caughtUp();
  await signer.stop();
  await store.close();
  const checkpoints = readCheckpointFile(file).checkpoints;
  assert.equal(checkpoints.map((c) => c.count), ['4', '7', '8', '9']);

  const source = openSqliteLedgerSource(path);
  const report = await verifyLedger({ readPage: source.readPage, checkpoints, publicKey: keys.publicKey });
  source.close();
  assert.equal(report.firstBreak, null);
  assert.is(report.checkpointsChecked, 4);
});

test.run();
