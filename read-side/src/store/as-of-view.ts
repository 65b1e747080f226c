import siftModule from 'sift';
import type { Doc, Filter, FindOptions, GroupRow, GroupSum, ReadStore } from '@sss/contracts/ports/read-store';
import { compareBy, valueAt } from './doc-order.ts';

/**
 * A read store as it was at a position, for any adapter that keeps versions. The live documents
 * are the answer for every document that has not changed since the position; only the documents
 * changed after it (the store's versions say which, and how they were then) are swapped in. So an
 * as-of query costs the live query plus the changes since the moment, and the indexes, paging and
 * aggregation of the live store still do the work (docs/as-of.md).
 */

// sift's CommonJS default export is typed for its ESM build; this is the function it exports at run time.
const sift = siftModule as unknown as (query: Filter) => (doc: Doc) => boolean;

/** One document changed after the position: as it was then and as it is now (null: absent). */
export interface ChangedDoc {
  readonly then: Doc | null;
  readonly now: Doc | null;
}

export interface VersionReader {
  /** Every document of `collection` with a version after `position`. */
  changedSince(collection: string, position: bigint): Promise<Map<string, ChangedDoc>>;
  /** One document as it was at `position`; `undefined` when it has not changed since (live holds). */
  docAt(collection: string, id: string, position: bigint): Promise<Doc | null | undefined>;
  /** Bumped by every apply: a read that overlapped one is retried, so live and versions agree. */
  generation(): number;
}

/** Enough for an apply racing a read; past it the last read is used (the store is then busy catching up). */
const ATTEMPTS = 5;

const readOnly = (): never => {
  throw new Error('an as-of view is read-only');
};

export function asOfView(live: ReadStore, versions: VersionReader, position: bigint): ReadStore {
  const matcher = (filter: Filter) => (Object.keys(filter).length === 0 ? () => true : sift(filter));

  /** Run `read` until no apply happened during it. */
  async function consistent<T>(read: () => Promise<T>): Promise<T> {
    let result: T;
    let attempt = 0;
    do {
      const before = versions.generation();
      result = await read();
      if (versions.generation() === before) return result;
    } while (++attempt < ATTEMPTS);
    return result;
  }

  const then = (changed: Map<string, ChangedDoc>, filter: Filter) => {
    const matches = matcher(filter);
    return [...changed.values()].flatMap(({ then: doc }) => (doc && matches(doc) ? [doc] : []));
  };

  return {
    get: (collection, id) =>
      consistent(async () => {
        const doc = await versions.docAt(collection, id, position);
        return doc === undefined ? live.get(collection, id) : doc;
      }),

    find: (collection, filter = {}, options: FindOptions = {}) =>
      consistent(async () => {
        const changed = await versions.changedSince(collection, position);
        if (changed.size === 0) return live.find(collection, filter, options);
        const skip = options.skip ?? 0;
        const paged = options.limit !== undefined && options.limit > 0;
        // The live page may lose up to every changed document: ask for that many more.
        const rows = await live.find(collection, filter, { ...(options.sort ? { sort: options.sort } : {}), ...(paged ? { limit: skip + options.limit! + changed.size } : {}) });
        const merged = [...rows.filter((doc) => !changed.has(doc._id)), ...then(changed, filter)].sort(compareBy(options.sort ?? {}));
        return merged.slice(skip, paged ? skip + options.limit! : undefined);
      }),

    count: (collection, filter = {}) =>
      consistent(async () => {
        const changed = await versions.changedSince(collection, position);
        const total = await live.count(collection, filter);
        if (changed.size === 0) return total;
        const matches = matcher(filter);
        const nowMatching = [...changed.values()].filter(({ now }) => now && matches(now)).length;
        return total - nowMatching + then(changed, filter).length;
      }),

    groupSum: (collection, filter, group: GroupSum) =>
      consistent(async () => {
        const changed = await versions.changedSince(collection, position);
        const rows = await live.groupSum(collection, filter, group);
        if (changed.size === 0) return rows;
        const keyOf = (values: readonly unknown[]) => JSON.stringify(values.map((v) => v ?? null));
        const byKey = new Map<string, { key: Record<string, unknown>; count: number; sums: Record<string, number> }>();
        for (const row of rows) byKey.set(keyOf(group.by.map((path) => row.key[path])), { key: row.key, count: row.count, sums: { ...row.sums } });
        const add = (doc: Doc, sign: 1 | -1) => {
          const values = group.by.map((path) => valueAt(doc, path) ?? null);
          const id = keyOf(values);
          let row = byKey.get(id);
          if (!row) byKey.set(id, (row = { key: Object.fromEntries(group.by.map((path, i) => [path, values[i]])), count: 0, sums: Object.fromEntries(group.sum.map((f) => [f, 0])) }));
          row.count += sign;
          for (const field of group.sum) {
            const value = valueAt(doc, field);
            if (typeof value === 'number') row.sums[field] = (row.sums[field] ?? 0) + sign * value;
          }
        };
        const matches = matcher(filter);
        for (const { now } of changed.values()) if (now && matches(now)) add(now, -1);
        for (const doc of then(changed, filter)) add(doc, 1);
        return [...byKey.values()].filter((row) => row.count > 0) as GroupRow[];
      }),

    apply: readOnly,
    asOf: readOnly,
    getCheckpoint: (name) => live.getCheckpoint(name),
    ensureIndexes: readOnly,
    drop: readOnly,
    // Closing a view leaves the store it reads open.
    close: async () => {},
  };
}
