import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test } from 'uvu';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import { openEsdbEventStore } from '@sss/write-side/eventstore/esdb-event-store';
import { loadLedgerKeys } from '@sss/write-side/ledger/keys';
import { startLedgerSigner } from '@sss/write-side/ledger/signer';
import { startEsdbStandIn } from '../../src/servers/esdb-stand-in/esdb-stand-in.ts';
import { PUBLIC_KEY_FILE } from '../../src/main/ledger.ts';

/**
 * `EVENTSTORE_URL=… npm run verify` through the EventStoreDB stand-in: there is no stored ledger
 * link per event there, so the verifier computes the chain from `$all` and the signed checkpoints
 * carry the protection — an intact log passes, a cut-off end is caught.
 */
const ROOT = new URL('../../../', import.meta.url).pathname;

test('the verifier reads $all from EventStoreDB, and the signed checkpoints catch a deleted last event', async () => {
  const standInDir = mkdtempSync(join(tmpdir(), 'sss-verify-esdb-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-verify-esdb-data-'));
  const standIn = await startEsdbStandIn({ dataDir: standInDir, positionOffset: 1n << 40n, log: () => {} });
  try {
    const store = openEsdbEventStore(standIn.url);
    const keys = loadLedgerKeys(join(dataDir, 'ledger-key.pem'), { create: true });
    writeFileSync(join(dataDir, PUBLIC_KEY_FILE), keys.publicKeyPem);
    const signer = await startLedgerSigner({ events: store, keys, file: join(dataDir, 'ledger-checkpoints.jsonl'), every: 4, log: () => {} });
    for (let n = 0; n < 10; n++) await store.append(`company-${n % 3}`, [{ type: 'Noted', data: { n }, metadata: { actor: 'test', correlationId: 'c' } }], 'any');
    // The signer leads once it holds its lease (signer.ts): wait for its signature of the head, not a guessed time.
    await waitUntil('the signer to sign the head', async () => (await signer.signNow())?.count === '10', { timeoutMs: 30_000 });
    await signer.stop();
    await store.close();

    const verify = async () => {
      const { SSS_LEDGER_CHECKPOINT_FILE: _cf, ...env } = process.env;
      try {
        const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/src/ops/verify.ts', '--data-dir', dataDir, '--json'], { cwd: ROOT, env: { ...env, EVENTSTORE_URL: standIn.url } });
        return { code: 0, report: JSON.parse(stdout) as { intact: boolean; events: number; firstBreak: { kind: string } | null } };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        assert.is(failed.code, 1, failed.stderr);
        return { code: 1, report: JSON.parse(failed.stdout) as { intact: boolean; events: number; firstBreak: { kind: string } | null } };
      }
    };
    const intact = await verify();
    assert.is(intact.code, 0, JSON.stringify(intact.report));
    assert.is(intact.report.events, 10);

    // Someone with write access to the server's storage removes the newest event (not a metaevent: the
    // leased signer's fenced record, stream metadata, may be newer and is outside the ledger).
    const db = new Database(join(standInDir, 'esdb-stand-in.db'));
    db.prepare("DELETE FROM events WHERE position = (SELECT MAX(position) FROM events WHERE stream NOT LIKE '$$%')").run();
    db.close();
    const cut = await verify();
    assert.is(cut.code, 1);
    assert.is(cut.report.firstBreak?.kind, 'truncated');
  } finally {
    await standIn.stop();
  }
});

test.run();
