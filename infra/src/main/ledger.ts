import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { loadLedgerKeys } from '@sss/write-side/ledger/keys';
import { startLedgerSigner, type LedgerSigner } from '@sss/write-side/ledger/signer';
import { ledgerAudit, type LedgerAudit } from '@sss/write-side/ledger/ledger-audit';
import { openSqliteLedgerSource } from '@sss/write-side/ledger/sqlite-source';
import type { Settings } from './config.ts';

/** The public key beside the data, for `npm run verify` on this machine; auditors keep their own copy. */
export const PUBLIC_KEY_FILE = 'ledger-public-key.pem';

export interface RunningLedger {
  readonly audit: LedgerAudit;
  readonly signer: LedgerSigner;
  stop(): Promise<void>;
}

/** The checkpoint signer and the 監査 verifications, wired to whichever event store runs. */
export async function startLedger(settings: Settings, events: EventStore, log: (message: string, error?: unknown) => void, clock?: () => Date): Promise<RunningLedger> {
  const keys = loadLedgerKeys(settings.ledger.keyFile, { create: settings.ledger.createKey });
  writeFileSync(join(settings.dataDir, PUBLIC_KEY_FILE), keys.publicKeyPem, { mode: 0o600 });
  const signer = await startLedgerSigner({ events, keys, file: settings.ledger.checkpointFile, every: settings.ledger.checkpointEvery, log, ...(clock ? { clock } : {}) });
  // The embedded file is read directly (adapters.ts names it) so the stored ledger links are checked too.
  const sqliteFile = settings.eventStoreUrl ? null : join(settings.dataDir, 'events.db');
  const audit = ledgerAudit({
    events,
    keys,
    checkpointFile: settings.ledger.checkpointFile,
    openSource: () => (sqliteFile ? openSqliteLedgerSource(sqliteFile) : { readPage: (after, maxCount) => events.readAll({ after, maxCount }), close: () => {} }),
    checkpointNow: () => signer.signNow(),
    log,
    ...(clock ? { clock } : {}),
  });
  return {
    audit,
    signer,
    async stop() {
      await audit.idle();
      await signer.stop();
    },
  };
}
