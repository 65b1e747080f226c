import type { Change, Doc, EventTime, Moment } from '@sss/contracts/ports/read-store';
import type { ChangedDoc, VersionReader } from './as-of-view.ts';

/**
 * The embedded read store's history, in its SQLite file and never in memory (a million events
 * make millions of versions): every change the projector stamps with its event position becomes a
 * version valid from that position until the next one of the same document, and the recorded
 * time of events becomes a small time index. Written in the same transaction as the documents.
 */

export interface SqliteVersions extends VersionReader {
  /** Versions valid from this position on (see AsOfView.historyFrom). */
  readonly historyFrom: bigint;
  /** Record one change as a version; `before` is the live document ahead of the whole apply. */
  record(change: Change & { at: bigint }, before: Doc | null): void;
  recordTimes(times: readonly EventTime[]): void;
  /** Inside the apply transaction, after the versions are written. */
  bump(): void;
  /** A dropped collection's versions go with it (docs/rebuilds.md). */
  forget(collection: string): void;
  resolve(moment: Moment): { position: bigint; time: string | null };
}

/** What this file needs of the SQLite connection (better-sqlite3's stays in embedded-read-store.ts). */
interface Statement<P extends unknown[], R> {
  run(...params: P): { changes: number };
  get(...params: P): R | undefined;
  all(...params: P): R[];
  iterate(...params: P): IterableIterator<R>;
}
export interface SqliteConnection {
  exec(sql: string): unknown;
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): Statement<P, R>;
}

interface VersionRow {
  id: string;
  valid_from: number;
  valid_to: number | null;
  doc: string | null;
}

/**
 * How many (collection, position) answers of `thenSince` are kept. Each holds the past states of
 * the documents changed since its position, parsed: an auditor pages through one moment, so the
 * next page and the count reuse them, and the memory stays bounded (docs/as-of.md).
 */
const THEN_CACHE_ENTRIES = 4;

interface ThenEntry {
  readonly collection: string;
  readonly position: bigint;
  readonly then: Map<string, Doc | null>;
  /** The last version row (rowid) already looked at: later rows may add documents changed since. */
  seen: number;
}

const parse = (doc: string | null): Doc | null => (doc === null ? null : (JSON.parse(doc) as Doc));

