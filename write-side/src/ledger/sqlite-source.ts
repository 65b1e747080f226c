import Database from 'better-sqlite3';
import type { EventMetadata } from '@sss/contracts/ports/event-store';
import type { ReadPage, VerifiableEvent } from './verify.ts';

/**
 * The embedded store as the verifier reads it: a read-only connection of its own (verifying never
 * writes, not even the ledger migration), with each row's stored ledger link.
 */
interface Row {
  position: bigint;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  ledger?: string | null;
}

export interface SqliteLedgerSource {
  readonly readPage: ReadPage;
  readonly count: () => number;
  close(): void;
}

export function openSqliteLedgerSource(path: string): SqliteLedgerSource {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.defaultSafeIntegers(true);
  const select = db.prepare<[bigint, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?');
  const countRows = db.prepare<[], { n: bigint }>('SELECT COUNT(*) AS n FROM events');
  return {
    readPage: async (after, maxCount) =>
      select.all(after, maxCount).map((row): VerifiableEvent => {
        let data: unknown;
        let metadata: EventMetadata;
        try {
          data = JSON.parse(row.data);
          metadata = JSON.parse(row.metadata) as EventMetadata;
        } catch {
          // Unparseable content is content that no longer hashes: let the chain check report it.
          data = row.data;
          metadata = { eventId: '', occurredAt: '', actor: '', correlationId: '', causationId: null, schemaVersion: 0, prevHash: '', hash: '' };
        }
        return {
          streamName: row.stream, revision: BigInt(row.revision), position: BigInt(row.position), type: row.type, data, metadata,
          ...('ledger' in row ? { storedLedger: row.ledger ?? null } : {}),
        };
      }),
    count: () => Number(countRows.get()!.n),
    close: () => db.close(),
  };
}
