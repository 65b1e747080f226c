import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import siftModule from 'sift';
import type { Change, Checkpoint, Doc, Filter, FindOptions, GroupRow, GroupSum, IndexSpec, ReadStore, SortSpec } from '@sss/contracts/ports/read-store';

/**
 * The embedded read store (the default): every collection lives in memory for fast lists and is
 * written through to one SQLite file, documents and checkpoint in the same transaction, so the
 * projector's "changes + checkpoint in one write" promise holds exactly. Filters use `sift`, a
 * well-kept implementation of MongoDB's query language, so queries behave as they do on MongoDB.
 */

// sift is CommonJS whose export is the matcher itself; TypeScript sees it one level deeper.
// sift's CommonJS default export is typed for its ESM build; this is the function it exports at run time.
const sift = siftModule as unknown as (query: Filter) => (doc: Doc) => boolean;

export function valueAt(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** MongoDB's order for the values we store: missing/null first, then numbers, strings, booleans. */
function rank(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 4;
  return 3;
}

export function compareBy(sort: SortSpec): (a: Doc, b: Doc) => number {
  const keys = Object.entries(sort);
  return (a, b) => {
    for (const [path, direction] of keys) {
      const x = valueAt(a, path);
      const y = valueAt(b, path);
      const byRank = rank(x) - rank(y);
      let result = byRank;
      if (byRank === 0 && x !== y && x !== null && x !== undefined) result = (x as number | string) < (y as number | string) ? -1 : 1;
      if (result !== 0) return result * direction;
    }
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  };
}

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

  const applyTx = db.transaction((changes: readonly Change[], checkpoint?: Checkpoint) => {
    for (const change of changes) {
      if (change.op === 'put') putDoc.run(change.collection, change.doc._id, JSON.stringify(change.doc));
      else deleteDoc.run(change.collection, change.id);
    }
    if (checkpoint) putCheckpoint.run(checkpoint.name, checkpoint.position.toString());
  });

  const matching = (collection: string, filter: Filter = {}): Doc[] => {
    const docs = [...collectionOf(collection).values()];
    return Object.keys(filter).length === 0 ? docs : docs.filter(sift(filter));
  };

  // Returned documents are copies: a caller mutating one must never change the store.
  const copy = (doc: Doc): Doc => structuredClone(doc);

  return {
    async get(collection, id) {
      const doc = collectionOf(collection).get(id);
      return doc ? copy(doc) : null;
    },
    async find(collection, filter, options: FindOptions = {}) {
      let docs = matching(collection, filter);
      docs.sort(compareBy(options.sort ?? {}));
      if (options.skip) docs = docs.slice(options.skip);
      if (options.limit !== undefined && options.limit > 0) docs = docs.slice(0, options.limit);
      return docs.map(copy);
    },
    async count(collection, filter) {
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
    async apply(changes, checkpoint) {
      applyTx(changes, checkpoint);
      for (const change of changes) {
        if (change.op === 'put') collectionOf(change.collection).set(change.doc._id, copy(change.doc));
        else collectionOf(change.collection).delete(change.id);
      }
    },
    async getCheckpoint(name) {
      const row = getCheckpoint.get(name);
      return row ? BigInt(row.position) : null;
    },
    async ensureIndexes(_collection: string, _indexes: readonly IndexSpec[]) {
      // Memory scans are fast enough at embedded scale; the MongoDB adapter creates real indexes.
    },
    async drop(collection) {
      dropCollection.run(collection);
      collections.delete(collection);
    },
    async close() {
      db.close();
    },
  };
}
