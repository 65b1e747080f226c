import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { readCheckpointFile } from '../../src/ledger/checkpoint-log.ts';
import { loadLedgerKeys } from '../../src/ledger/keys.ts';
import { LEDGER_SIGNER, startLedgerSigner } from '../../src/ledger/signer.ts';

/**
 * Issue #17: the ledger signer runs under a lease with a fencing token. Two write instances on one
 * SQLite file, each with its own checkpoint file: only the leader signs; once the lease passes to
 * the other (the leader paused), the deposed one's next signature is refused and its file gets no
 * new line, while the new leader signs. Before, every instance signed whatever it was asked to.
 */

test('one signer among two instances; a deposed signer signs nothing more', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sss-signer-fence-'));
  const path = join(dir, 'events.db');
  const keys = loadLedgerKeys(join(dir, 'key.pem'), { create: true });
  const [storeA, storeB] = [openSqliteEventStore(path), openSqliteEventStore(path)];
  const note = (i: number) => storeA.append('company-x', [{ type: 'Noted', data: { i }, metadata: { actor: 'test', correlationId: 'c' } }], 'any');
  for (let i = 0; i < 3; i++) await note(i);
  const [fileA, fileB] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
  const start = (events: typeof storeA, holder: string, file: string, ttlMs: number) => startLedgerSigner({ events, keys, file, every: 1_000, log: () => {}, lease: { holder, ttlMs, renewMs: Math.floor(ttlMs / 10) } });
  // A renews rarely, so it still believes it leads when B takes over: only the fence can stop it.
  const a = await start(storeA, 'A', fileA, 60_000);
  await waitUntil('A to lead, catch up and sign the head', () => readCheckpointFile(fileA).checkpoints.length === 1);
  const b = await start(storeB, 'B', fileB, 1_000);
  await waitUntil('A to lead the signer', async () => (await storeA.leases.holderOf(LEDGER_SIGNER))?.holder === 'A');
  await note(3);
  await waitUntil('A to sign the new head', async () => (await a.signNow())?.count === '4');
  assert.is(await b.signNow(), null, 'the follower signs nothing');
  assert.equal(readCheckpointFile(fileB).checkpoints, [], 'the follower wrote no checkpoint');

  // A pauses (a long GC, a frozen VM) and B takes the lease over with a greater token.
  storeB.db.prepare('UPDATE leases SET holder = ?, token = token + 1, expires_at = ? WHERE name = ?').run('B', Date.now() + 60_000, LEDGER_SIGNER);
  await waitUntil('B to lead, claim and sign', async () => (await b.signNow()) !== null);
  const signedByA = readCheckpointFile(fileA).checkpoints.length;
  await note(4);
  // A has not renewed since and still runs its signer: asked now, its signature is refused.
  const late = await a.signNow();
  assert.is(late, null, "the deposed signer's signature is refused");
  assert.is(readCheckpointFile(fileA).checkpoints.length, signedByA, 'and its file gets no new line');
  await waitUntil('the new leader to sign the head', async () => (await b.signNow())?.count === '5');
  await a.stop();
  await b.stop();
  assert.is(readCheckpointFile(fileA).checkpoints.length, signedByA, 'nor at stop');
  await storeA.close();
  await storeB.close();
});

test.run();
