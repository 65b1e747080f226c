import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RevisionConflictError, type ExpectedRevision } from '@sss/contracts/ports/event-store';
import { newEvents } from '../../src/eventstore/conformance.ts';
import { verifyChain } from '../../src/eventstore/metadata.ts';
import { openSqliteEventStore, type SqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';

const open = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-group-')), 'events.db'));

/**
 * 64 appends: 44 to streams of their own, 20 to one shared stream — 16 with the exact expected
 * revision, and among them four that must be refused (a stale revision, no_stream on an existing
 * stream) or must pass anyway ('any', 'stream_exists'). Interleaved so one batch mixes them all.
 */
function requests(): { stream: string; expected: ExpectedRevision; n: number }[] {
  const list: { stream: string; expected: ExpectedRevision; n: number }[] = [];
  let shared = -1n;
  for (let i = 0; i < 64; i += 1) {
    if (i % 3 !== 0 || i >= 60) {
      list.push({ stream: `own-${i}`, expected: 'no_stream', n: i });
      continue;
    }
    const k = i / 3;
    if (k === 5) list.push({ stream: 'shared', expected: 'no_stream', n: i });
    else if (k === 9) list.push({ stream: 'shared', expected: 1n, n: i });
    else if (k === 12) list.push({ stream: 'shared', expected: 'any', n: i });
    else if (k === 15) list.push({ stream: 'shared', expected: 'stream_exists', n: i });
    else {
      list.push({ stream: 'shared', expected: shared < 0n ? 'no_stream' : shared, n: i });
      shared += 1n;
      continue;
    }
    // 'any' and 'stream_exists' append too, so the next exact revision moves past them.
    if (k === 12 || k === 15) shared += 1n;
  }
  return list;
}

type Seen = { ok: { revision: bigint; position: bigint } } | { conflict: string };

const outcome = async (promise: Promise<{ nextExpectedRevision: bigint; position: bigint }>): Promise<Seen> => {
  try {
    const result = await promise;
    return { ok: { revision: result.nextExpectedRevision, position: result.position } };
  } catch (error) {
    if (error instanceof RevisionConflictError) return { conflict: error.message };
    throw error;
  }
};

const contents = async (store: SqliteEventStore) =>
  (await store.readAll({ maxCount: 1_000 })).map((e) => ({ stream: e.streamName, revision: e.revision, position: e.position, type: e.type, data: e.data }));

const walFrames = (store: SqliteEventStore): number => {
  const [row] = store.db.pragma('wal_checkpoint(PASSIVE)') as { log: bigint | number }[];
  return Number(row!.log);
};

test('64 concurrent appends (own streams and one shared stream with expected revisions) end exactly as serial appends do', async () => {
  const serial = open();
  const serialOutcomes: Seen[] = [];
  for (const r of requests()) serialOutcomes.push(await outcome(serial.append(r.stream, newEvents(1, 'Tested', { n: r.n }), r.expected)));

  const grouped = open();
  const groupedOutcomes = await Promise.all(requests().map((r) => outcome(grouped.append(r.stream, newEvents(1, 'Tested', { n: r.n }), r.expected))));

  assert.equal(groupedOutcomes, serialOutcomes);
  const conflicts = groupedOutcomes.filter((o) => 'conflict' in o).length;
  assert.is(conflicts, 2, 'the stale revision and the no_stream on the shared stream are refused, alone');
  assert.equal(await contents(grouped), await contents(serial));
  assert.equal(verifyChain(await grouped.readStream('shared')), { valid: true });
  await serial.close();
  await grouped.close();
});

test('concurrent appends share one transaction: the WAL holds a few frames, not a commit per append', async () => {
  const serial = open();
  for (const r of requests()) await outcome(serial.append(r.stream, newEvents(1, 'Tested', { n: r.n }), r.expected));
  const grouped = open();
  await Promise.all(requests().map((r) => outcome(grouped.append(r.stream, newEvents(1, 'Tested', { n: r.n }), r.expected))));
  const serialFrames = walFrames(serial);
  const groupedFrames = walFrames(grouped);
  assert.ok(serialFrames >= 64, `serial appends commit one by one (${serialFrames} frames)`);
  assert.ok(groupedFrames * 4 < serialFrames, `grouped: ${groupedFrames} frames, serial: ${serialFrames}`);
  await serial.close();
  await grouped.close();
});

test('an append submitted just before close is written and acknowledged', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'sss-group-close-')), 'events.db');
  const store = openSqliteEventStore(path);
  const pending = store.append('late', newEvents(2), 'no_stream');
  await store.close();
  assert.is((await pending).nextExpectedRevision, 1n);
  const reopened = openSqliteEventStore(path);
  assert.is((await reopened.readStream('late')).length, 2);
  await reopened.close();
});

test.run();
