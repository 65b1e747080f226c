import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import { stampEvents } from '../../src/eventstore/metadata.ts';
import { LEDGER_GENESIS, ledgerHead, ledgerLink } from '../../src/ledger/chain.ts';
import { checkpointSignatureValid, keyIdOf, signCheckpoint } from '../../src/ledger/checkpoint.ts';
import { readCheckpointFile } from '../../src/ledger/checkpoint-log.ts';
import { loadLedgerKeys } from '../../src/ledger/keys.ts';
import { verifyLedger, type VerifiableEvent } from '../../src/ledger/verify.ts';

/** The ledger chain, checkpoint signatures and the verifier on events held in memory. */

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const keyId = keyIdOf(publicKey);

/** `n` events over three streams, stamped as an adapter would, positions 1..n. */
function log(n: number): RecordedEvent[] {
  const lastHash = new Map<string, string>();
  const revisions = new Map<string, bigint>();
  return Array.from({ length: n }, (_, i) => {
    const stream = `company-${i % 3}`;
    const revision = revisions.get(stream) ?? 0n;
    const [stamped] = stampEvents(stream, revision, lastHash.get(stream) ?? '', [{ type: 'Noted', data: { i }, metadata: { actor: 'test', correlationId: 'c' } }]);
    lastHash.set(stream, stamped!.metadata.hash);
    revisions.set(stream, revision + 1n);
    return { streamName: stream, revision, position: BigInt(i + 1), ...stamped! };
  });
}

const headOf = (events: readonly RecordedEvent[]) => ledgerHead(events.map((e) => ({ position: e.position, streamName: e.streamName, revision: e.revision, eventHash: e.metadata.hash })));
const checkpointAt = (events: readonly RecordedEvent[], count: number) =>
  signCheckpoint({ position: events[count - 1]!.position.toString(), count: String(count), ledgerHead: headOf(events.slice(0, count)), signedAt: '2026-01-01T00:00:00.000Z', keyId }, privateKey);
const pages = (events: readonly VerifiableEvent[]) => async (after: bigint, max: number) => events.filter((e) => e.position > after).slice(0, max);

test('a link covers the previous head, the position, the stream, the revision and the event hash', () => {
  const entry = { position: 1n, streamName: 's-1', revision: 0n, eventHash: 'h' };
  const link = ledgerLink(LEDGER_GENESIS, entry);
  assert.is(link, ledgerLink('', { ...entry }));
  for (const changed of [{ ...entry, position: 2n }, { ...entry, streamName: 's-2' }, { ...entry, revision: 1n }, { ...entry, eventHash: 'g' }]) assert.is.not(ledgerLink('', changed), link);
  assert.is.not(ledgerLink('x', entry), link);
  // No field can bleed into its neighbour.
  assert.is.not(ledgerLink('', { ...entry, streamName: 's-1', eventHash: '0h' }), ledgerLink('', { ...entry, streamName: 's-10', eventHash: 'h' }));
});

test('checkpoint signatures verify with the key that made them, and not once anything changes', () => {
  const events = log(4);
  const checkpoint = checkpointAt(events, 4);
  assert.ok(checkpointSignatureValid(checkpoint, publicKey));
  assert.not.ok(checkpointSignatureValid({ ...checkpoint, count: '5' }, publicKey));
  assert.not.ok(checkpointSignatureValid(checkpoint, generateKeyPairSync('ed25519').publicKey));
});

test('an intact log verifies, page by page, with progress', async () => {
  const events = log(25);
  const progress: number[] = [];
  const report = await verifyLedger({ readPage: pages(events), checkpoints: [checkpointAt(events, 10), checkpointAt(events, 25)], publicKey, pageSize: 7, onProgress: (p) => progress.push(p.events) });
  assert.equal(report.firstBreak, null);
  assert.is(report.events, 25);
  assert.is(report.streams, 3);
  assert.is(report.checkpointsChecked, 2);
  assert.equal(progress, [7, 14, 21, 25]);
});

test('a deleted last event of the whole log is a truncation once a checkpoint covers it', async () => {
  const events = log(10);
  const report = await verifyLedger({ readPage: pages(events.slice(0, 9)), checkpoints: [checkpointAt(events, 10)], publicKey });
  assert.is(report.firstBreak?.kind, 'truncated');
  assert.is(report.firstBreak?.position, '10');
});

test('a checkpoint position that no longer holds an event is a break at the next event', async () => {
  const events = log(10);
  const report = await verifyLedger({ readPage: pages(events.filter((e) => e.position !== 5n)), checkpoints: [checkpointAt(events, 5)], publicKey });
  assert.is(report.firstBreak?.kind, 'checkpoint_mismatch');
  assert.is(report.firstBreak?.position, '6');
});

test('a stream whose revision skips is a break at that event', async () => {
  const events = log(9);
  const report = await verifyLedger({ readPage: pages(events.filter((e) => e.position !== 4n)), checkpoints: [], publicKey });
  assert.is(report.firstBreak?.kind, 'stream_chain');
  assert.is(report.firstBreak?.position, '7');
  assert.is(report.firstBreak?.revision, '2');
});

test('damaged lines of the checkpoint file are reported', async () => {
  const report = await verifyLedger({ readPage: pages(log(3)), checkpoints: [], damagedCheckpointLines: [2], publicKey });
  assert.is(report.firstBreak?.kind, 'checkpoint_signature');
});

test('the key file is created owner-only once and read back the same', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sss-ledger-key-')), 'key.pem');
  assert.throws(() => loadLedgerKeys(file, { create: false }));
  const first = loadLedgerKeys(file, { create: true });
  assert.is(loadLedgerKeys(file, { create: true }).fingerprint, first.fingerprint);
  assert.match(first.fingerprint, /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
});

test('an export (JSON with a checkpoints array) and a one-line JSONL both read back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sss-ledger-cp-'));
  const checkpoint = checkpointAt(log(2), 2);
  writeFileSync(join(dir, 'a.json'), JSON.stringify({ keyId, fingerprint: 'x', checkpoints: [checkpoint] }));
  writeFileSync(join(dir, 'b.jsonl'), `${JSON.stringify(checkpoint)}\n`);
  assert.equal(readCheckpointFile(join(dir, 'a.json')).checkpoints, [checkpoint]);
  assert.equal(readCheckpointFile(join(dir, 'b.jsonl')).checkpoints, [checkpoint]);
});

test.run();
