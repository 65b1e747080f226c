import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import siftModule from 'sift';
import { stampedPosition, type Change, type Checkpoint, type Doc, type EventTime, type Filter, type FindOptions, type GroupRow, type GroupSum, type IndexSpec, type ReadStore } from '@sss/contracts/ports/read-store';
import { compareBy, valueAt } from './doc-order.ts';
import { MemoryIndex, plan, walk } from './memory-index.ts';
import { prefilterOf, sqliteVersions } from './sqlite-versions.ts';
import { asOfView } from './as-of-view.ts';
import { DocCache } from './doc-cache.ts';

/**
 * The embedded read store (the default): one SQLite file holds the documents, the checkpoints and
 * the versions, documents and checkpoint written in the same transaction, so the projector's
 * "changes + checkpoint in one write" promise holds exactly. Memory holds only what makes reads
 * fast, bounded whatever the size of the history (a million events made 1.85 GB when every
 * document was held): the recently used documents, parsed (`doc-cache.ts`, bounded by bytes), and
 * the indexes projections declare (`memory-index.ts`), which hold each document's `_id` and the
 * fields their keys read, not the document. A filtered, sorted page walks its index range and
 * reads only the documents it walks (cache, else SQLite by primary key); a query no index serves
 * scans the collection in SQLite, which first drops the rows a top-level equality rules out (the
 * as-of prefilter, `sqlite-versions.ts`), then reads the rest through the cache, or, in a large
 * collection, reads only the fields the query needs (`PARTIAL_ABOVE`). Filters use `sift`, a well-kept implementation of
 * MongoDB's query language, so queries behave as they do on MongoDB. Past states are versions kept
 * in the SQLite file only (`sqlite-versions.ts`), read by `asOf` (docs/as-of.md).
 */

// sift's CommonJS default export is typed for its ESM build; this is the function it exports at run time.
const sift = siftModule as unknown as (query: Filter) => (doc: Doc) => boolean;

/** JSON text of parsed documents kept in memory; about three times that in the heap. */
const DOC_CACHE_BYTES = 48 * 2 ** 20;

/**
 * Applies share one SQLite transaction until it holds this many changes or is this old: a projector
 * catching up (a rebuild, a restart behind the head) commits every few pages instead of every page,
 * so the pages each commit rewrites (the same B-tree pages, the same versions index) go to the WAL
 * once per commit, not once per batch. Safe because nothing here is the record: the event log is.
 * Documents, versions and checkpoint go in the same transaction, so a crash loses an uncommitted
 * tail whole (its checkpoint with it) and the projector re-projects it from the last committed
 * checkpoint, as it does after any crash; in this process every read goes through this connection
 * and sees the uncommitted changes, exactly what the projector reported reached. A rebuild's
 * collections are read by nobody before the switch-over, and the switch-over's own writes (drop,
 * close) commit first. `synchronous = NORMAL` already let a power cut lose the last commits.
 */
const COMMIT_EVERY_CHANGES = 20_000;
const COMMIT_WITHIN_MS = 200;

/**
 * The top-level fields a filter reads (through `$and`/`$or`/`$nor`/`$not`), or null when it may read
 * others (`$where`, `$expr`, `$text`): a document cut down to these matches exactly as the whole.
 */
function fieldsOf(filter: Filter): Set<string> | null {
  const fields = new Set<string>();
  const visit = (f: unknown): boolean => {
    if (Array.isArray(f)) return f.every(visit);
    if (!f || typeof f !== 'object') return true;
    return Object.entries(f).every(([key, value]) => {
      if (key === '$where' || key === '$expr' || key === '$text') return false;
      if (key.startsWith('$')) return visit(value);
      fields.add(key.split('.')[0]!);
      return true;
    });
  };
  return visit(filter) ? fields : null;
}

/** Above this many documents in an index range, reading the fields a query needs beats loading each whole. */
const RESOLVE_LIMIT = 2_000;
/**
 * A collection of up to this many documents is scanned through the cache (whole documents, parsed
 * once while they stay hot); a larger one (monthly sales at a million events) would only churn it,
 * so its counts, aggregations and unindexed sorts read just the fields they need (`partialScan`).
 */
const PARTIAL_ABOVE = 20_000;

/**
 * What an index keeps of a document: `_id` and the top-level fields its keys start with (whole, so
 * a dotted key reads what it reads in the document), enough for its order, bounds and `narrows`.
 */
function keyDocOf(doc: Doc, fields: ReadonlySet<string>): Doc {
  const keys: Doc = { _id: doc._id };
  for (const field of fields) {
    if (!(field in doc)) continue;
    const value = doc[field];
    // The index outlives the object it was given (a caller's change): objects are its own copies.
    keys[field] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  }
  return keys;
}

