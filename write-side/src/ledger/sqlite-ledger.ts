import type Database from 'better-sqlite3';
import { LEDGER_GENESIS, ledgerLink } from './chain.ts';

/**
 * The ledger chain inside the embedded store: each row carries its link (column `ledger`), computed
 * in the append transaction. Files written before the column existed get it on open, and so does
 * any row left without one (a benchmark's raw insert).
 */

const FILL_PAGE = 1000;

interface FillRow {
  position: bigint;
  stream: string;
  revision: bigint;
  metadata: string;
}

export function addLedgerColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
  if (!columns.some((c) => c.name === 'ledger')) db.exec('ALTER TABLE events ADD COLUMN ledger TEXT');
  const firstMissing = db.prepare<[], { position: bigint | null }>('SELECT MIN(position) AS position FROM events WHERE ledger IS NULL').get()?.position;
  if (firstMissing === null || firstMissing === undefined) return;
  db.transaction(() => {
    const before = db.prepare<[bigint], { ledger: string | null }>('SELECT ledger FROM events WHERE position < ? ORDER BY position DESC LIMIT 1').get(BigInt(firstMissing));
    let head = before?.ledger ?? LEDGER_GENESIS;
    let after = BigInt(firstMissing) - 1n;
    const page = db.prepare<[bigint, number], FillRow>('SELECT position, stream, revision, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?');
    const update = db.prepare('UPDATE events SET ledger = ? WHERE position = ?');
    for (;;) {
      const rows = page.all(after, FILL_PAGE);
      for (const row of rows) {
        const hash = (JSON.parse(row.metadata) as { hash: string }).hash;
        head = ledgerLink(head, { position: BigInt(row.position), streamName: row.stream, revision: BigInt(row.revision), eventHash: hash });
        update.run(head, row.position);
        after = BigInt(row.position);
      }
      if (rows.length < FILL_PAGE) break;
    }
  }).immediate();
}

/**
 * Positions and links for the next events; call inside the append transaction. Positions are chosen
 * here (as AUTOINCREMENT would choose them) because each link covers its own position.
 */
export function ledgerAppender(db: Database.Database): { next(streamName: string, firstRevision: bigint, hashes: readonly string[]): { position: bigint; ledger: string }[] } {
  const selectSeq = db.prepare<[], { seq: bigint }>("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
  const selectLast = db.prepare<[], { position: bigint; ledger: string | null }>('SELECT position, ledger FROM events ORDER BY position DESC LIMIT 1');
  return {
    next(streamName, firstRevision, hashes) {
      const current = selectLast.get();
      const seq = selectSeq.get()?.seq;
      const last = [seq, current?.position].reduce<bigint>((max, v) => (v !== undefined && BigInt(v) > max ? BigInt(v) : max), 0n);
      let head = current?.ledger ?? LEDGER_GENESIS;
      return hashes.map((eventHash, index) => {
        const position = last + 1n + BigInt(index);
        head = ledgerLink(head, { position, streamName, revision: firstRevision + BigInt(index), eventHash });
        return { position, ledger: head };
      });
    },
  };
}
