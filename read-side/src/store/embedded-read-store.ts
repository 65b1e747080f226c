import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import siftModule from 'sift';
import { stampedPosition, type Change, type Checkpoint, type Doc, type EventTime, type Filter, type FindOptions, type GroupRow, type GroupSum, type IndexSpec, type ReadStore } from '@sss/contracts/ports/read-store';
import { compareBy, valueAt } from './doc-order.ts';
import { MemoryIndex, plan, walk } from './memory-index.ts';
import { sqliteVersions } from './sqlite-versions.ts';
import { asOfView } from './as-of-view.ts';

/**
 * The embedded read store (the default): every collection lives in memory for fast lists and is
 * written through to one SQLite file, documents and checkpoint in the same transaction, so the
 * projector's "changes + checkpoint in one write" promise holds exactly. Filters use `sift`, a
 * well-kept implementation of MongoDB's query language, so queries behave as they do on MongoDB.
 * The indexes projections declare are kept in memory (`memory-index.ts`): a filtered, sorted page
 * walks only its index range; a query no index serves scans, as before. Past states are versions
 * kept in the SQLite file only (`sqlite-versions.ts`), read by `asOf` (docs/as-of.md).
 */

// sift is CommonJS whose export is the matcher itself; TypeScript sees it one level deeper.
// sift's CommonJS default export is typed for its ESM build; this is the function it exports at run time.
const sift = siftModule as unknown as (query: Filter) => (doc: Doc) => boolean;

export function openEmbeddedReadStore(path: string): ReadStore {
  // Owner-only from the start: SQLite gives the -wal and -shm files the mode of the database file.
  if (path !== ':memory:') closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (collection TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (collection, id));
    CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
  `);
  const collections = new Map<string, Map<string, Doc>>();
  for (const row of db.prepare<[], { collection: string; id: string; doc: string }>('SELECT collection, id, doc FROM docs').iterate()) {
    collectionOf(row.collection).set(row.id, JSON.parse(row.doc) as Doc);
  }
  function collectionOf(name: string): Map<string, Doc> {
    let collection = collections.get(name);
    if (!collection) collections.set(name, (collection = new Map()));
    return collection;
  }

  const putDoc = db.prepare('INSERT INTO docs (collection, id, doc) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc');
  const deleteDoc = db.prepare('DELETE FROM docs WHERE collection = ? AND id = ?');
  const putCheckpoint = db.prepare('INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position');
  const getCheckpoint = db.prepare<[string], { position: string }>('SELECT position FROM checkpoints WHERE name = ?');
  const dropCollection = db.prepare('DELETE FROM docs WHERE collection = ?');

  const versions = sqliteVersions(db);
  const keyOf = (change: Change) => `${change.collection}\u0000${change.op === 'put' ? change.doc._id : change.id}`;
  const applyTx = db.transaction((changes: readonly Change[], checkpoint?: Checkpoint, times?: readonly EventTime[]) => {
    // Several changes to one document are its states event by event: the last is the live one.
    const last = new Map<string, Change>();
    for (const change of changes) last.set(keyOf(change), change);
    for (const change of last.values()) {
      if (change.op === 'put') putDoc.run(change.collection, change.doc._id, JSON.stringify(change.doc));
      else deleteDoc.run(change.collection, change.id);
    }
    for (const change of changes) {
      if (change.at === undefined) continue;
      const id = change.op === 'put' ? change.doc._id : change.id;
      versions.record({ ...change, at: change.at }, collections.get(change.collection)?.get(id) ?? null);
    }
    if (times) versions.recordTimes(times);
    if (checkpoint) putCheckpoint.run(checkpoint.name, checkpoint.position.toString());
    versions.bump();
  });

  const indexes = new Map<string, MemoryIndex[]>();
  const indexesOf = (collection: string) => indexes.get(collection) ?? [];
  const matcher = (filter: Filter) => (Object.keys(filter).length === 0 ? () => true : sift(filter));
  const planFor = (collection: string, filter: Filter, sort: FindOptions['sort'] = {}) => {
    const docs = collectionOf(collection);
    const candidates = indexesOf(collection);
    return candidates.length === 0 ? null : plan(candidates, () => docs.values(), filter, sort, docs.size);
  };

  const matching = (collection: string, filter: Filter = {}): Doc[] => {
    const chosen = planFor(collection, filter);
    if (chosen) {
      const range = chosen.index.docs(() => []).slice(chosen.from, chosen.to);
      return chosen.exact ? range : range.filter(matcher(filter));
    }
    const docs = [...collectionOf(collection).values()];
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
      for (const doc of walk(chosen, chosen.index.docs(() => []), compare)) {
        if (except.has(doc._id) || !matches(doc)) continue;
        page.push(doc);
        if (page.length >= want) break;
      }
      return page.slice(options.skip ?? 0);
    }
    let docs = matching(collection, filter);
    if (except !== none) docs = docs.filter((doc) => !except.has(doc._id));
    docs.sort(compare);
    if (options.skip) docs = docs.slice(options.skip);
    if (options.limit !== undefined && options.limit > 0) docs = docs.slice(0, options.limit);
    return docs;
  }

  const store: ReadStore = {
    async get(collection, id) {
      const doc = collectionOf(collection).get(id);
      return doc ? copy(doc) : null;
    },
    find: async (collection, filter = {}, options: FindOptions = {}) => (await findExcept(collection, filter, options, none)).map(copy),
    async count(collection, filter = {}) {
      const chosen = planFor(collection, filter);
      if (chosen?.exact) return chosen.to - chosen.from;
      return matching(collection, filter).length;
    },
    async groupSum(collection, filter, group: GroupSum) {
      const rows = new Map<string, { key: Record<string, unknown>; count: number; sums: Record<string, number> }>();
      for (const doc of matching(collection, filter)) {
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
      const changes = all.filter((change) => change.at === undefined || stampedPosition(collections.get(change.collection)?.get(change.op === 'put' ? change.doc._id : change.id)) < change.at);
      applyTx(changes, checkpoint, times);
      const touched = new Map<string, [Doc | null, Doc | null][]>();
      for (const change of changes) {
        const docs = collectionOf(change.collection);
        const id = change.op === 'put' ? change.doc._id : change.id;
        const before = docs.get(id) ?? null;
        const after = change.op === 'put' ? copy(change.doc) : null;
        if (after) docs.set(id, after);
        else docs.delete(id);
        if (indexes.has(change.collection)) {
          let pairs = touched.get(change.collection);
          if (!pairs) touched.set(change.collection, (pairs = []));
          pairs.push([before, after]);
        }
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
      if (fresh.length > 0) indexes.set(collection, [...known, ...fresh.map((spec) => new MemoryIndex(spec))]);
    },
    async drop(collection) {
      db.transaction(() => {
        dropCollection.run(collection);
        versions.forget(collection);
      })();
      collections.delete(collection);
      for (const index of indexesOf(collection)) index.invalidate();
    },
    async asOf(moment) {
      const { position, time } = versions.resolve(moment);
      return { position, time, historyFrom: versions.historyFrom, store: asOfView(store, versions, position, { peek: (collection, id) => collections.get(collection)?.get(id), findExcept }) };
    },
    async close() {
      db.close();
    },
  };
  return store;
}