export function openEmbeddedReadStore(path: string, options: { readonly cacheBytes?: number; readonly partialAbove?: number } = {}): ReadStore {
  // Owner-only from the start: SQLite gives the -wal and -shm files the mode of the database file.
  if (path !== ':memory:') closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id));
    CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
  `);
  const cache = new DocCache(options.cacheBytes ?? DOC_CACHE_BYTES);
  const partialAbove = options.partialAbove ?? PARTIAL_ABOVE;
  const cacheKey = (collection: string, id: string) => `${collection}\u0000${id}`;

  const putDoc = db.prepare('INSERT INTO docs (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc');
  const deleteDoc = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  const readDoc = db.prepare<[string, string], { doc: string }>('SELECT doc FROM docs WHERE collection = ? AND id = ?');
  const countDocs = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM docs WHERE collection = ?');
  const putCheckpoint = db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position');
  const getCheckpoint = db.prepare<[string], { position: string }>('SELECT position FROM checkpoints WHERE name = ?');
  const dropCollection = db.prepare('DELETE FROM docs WHERE collection = ?');
  const scans = new Map<string, Database.Statement<unknown[], string>>();

  /** The live document, shared (read only: callers copy what they hand out); cached once read. */
  const load = (collection: string, id: string): Doc | null => {
    const key = cacheKey(collection, id);
    const cached = cache.get(key);
    if (cached) return cached;
    const row = readDoc.get(collection, id);
    if (!row) return null;
    const doc = JSON.parse(row.doc) as Doc;
    cache.set(key, doc, row.doc.length);
    return doc;
  };

  /** Every document of a collection SQLite cannot rule out for `filter` (not yet filtered by it). */
  function* scan(collection: string, filter: Filter): Generator<Doc> {
    const prefilter = prefilterOf(filter, 'doc');
    let statement = scans.get(prefilter.sql);
    if (!statement) scans.set(prefilter.sql, (statement = db.prepare<unknown[], string>(`SELECT id FROM docs WHERE collection = ?${prefilter.sql}`).pluck(true)));
    // Ids first (all read before yielding: a caller's apply must not interleave with an open statement), then each through the cache.
    for (const id of statement.all(collection, ...prefilter.params)) {
      const doc = load(collection, id);
      if (doc) yield doc;
    }
  }

  /**
   * Every document of a collection SQLite cannot rule out for `filter`, cut down to `_id` and
   * `fields` (each read by SQLite from the JSON text and parsed alone; absent stays absent), so a
   * count, an aggregation or an unindexed sort parses a few fields per document, not documents.
   */
  const partials = new Map<string, Database.Statement<unknown[], unknown[]>>();
  const partialScan = (collection: string, filter: Filter, fields: ReadonlySet<string>): Doc[] => {
    const wanted = [...fields].filter((field) => field !== '_id');
    const prefilter = prefilterOf(filter, 'doc');
    const sql = `SELECT id${wanted.map((field) => `, doc -> '$."${field.replaceAll("'", "''")}"'`).join('')} FROM docs WHERE collection = ?${prefilter.sql}`;
    let statement = partials.get(sql);
    if (!statement) partials.set(sql, (statement = db.prepare<unknown[], unknown[]>(sql).raw(true)));
    return statement.all(collection, ...prefilter.params).map((row) => {
      const doc: Doc = { _id: row[0] as string };
      wanted.forEach((field, i) => {
        const value = row[i + 1];
        if (typeof value === 'string') doc[field] = JSON.parse(value);
      });
      return doc;
    });
  };
  /** The fields to read for a query (null: whole documents), unless an index range small enough serves it. */
  const partialFields = (collection: string, filter: Filter, also: readonly string[]): Set<string> | null => {
    if ((countDocs.get(collection)?.n ?? 0) <= partialAbove) return null;
    const fields = fieldsOf(filter);
    if (!fields || [...fields, ...also].some((field) => field.includes('"'))) return null;
    const chosen = planFor(collection, filter);
    if (chosen && chosen.to - chosen.from <= RESOLVE_LIMIT) return null;
    for (const path of also) fields.add(path.split('.')[0]!);
    return fields;
  };

  const versions = sqliteVersions(db);
  const keyOf = (change: Change) => `${change.collection}\u0000${change.op === 'put' ? change.doc._id : change.id}`;
  const idOf = (change: Change) => (change.op === 'put' ? change.doc._id : change.id);
  const applyTx = db.transaction((changes: readonly Change[], checkpoint?: Checkpoint, times?: readonly EventTime[]) => {
    // Versions first: a version's `before` is the live document ahead of the whole apply, still in the table.
    for (const change of changes) {
      if (change.at === undefined) continue;
      versions.record({ ...change, at: change.at }, () => load(change.collection, idOf(change)));
    }
    // Several changes to one document are its states event by event: the last is the live one.
    const last = new Map<string, Change>();
    for (const change of changes) last.set(keyOf(change), change);
    const written = new Map<string, string>();
    for (const [key, change] of last) {
      if (change.op === 'put') {
        const json = JSON.stringify(change.doc);
        putDoc.run(change.collection, change.doc._id, json);
        written.set(key, json);
      } else deleteDoc.run(change.collection, change.id);
    }
    if (times) versions.recordTimes(times);
    if (checkpoint) putCheckpoint.run(checkpoint.name, checkpoint.position.toString());
    versions.bump();
    return written;
  });

  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let uncommitted = 0;
  let committing: NodeJS.Timeout | undefined;
  /** Commit the applies so far (see COMMIT_EVERY_CHANGES). */
  const commitNow = () => {
    clearTimeout(committing);
    committing = undefined;
    uncommitted = 0;
    if (db.inTransaction) commit.run();
  };
  /** Run `write` inside the shared transaction (a savepoint in it: a failed apply undoes only itself). */
  const inShared = <T>(write: () => T, changes: number): T => {
    if (!db.inTransaction) {
      begin.run();
      committing = setTimeout(commitNow, COMMIT_WITHIN_MS);
    }
    const result = write();
    uncommitted += changes;
    if (uncommitted >= COMMIT_EVERY_CHANGES) commitNow();
    return result;
  };

  const indexes = new Map<string, MemoryIndex[]>();
  /** Per collection, the top-level fields its indexes' keys start with (see keyDocOf). */
  const indexFields = new Map<string, Set<string>>();
  const indexesOf = (collection: string) => indexes.get(collection) ?? [];
  const keysOf = (collection: string) => (doc: Doc) => keyDocOf(doc, indexFields.get(collection) ?? new Set());
  const matcher = (filter: Filter) => (Object.keys(filter).length === 0 ? () => true : sift(filter));
  const planFor = (collection: string, filter: Filter, sort: FindOptions['sort'] = {}) => {
    const candidates = indexesOf(collection);
    if (candidates.length === 0) return null;
    const all = () => [...scan(collection, {})].map(keysOf(collection));
    return plan(candidates, all, filter, sort, candidates[0]!.docs(all).length);
  };
  const resolver = (collection: string) => (keys: Doc) => load(collection, keys._id);

  /** The documents matching `filter`, shared (read only). */
  const matching = (collection: string, filter: Filter = {}): Doc[] => {
    const chosen = planFor(collection, filter);
    if (chosen) {
      const resolve = resolver(collection);
      const range = chosen.index
        .docs(() => [])
        .slice(chosen.from, chosen.to)
        .map(resolve)
        .filter((doc): doc is Doc => doc !== null);
      return chosen.exact ? range : range.filter(matcher(filter));
    }
    const docs = [...scan(collection, filter)];
    return Object.keys(filter).length === 0 ? docs : docs.filter(sift(filter));
  };

  // Returned documents are copies: a caller mutating one must never change the store.
  const copy = (doc: Doc): Doc => structuredClone(doc);

  const none = { has: () => false };
  /**
   * A page of the live documents except some ids (an as-of view's changed ones). The documents
   * themselves, not copies: callers copy what they hand out (an as-of page copies only its page).
   */
  async function findExcept(collection: string, filter: Filter, options: FindOptions, except: { has(id: string): boolean }): Promise<Doc[]> {
    const compare = compareBy(options.sort ?? {});
    const chosen = planFor(collection, filter, options.sort);
    if (chosen?.ordered) {
      // Walk the index in the query's order and stop once the page is full.
      const want = options.limit !== undefined && options.limit > 0 ? (options.skip ?? 0) + options.limit : Infinity;
      const matches = chosen.exact ? () => true : matcher(filter);
      const page: Doc[] = [];
      const resolve = resolver(collection);
      for (const doc of walk(chosen, chosen.index.docs(() => []), compare, (keys) => (except.has(keys._id) ? null : resolve(keys)))) {
        if (!matches(doc)) continue;
        page.push(doc);
        if (page.length >= want) break;
      }
      return page.slice(options.skip ?? 0);
    }
    const fields = partialFields(collection, filter, Object.keys(options.sort ?? {}));
    let docs = fields ? partialScan(collection, filter, fields).filter(matcher(filter)) : matching(collection, filter);
    if (except !== none) docs = docs.filter((doc) => !except.has(doc._id));
    docs.sort(compare);
    if (options.skip) docs = docs.slice(options.skip);
    if (options.limit !== undefined && options.limit > 0) docs = docs.slice(0, options.limit);
    // Only the page is read whole.
    return fields ? docs.map((doc) => load(collection, doc._id)).filter((doc): doc is Doc => doc !== null) : docs;
  }

  const store: ReadStore = {
    async get(collection, id) {
      const doc = load(collection, id);
      return doc ? copy(doc) : null;
    },
    find: async (collection, filter = {}, options: FindOptions = {}) => (await findExcept(collection, filter, options, none)).map(copy),
    async count(collection, filter = {}) {
      const chosen = planFor(collection, filter);
      if (chosen?.exact) return chosen.to - chosen.from;
      if (!chosen && Object.keys(filter).length === 0) return countDocs.get(collection)?.n ?? 0;
      const fields = partialFields(collection, filter, []);
      return fields ? partialScan(collection, filter, fields).filter(matcher(filter)).length : matching(collection, filter).length;
    },
    async groupSum(collection, filter, group: GroupSum) {
      const rows = new Map<string, { key: Record<string, unknown>; count: number; sums: Record<string, number> }>();
      const fields = partialFields(collection, filter, [...group.by, ...group.sum]);
      for (const doc of fields ? partialScan(collection, filter, fields).filter(matcher(filter)) : matching(collection, filter)) {
        const key = Object.fromEntries(group.by.map((path) => [path, valueAt(doc, path) ?? null]));
        const id = JSON.stringify(key);
        let row = rows.get(id);
        if (!row) rows.set(id, (row = { key, count: 0, sums: Object.fromEntries(group.sum.map((f) => [f, 0])) }));
        row.count += 1;
        for (const field of group.sum) {
          const value = valueAt(doc, field);
          if (typeof value === 'number') row.sums[field] = (row.sums[field] ?? 0) + value;
        }
      }
      return [...rows.values()] as GroupRow[];
    },
    async apply(all, checkpoint, times) {
      // Nothing awaits between this check and the writes below, so it holds for the whole apply.
      const changes = all.filter((change) => change.at === undefined || stampedPosition(load(change.collection, idOf(change))) < change.at);
      // The live states ahead of the apply, for the indexes (read before the transaction changes them).
      const current = new Map<string, Doc | null>();
      for (const change of changes) if (indexes.has(change.collection) && !current.has(keyOf(change))) current.set(keyOf(change), load(change.collection, idOf(change)));
      const written = inShared(() => applyTx(changes, checkpoint, times), changes.length);
      const touched = new Map<string, [Doc | null, Doc | null][]>();
      for (const change of changes) {
        const key = keyOf(change);
        if (indexes.has(change.collection)) {
          const keys = keysOf(change.collection);
          const before = current.get(key) ?? null;
          const after = change.op === 'put' ? change.doc : null;
          current.set(key, after);
          let pairs = touched.get(change.collection);
          if (!pairs) touched.set(change.collection, (pairs = []));
          pairs.push([before && keys(before), after && keys(after)]);
        }
      }
      // The cache holds what the table holds: a copy of each document's last state (the caller may mutate its own).
      for (const change of changes) {
        const key = keyOf(change);
        const json = written.get(key);
        if (json === undefined) cache.delete(key);
        else cache.set(key, JSON.parse(json) as Doc, json.length);
      }
      for (const [collection, pairs] of touched) for (const index of indexesOf(collection)) index.update(pairs);
    },
    async getCheckpoint(name) {
      const row = getCheckpoint.get(name);
      return row ? BigInt(row.position) : null;
    },
    async ensureIndexes(collection: string, specs: readonly IndexSpec[]) {
      const known = indexesOf(collection);
      const fresh = specs.filter((spec) => !known.some((index) => JSON.stringify(index.spec.keys) === JSON.stringify(spec.keys)));
      if (fresh.length === 0) return;
      // Every index of the collection re-reads its key documents with the wider set of fields.
      for (const index of known) index.invalidate();
      indexes.set(collection, [...known, ...fresh.map((spec) => new MemoryIndex(spec))]);
      indexFields.set(collection, new Set([...indexFields.get(collection) ?? [], ...fresh.flatMap((spec) => Object.keys(spec.keys).map((path) => path.split('.')[0]!))]));
    },
    async drop(collection) {
      commitNow();
      db.transaction(() => {
        dropCollection.run(collection);
        versions.forget(collection);
      })();
      cache.deletePrefix(cacheKey(collection, ''));
      for (const index of indexesOf(collection)) index.invalidate();
    },
    async asOf(moment) {
      const { position, time } = versions.resolve(moment);
      return { position, time, historyFrom: versions.historyFrom, store: asOfView(store, versions, position, { peek: (collection, id) => load(collection, id) ?? undefined, findExcept }) };
    },
    async close() {
      commitNow();
      db.close();
    },
  };
  return store;
}
