import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import type { EventMetadata } from '@sss/contracts/ports/event-store';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { eventHash } from '@sss/write-side/eventstore/metadata';
import { ledgerLink } from '@sss/write-side/ledger/chain';
import { loadLedgerKeys } from '@sss/write-side/ledger/keys';
import { startLedgerSigner } from '@sss/write-side/ledger/signer';
import { PUBLIC_KEY_FILE } from '../../src/main/ledger.ts';

/**
 * Tamper with copies of a real embedded store, the way someone who can write the file (but not
 * read the signing key) would, and check that `npm run verify` names the first break every time —
 * and passes the untouched copy.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const CHECKPOINTS = 'ledger-checkpoints.jsonl';

// 4 streams written round robin (positions 1..20), every 5th event checkpointed; `short` ends at position 6.
const original = mkdtempSync(join(tmpdir(), 'sss-verify-'));
{
  const store = openSqliteEventStore(join(original, 'events.db'));
  const keys = loadLedgerKeys(join(original, 'ledger-key.pem'), { create: true });
  writeFileSync(join(original, PUBLIC_KEY_FILE), keys.publicKeyPem);
  const signer = await startLedgerSigner({ events: store, keys, file: join(original, CHECKPOINTS), every: 5, log: () => {} });
  const names = ['company-a', 'short-b', 'company-c', 'company-d'];
  for (let n = 0; n < 20; n++) {
    const stream = n >= 8 && n % 4 === 1 ? 'company-e' : names[n % 4]!;
    await store.append(stream, [{ type: 'Noted', data: { n }, metadata: { actor: 'test', correlationId: `c${n}` } }], 'any');
  }
  await new Promise((resolve) => setTimeout(resolve, 400));
  await signer.stop();
  await store.close();
}

interface Report {
  intact: boolean;
  events: number;
  firstBreak: { kind: string; stream: string | null; revision: string | null; position: string | null; detail: string } | null;
}

let copies = 0;
function tamperedCopy(tamper: (db: Database.Database, dir: string) => void): string {
  const dir = join(original, `copy-${++copies}`);
  for (const name of ['events.db', CHECKPOINTS, PUBLIC_KEY_FILE]) cpSync(join(original, name), join(dir, name));
  const db = new Database(join(dir, 'events.db'));
  db.defaultSafeIntegers(true);
  try {
    tamper(db, dir);
  } finally {
    db.close();
  }
  return dir;
}

async function verify(dir: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const { EVENTSTORE_URL: _es, SSS_LEDGER_CHECKPOINT_FILE: _cf, ...env } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/src/ops/verify.ts', '--data-dir', dir, '--json', ...args], { cwd: ROOT, env });
    return { code: 0, report: JSON.parse(stdout) as Report, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    assert.is(failed.code, 1, `verify exits 1 on a break, not ${failed.code}: ${failed.stderr}`);
    return { code: failed.code, report: JSON.parse(failed.stdout) as Report, stderr: failed.stderr };
  }
}

async function expectBreak(dir: string, kind: string, at: { position: string; stream?: string; revision?: string }, ...args: string[]) {
  const { code, report } = await verify(dir, ...args);
  assert.is(code, 1);
  assert.is(report.intact, false);
  assert.is(report.firstBreak?.kind, kind, JSON.stringify(report.firstBreak));
  assert.is(report.firstBreak?.position, at.position, JSON.stringify(report.firstBreak));
  if (at.stream) assert.is(report.firstBreak?.stream, at.stream);
  if (at.revision) assert.is(report.firstBreak?.revision, at.revision);
}

interface Row { position: bigint; stream: string; revision: bigint; type: string; data: string; metadata: string }
const rowAt = (db: Database.Database, position: number) => db.prepare<[number], Row>('SELECT * FROM events WHERE position = ?').get(position)!;

/** What a writer without the key can do after an edit: recompute the stream's hashes and every ledger link. */
function recomputeEverything(db: Database.Database): void {
  const rows = db.prepare<[], Row>('SELECT * FROM events ORDER BY position').all();
  const lastHash = new Map<string, string>();
  let head = '';
  for (const row of rows) {
    const { hash: _old, ...rest } = JSON.parse(row.metadata) as EventMetadata;
    const base = { ...rest, prevHash: lastHash.get(row.stream) ?? '' };
    const hash = eventHash(row.stream, BigInt(row.revision), row.type, JSON.parse(row.data), base);
    lastHash.set(row.stream, hash);
    head = ledgerLink(head, { position: BigInt(row.position), streamName: row.stream, revision: BigInt(row.revision), eventHash: hash });
    db.prepare('UPDATE events SET metadata = ?, ledger = ? WHERE position = ?').run(JSON.stringify({ ...base, hash }), head, row.position);
  }
  for (const [stream, hash] of lastHash) db.prepare('UPDATE streams SET last_hash = ? WHERE stream = ?').run(hash, stream);
}

test('the untouched copy is intact (exit 0), with every event and checkpoint checked', async () => {
  const { code, report, stderr } = await verify(tamperedCopy(() => {}));
  assert.is(code, 0);
  assert.is(report.intact, true);
  assert.is(report.events, 20);
  assert.match(stderr, /20\/20 events/);
});

