import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { keyFingerprint } from '@sss/write-side/ledger/checkpoint';
import { readCheckpointFile } from '@sss/write-side/ledger/checkpoint-log';
import { loadPublicKey } from '@sss/write-side/ledger/keys';
import { openSqliteLedgerSource } from '@sss/write-side/ledger/sqlite-source';
import { verifyLedger, type ReadPage, type VerificationReport } from '@sss/write-side/ledger/verify';
import { PUBLIC_KEY_FILE } from '../main/ledger.ts';

/**
 * `npm run verify -- --data-dir <dir>` (or with EVENTSTORE_URL set): verifies the whole store end
 * to end — every stream's chain, the ledger chain and every signed checkpoint — and exits 0 when
 * intact, 1 naming the first break, 2 when it could not verify at all. It only reads: run it on a
 * backup or a copy as well as on the live data dir.
 */
const USAGE = `usage: npm run verify -- [--data-dir <dir>] [--checkpoints <exported file>] [--public-key <pem>] [--fingerprint <hex>] [--json]
  --data-dir      the SSS data dir (default: SSS_DATA_DIR or ./data); EVENTSTORE_URL set: the log is read from EventStoreDB
  --checkpoints   an auditor's exported copy of the signed checkpoints, checked against those of the data dir
  --public-key    the signing key's public half (default: SSS_LEDGER_PUBLIC_KEY or <data-dir>/${PUBLIC_KEY_FILE})
  --fingerprint   refuse unless the public key has this fingerprint (compare it with the one you wrote down)
  --json          print the report as JSON on stdout`;

function progressBar(total: number | null): { update(events: number): void; done(): void } {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let seen = 0;
  const draw = (events: number) => {
    const rate = Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
    const share = total ? Math.min(events / total, 1) : null;
    const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.floor(share * 100)}% `;
    process.stderr.write(`${tty ? '\r' : ''}${bar}${events}${total ? `/${total}` : ''} events, ${rate}/s${tty ? '' : '\n'}`);
  };
  return {
    update(events) {
      seen = events;
      // A pipe gets a line every few seconds rather than a line per page.
      if (Date.now() - lastDraw < (tty ? 100 : 2000)) return;
      lastDraw = Date.now();
      draw(events);
    },
    done() {
      draw(seen);
      if (tty) process.stderr.write('\n');
    },
  };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, checkpoints: { type: 'string' }, 'public-key': { type: 'string' }, fingerprint: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.SSS_DATA_DIR ?? './data');
  const keyFile = values['public-key'] ?? process.env.SSS_LEDGER_PUBLIC_KEY ?? join(dataDir, PUBLIC_KEY_FILE);
  if (!existsSync(keyFile)) throw new Error(`no public key at ${keyFile}: pass --public-key`);
  const publicKey = loadPublicKey(keyFile);
  const fingerprint = keyFingerprint(publicKey);
  if (values.fingerprint && values.fingerprint.replaceAll(':', '').toLowerCase() !== fingerprint.replaceAll(':', '')) {
    throw new Error(`the public key ${keyFile} has fingerprint ${fingerprint}, not the expected ${values.fingerprint}`);
  }
  const stored = readCheckpointFile(process.env.SSS_LEDGER_CHECKPOINT_FILE || join(dataDir, 'ledger-checkpoints.jsonl'));
  const exported = values.checkpoints ? readCheckpointFile(resolve(values.checkpoints)) : null;

  let readPage: ReadPage;
  let total: number | null = null;
  let close: () => Promise<void>;
  const eventStoreUrl = process.env.EVENTSTORE_URL;
  if (eventStoreUrl) {
    const { openEsdbEventStore } = await import('@sss/write-side/eventstore/esdb-event-store');
    const store = openEsdbEventStore(eventStoreUrl);
    readPage = (after, maxCount) => store.readAll({ after, maxCount });
    close = () => store.close();
  } else {
    const file = join(dataDir, 'events.db');
    if (!existsSync(file)) throw new Error(`no event store at ${file}`);
    const source = openSqliteLedgerSource(file);
    readPage = source.readPage;
    total = source.count();
    close = async () => source.close();
  }

  const bar = progressBar(total);
  let report: VerificationReport;
  try {
    report = await verifyLedger({
      readPage,
      checkpoints: stored.checkpoints,
      damagedCheckpointLines: stored.badLines,
      ...(exported ? { exported: [...exported.checkpoints] } : {}),
      publicKey,
      onProgress: (p) => bar.update(p.events),
    });
  } finally {
    bar.done();
    await close();
  }

  if (values.json) console.log(JSON.stringify({ ...report, fingerprint }, null, 2));
  else {
    console.log(`key ${fingerprint}`);
    console.log(`${report.events} events in ${report.streams} streams, last position ${report.lastPosition}, ledger head ${report.ledgerHead || '(empty)'}`);
    console.log(report.lastCheckpoint ? `${report.checkpointsChecked} signed checkpoints held; the last signed at ${report.lastCheckpoint.signedAt} covers ${report.lastCheckpoint.count} events` : 'no signed checkpoint: a rewrite with recomputed hashes, or a cut-off end of the log, cannot be detected');
    const b = report.firstBreak;
    console.log(b ? `BROKEN — first break: ${b.kind} at stream ${b.stream ?? '-'}, revision ${b.revision ?? '-'}, position ${b.position ?? '-'}: ${b.detail}` : 'intact');
  }
  return report.intact ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`verify: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
  }
}
