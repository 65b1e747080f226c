import type { Change, Doc, EventTime, Filter, Moment } from '@sss/contracts/ports/read-store';
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
  /** Record one change as a version; `before` reads the live document ahead of the whole apply (only when needed). */
  record(change: Change & { at: bigint }, before: () => Doc | null): void;
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
 * How many (collection, position) answers of `thenSince` are kept, and how many parsed past states
 * they may hold together. An auditor pages through one moment, so the next page and the count
 * reuse them; past the budget the oldest moments go first (the one being asked always stays), so
 * a moment far back on a million-event store cannot hold the process's memory (docs/as-of.md).
 */
const THEN_CACHE_ENTRIES = 4;
const THEN_CACHE_DOCS = 20_000;

interface ThenEntry {
  readonly collection: string;
  readonly position: bigint;
  /** Every document changed since the position. */
  readonly ids: Set<string>;
  /** Per SQL prefilter (see `prefilterOf`): the past states it let through, parsed. */
  readonly then: Map<string, Map<string, Doc | null>>;
  /** The last version row (rowid) already looked at: later rows may add documents changed since. */
  seen: number;
}

const parsedIn = (entry: ThenEntry) => [...entry.then.values()].reduce((n, docs) => n + docs.size, 0);

/**
 * What SQLite can check of a filter before a past state is parsed: equalities of a top-level field
 * with a string or a number (top level or in `$and`s). MongoDB equality also matches an array
 * holding the value, so arrays pass the prefilter and the full filter decides. The live documents'
 * scans in embedded-read-store.ts use it too (`column` names the JSON text).
 */
export function prefilterOf(filter: Filter, column = 'v.doc'): { readonly key: string; readonly sql: string; readonly params: readonly (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const visit = (f: Filter) => {
    for (const [path, value] of Object.entries(f)) {
      if (path === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object' && !Array.isArray(part)) visit(part as Filter);
        continue;
      }
      const wanted = value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && '$eq' in value ? (value as { $eq: unknown }).$eq : value;
      if (path.startsWith('$') || path.includes('.') || path.includes('"') || !(typeof wanted === 'string' || (typeof wanted === 'number' && Number.isFinite(wanted)))) continue;
      const at = `'$."${path.replaceAll("'", "''")}"'`;
      clauses.push(`(json_extract(${column}, ${at}) = ? OR json_type(${column}, ${at}) = 'array')`);
      params.push(wanted);
    }
  };
  visit(filter);
  return { key: JSON.stringify([clauses, params]), sql: clauses.map((c) => ` AND ${c}`).join(''), params };
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
  /** The past states at a position of the given documents (a JSON array of ids) that pass a prefilter; absent ones are no rows. */
  const statements = new Map<string, Statement<unknown[], { id: string; doc: string | null }>>();
  const pastStates = (prefilter: string) => {
    let statement = statements.get(prefilter);
    if (!statement) {
      statement = db.prepare<unknown[], { id: string; doc: string | null }>(
        // The latest version at or before the position (as docAt reads it), for each id; a re-projection may leave it open.
        // CROSS JOIN keeps the ids first: SQLite otherwise walks every version of the collection.
        `SELECT v.id AS id, v.doc AS doc FROM json_each(?) AS ids CROSS JOIN versions AS v ON v.collection = ? AND v.id = ids.value
         AND v.valid_from = (SELECT MAX(earlier.valid_from) FROM versions AS earlier WHERE earlier.collection = ? AND earlier.id = ids.value AND earlier.valid_from <= ?)
         WHERE v.doc IS NOT NULL${prefilter}`,
      );
      statements.set(prefilter, statement);
    }
    return statement;
  };
  // `+` keeps SQLite off the (collection, valid_from) index: only the few rows after `seen` are read.
  const changedIdsAfter = db.prepare<[{ collection: string; position: bigint; seen: number }], { id: string }>(
    'SELECT DISTINCT id FROM versions WHERE rowid > @seen AND +collection = @collection AND +valid_from > @position',
  );
  const positionAt = db.prepare<[string], { position: number | null }>('SELECT MAX(position) AS position FROM event_times WHERE time <= ?');
  const timeOf = db.prepare<[bigint], { time: string }>('SELECT time FROM event_times WHERE position >= ? ORDER BY position LIMIT 1');
  const latest = db.prepare<[], { position: number; time: string }>('SELECT position, time FROM event_times ORDER BY position DESC LIMIT 1');

  let generation = 0;
  const thenCache: ThenEntry[] = [];
  const prefilters = new Map<string, ReturnType<typeof prefilterOf>>();
  /** Parse into `docs` the past states of `ids` the prefilter `key` lets through (SQLite checks it on the JSON text). */
  const readPast = (entry: ThenEntry, key: string, docs: Map<string, Doc | null>, ids: readonly string[]) => {
    const { sql, params } = prefilters.get(key)!;
    for (const row of pastStates(sql).iterate(JSON.stringify(ids), entry.collection, entry.collection, entry.position, ...params)) docs.set(row.id, parse(row.doc));
  };
  return {
    historyFrom,
    record(change, before) {
      const id = change.op === 'put' ? change.doc._id : change.id;
      // A version at or before a cached position (a rebuild re-projecting) may change what was then.
      for (let i = thenCache.length - 1; i >= 0; i--) if (thenCache[i]!.collection === change.collection && thenCache[i]!.position >= change.at) thenCache.splice(i, 1);
      const closed = close.run(change.at, change.collection, id, change.at).changes;
      // The first change to a document older than the history: keep what it was as its first version.
      const was = closed === 0 && historyFrom > 0n ? before() : null;
      if (was) {
        const from = typeof was._pos === 'string' ? BigInt(was._pos) : 0n;
        if (from < change.at) insert.run(change.collection, id, from, change.at, JSON.stringify(was));
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
    async thenSince(collection, position, filter) {
      let entry = thenCache.find((e) => e.collection === collection && e.position === position);
      if (entry) thenCache.splice(thenCache.indexOf(entry), 1);
      else entry = { collection, position, ids: new Set(), then: new Map(), seen: 0 };
      thenCache.push(entry);
      // Synchronous from here to the end: no apply lands between reading the rows and the mark.
      const seen = lastRow.get()?.row ?? 0;
      const added: string[] = [];
      for (const { id } of entry.seen === 0 ? changedIds.all({ collection, position }) : changedIdsAfter.all({ collection, position, seen: entry.seen })) {
        if (entry.ids.has(id)) continue;
        entry.ids.add(id);
        added.push(id);
      }
      entry.seen = seen;
      // Each prefilter already kept learns the documents changed since it was filled.
      if (added.length > 0) for (const [key, docs] of entry.then) readPast(entry, key, docs, added);
      const prefilter = prefilterOf(filter);
      prefilters.set(prefilter.key, prefilter);
      let docs = entry.then.get(prefilter.key);
      if (!docs) {
        entry.then.set(prefilter.key, (docs = new Map()));
        readPast(entry, prefilter.key, docs, [...entry.ids]);
      }
      // Bound the memory: the oldest moments go first, the one asked stays.
      let parsed = thenCache.reduce((n, e) => n + parsedIn(e), 0);
      while (thenCache.length > 1 && (thenCache.length > THEN_CACHE_ENTRIES || parsed > THEN_CACHE_DOCS)) parsed -= parsedIn(thenCache.shift()!);
      return { ids: entry.ids, then: docs };
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