test('edited data: the event itself no longer matches its hash', async () => {
  await expectBreak(tamperedCopy((db) => db.prepare("UPDATE events SET data = json_set(data, '$.n', 999) WHERE position = 7").run()), 'stream_chain', { position: '7', stream: 'company-c', revision: '1' });
});

test('edited data with every hash and ledger link recomputed without the key: the next signed checkpoint disagrees', async () => {
  const dir = tamperedCopy((db) => {
    db.prepare("UPDATE events SET data = json_set(data, '$.n', 999) WHERE position = 7").run();
    recomputeEverything(db);
  });
  await expectBreak(dir, 'checkpoint_mismatch', { position: '10' });
});

test('a deleted middle event: the ledger link of the next event breaks', async () => {
  await expectBreak(tamperedCopy((db) => db.prepare('DELETE FROM events WHERE position = 7').run()), 'ledger_mismatch', { position: '8' });
});

test("a deleted last event of a stream (which the per-stream chain cannot see)", async () => {
  const dir = tamperedCopy((db) => {
    assert.is(rowAt(db, 6).stream, 'short-b');
    db.prepare('DELETE FROM events WHERE position = 6').run();
    db.prepare("UPDATE streams SET revision = 0, last_hash = (SELECT json_extract(metadata, '$.hash') FROM events WHERE position = 2) WHERE stream = 'short-b'").run();
  });
  await expectBreak(dir, 'ledger_mismatch', { position: '7' });
});

test('a truncated log: the last signed checkpoint reaches further', async () => {
  await expectBreak(tamperedCopy((db) => db.prepare('DELETE FROM events WHERE position > 17').run()), 'truncated', { position: '20' });
});

test('two events swapped in the log order', async () => {
  const dir = tamperedCopy((db) => {
    const [a, b] = [rowAt(db, 7), rowAt(db, 8)];
    const put = db.prepare('UPDATE events SET stream = ?, revision = ?, type = ?, data = ?, metadata = ? WHERE position = ?');
    db.prepare('UPDATE events SET revision = -1 - revision WHERE position IN (7, 8)').run(); // step around UNIQUE(stream, revision)
    put.run(b.stream, b.revision, b.type, b.data, b.metadata, 7);
    put.run(a.stream, a.revision, a.type, a.data, a.metadata, 8);
  });
  await expectBreak(dir, 'ledger_mismatch', { position: '7' });
});

test('an inserted event (positions shifted to make room, its own hash and link well formed)', async () => {
  const dir = tamperedCopy((db) => {
    db.prepare('UPDATE events SET position = -position WHERE position > 10').run();
    db.prepare('UPDATE events SET position = 1 - position WHERE position < 0').run();
    const metadata = { eventId: 'forged', occurredAt: '2026-01-01T00:00:00.000Z', actor: 'test', correlationId: 'forged', causationId: null, schemaVersion: 1, prevHash: '' };
    const hash = eventHash('company-forged', 0n, 'Noted', { n: -1 }, metadata);
    const previous = db.prepare<[], { ledger: string }>('SELECT ledger FROM events WHERE position = 10').get()!.ledger;
    const link = ledgerLink(previous, { position: 11n, streamName: 'company-forged', revision: 0n, eventHash: hash });
    db.prepare('INSERT INTO events (position, stream, revision, type, data, metadata, occurred_at, ledger) VALUES (11, ?, 0, ?, ?, ?, ?, ?)').run('company-forged', 'Noted', JSON.stringify({ n: -1 }), JSON.stringify({ ...metadata, hash }), metadata.occurredAt, link);
  });
  await expectBreak(dir, 'ledger_mismatch', { position: '12' });
});

test('a forged checkpoint (its head changed) does not verify with the public key', async () => {
  const dir = tamperedCopy((_db, copy) => {
    const file = join(copy, CHECKPOINTS);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { ledgerHead: string };
    lines[lines.length - 1] = JSON.stringify({ ...last, ledgerHead: '0'.repeat(64) });
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
  await expectBreak(dir, 'checkpoint_signature', { position: '20' });
});

test('a truncated log with its checkpoints deleted too passes alone, but not against an exported copy', async () => {
  const exported = join(original, 'exported-checkpoints.jsonl');
  cpSync(join(original, CHECKPOINTS), exported);
  const dir = tamperedCopy((db, copy) => {
    db.prepare('DELETE FROM events WHERE position > 15').run();
    const file = join(copy, CHECKPOINTS);
    const kept = readFileSync(file, 'utf8').trim().split('\n').filter((line) => BigInt((JSON.parse(line) as { position: string }).position) <= 15n);
    writeFileSync(file, `${kept.join('\n')}\n`);
  });
  assert.is((await verify(dir)).code, 0, 'without a copy kept elsewhere, a consistent cut is undetectable (docs/tamper-evidence.md)');
  await expectBreak(dir, 'checkpoint_deleted', { position: '20' }, '--checkpoints', exported);
});

test.run();