export function sqliteVersions(db: SqliteConnection): SqliteVersions {
  const fresh = !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'versions'").get();
  db.exec(`
    CREATE TABLE IF NOT EXISTS versions (collection TEXT NOT NULL, id TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER, doc TEXT, PRIMARY KEY (collection, id, valid_from));
    CREATE INDEX IF NOT EXISTS versions_by_from ON versions (collection, valid_from);
    CREATE TABLE IF NOT EXISTS event_times (position INTEGER PRIMARY KEY, time TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS event_times_by_time ON event_times (time, position);
    CREATE TABLE IF NOT EXISTS history (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `);
  if (fresh) {
    // A data directory from before versions were kept: its history starts at what was projected.
    const documents = db.prepare('SELECT 1 FROM docs LIMIT 1').get();
    const reached = db.prepare<[], { position: string }>('SELECT position FROM checkpoints').all().reduce((max, row) => (BigInt(row.position) > max ? BigInt(row.position) : max), 0n);
    db.prepare("INSERT OR IGNORE INTO history (key, value) VALUES ('from', ?)").run((documents ? reached : 0n).toString());
  }
  const historyFrom = BigInt(db.prepare<[], { value: string }>("SELECT value FROM history WHERE key = 'from'").get()?.value ?? '0');

  const close = db.prepare('UPDATE versions SET valid_to = ? WHERE collection = ? AND id = ? AND valid_to IS NULL AND valid_from < ?');
  const insert = db.prepare('INSERT OR REPLACE INTO versions (collection, id, valid_from, valid_to, doc) VALUES (?, ?, ?, ?, ?)');
  const forgetCollection = db.prepare('DELETE FROM versions WHERE collection = ?');
  const insertTime = db.prepare('INSERT OR IGNORE INTO event_times (position, time) VALUES (?, ?)');
  const changed = db.prepare<[{ collection: string; position: bigint }], VersionRow>(`
    SELECT id, valid_from, valid_to, doc FROM versions
    WHERE collection = @collection AND id IN (SELECT id FROM versions WHERE collection = @collection AND valid_from > @position)
      AND (valid_to IS NULL OR (valid_from <= @position AND valid_to > @position))`);
  const latestAt = db.prepare<[string, string, bigint], { doc: string | null; valid_to: number | null }>('SELECT doc, valid_to FROM versions WHERE collection = ? AND id = ? AND valid_from <= ? ORDER BY valid_from DESC LIMIT 1');
  const anyAfter = db.prepare<[string, string, bigint], { one: number }>('SELECT 1 AS one FROM versions WHERE collection = ? AND id = ? AND valid_from > ? LIMIT 1');
  // Rowids only grow (versions are deleted only with a dropped collection, which empties the cache), so "rows after the last one seen" is every version recorded since.
  const lastRow = db.prepare<[], { row: number | null }>('SELECT MAX(rowid) AS row FROM versions');
  const changedIds = db.prepare<[{ collection: string; position: bigint }], { id: string }>('SELECT DISTINCT id FROM versions WHERE collection = @collection AND valid_from > @position');
  // `+` keeps SQLite off the (collection, valid_from) index: only the few rows after `seen` are read.
  const changedIdsAfter = db.prepare<[{ collection: string; position: bigint; seen: number }], { id: string }>(
    'SELECT DISTINCT id FROM versions WHERE rowid > @seen AND +collection = @collection AND +valid_from > @position',
  );
  const positionAt = db.prepare<[string], { position: number | null }>('SELECT MAX(position) AS position FROM event_times WHERE time <= ?');
  const timeOf = db.prepare<[bigint], { time: string }>('SELECT time FROM event_times WHERE position >= ? ORDER BY position LIMIT 1');
  const latest = db.prepare<[], { position: number; time: string }>('SELECT position, time FROM event_times ORDER BY position DESC LIMIT 1');

  let generation = 0;
  const thenCache: ThenEntry[] = [];
  return {
    historyFrom,
    record(change, before) {
      const id = change.op === 'put' ? change.doc._id : change.id;
      // A version at or before a cached position (a rebuild re-projecting) may change what was then.
      for (let i = thenCache.length - 1; i >= 0; i--) if (thenCache[i]!.collection === change.collection && thenCache[i]!.position >= change.at) thenCache.splice(i, 1);
      const closed = close.run(change.at, change.collection, id, change.at).changes;
      // The first change to a document older than the history: keep what it was as its first version.
      if (closed === 0 && before && historyFrom > 0n) {
        const from = typeof before._pos === 'string' ? BigInt(before._pos) : 0n;
        if (from < change.at) insert.run(change.collection, id, from, change.at, JSON.stringify(before));
      }
      insert.run(change.collection, id, change.at, null, change.op === 'put' ? JSON.stringify(change.doc) : null);
    },
    recordTimes(times) {
      for (const t of times) insertTime.run(t.position, t.time);
    },
    bump() {
      generation += 1;
    },
    forget(collection) {
      forgetCollection.run(collection);
      // Deleted rows may free rowids that later versions reuse, so no cached mark of rows seen still holds.
      thenCache.length = 0;
      generation += 1;
    },
    generation: () => generation,
    async changedSince(collection, position) {
      const docs = new Map<string, { then: Doc | null; now: Doc | null }>();
      for (const row of changed.iterate({ collection, position })) {
        let entry = docs.get(row.id);
        if (!entry) docs.set(row.id, (entry = { then: null, now: null }));
        if (row.valid_to === null) entry.now = parse(row.doc);
        if (BigInt(row.valid_from) <= position) entry.then = parse(row.doc);
      }
      return docs as Map<string, ChangedDoc>;
    },
    async thenSince(collection, position) {
      let entry = thenCache.find((e) => e.collection === collection && e.position === position);
      if (entry) thenCache.splice(thenCache.indexOf(entry), 1);
      else entry = { collection, position, then: new Map(), seen: 0 };
      thenCache.push(entry);
      if (thenCache.length > THEN_CACHE_ENTRIES) thenCache.shift();
      // Synchronous from here to the end: no apply lands between reading the rows and the mark.
      const seen = lastRow.get()?.row ?? 0;
      const ids = entry.seen === 0 ? changedIds.all({ collection, position }) : changedIdsAfter.all({ collection, position, seen: entry.seen });
      for (const { id } of ids) {
        if (entry.then.has(id)) continue;
        const row = latestAt.get(collection, id, position);
        entry.then.set(id, row ? parse(row.doc) : null);
      }
      entry.seen = seen;
      return entry.then;
    },
    async docAt(collection, id, position) {
      if (!anyAfter.get(collection, id, position)) return undefined;
      const row = latestAt.get(collection, id, position);
      return row ? parse(row.doc) : null;
    },
    resolve(moment) {
      const head = latest.get();
      if ('position' in moment) {
        const position = head && moment.position > BigInt(head.position) ? BigInt(head.position) : moment.position;
        return { position, time: timeOf.get(position)?.time ?? null };
      }
      const position = positionAt.get(moment.time)?.position;
      return { position: position === null || position === undefined ? 0n : BigInt(position), time: moment.time };
    },
  };
}
