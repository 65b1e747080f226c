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
  /**
   * The same documents as they were at `position`, without their current states: an adapter whose
   * live documents are at hand (`LiveAccess`) reads those instead. `ids` are all of them; `then`
   * holds the past states that may match `filter` (the adapter may leave out what it can tell does
   * not, before reading it, and any absent then). Both are shared (a cache): never mutated.
   */
  thenSince?(collection: string, position: bigint, filter: Filter): Promise<{ readonly ids: ReadonlySet<string>; readonly then: ReadonlyMap<string, Doc | null> }>;
  /** One document as it was at `position`; `undefined` when it has not changed since (live holds). */
  docAt(collection: string, id: string, position: bigint): Promise<Doc | null | undefined>;
  /** Bumped by every apply: a read that overlapped one is retried, so live and versions agree. */
  generation(): number;
}

/**
 * What an adapter holding its live documents in memory offers the view, so an as-of page costs
 * about what the live page costs: the current state of a changed document without reading it
 * back from the versions, and a live page that skips the changed documents as it walks its index
 * and so stops as early as the live page does.
 */
export interface LiveAccess {
  /** The live document itself (not a copy: read only), or undefined when absent. */
  peek(collection: string, id: string): Doc | undefined;
  /** `find` over the live documents except `except`, with the live store's plan and early stop; not copies (read only). */
  findExcept(collection: string, filter: Filter, options: FindOptions, except: { has(id: string): boolean }): Promise<Doc[]>;
}

/** Enough for an apply racing a read; past it the last read is used (the store is then busy catching up). */
const ATTEMPTS = 5;

/** Past states matching a filter, per map of past states (a store's cache) and filter. */
const thenMatching = new WeakMap<ReadonlyMap<string, Doc | null>, Map<string, { size: number; docs: readonly Doc[] }>>();

/** Changed documents matching a filter now, per map of past states, generation and filter. */
const nowMatchingCounts = new WeakMap<ReadonlyMap<string, Doc | null>, Map<string, number>>();

interface GroupAcc {
  key: Record<string, unknown>;
  count: number;
  sums: Record<string, number>;
}
const groupKeyOf = (values: readonly unknown[]) => JSON.stringify(values.map((v) => v ?? null));
/** Per map of past states: each groupSum's delta, per generation, filter and grouping. */
const groupDeltas = new WeakMap<ReadonlyMap<string, Doc | null>, Map<string, Map<string, GroupAcc>>>();

const readOnly = (): never => {
  throw new Error('an as-of view is read-only');
};

export function asOfView(live: ReadStore, versions: VersionReader, position: bigint, access?: LiveAccess): ReadStore {
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

  /**
   * The documents changed since the position (`ids`), their states then that may match the filter
   * asked (`then`), and a way to their states now.
   */
  interface Changes {
    readonly ids: { has(id: string): boolean; readonly size: number };
    readonly then: ReadonlyMap<string, Doc | null>;
    readonly now: () => Iterable<Doc>;
  }
  async function changesOf(collection: string, filter: Filter): Promise<Changes> {
    if (access && versions.thenSince) {
      const { ids, then } = await versions.thenSince(collection, position, filter);
      return {
        ids,
        then,
        *now() {
          for (const id of ids) {
            const doc = access.peek(collection, id);
            if (doc) yield doc;
          }
        },
      };
    }
    const changed = await versions.changedSince(collection, position);
    return {
      ids: changed,
      then: new Map([...changed].map(([id, { then: doc }]) => [id, doc])),
      *now() {
        for (const { now } of changed.values()) if (now) yield now;
      },
    };
  }

  /** The past states matching `filter`, in the order of `sort` (the store's order) when given. */
  const then = (changes: Changes, filter: Filter, sort?: FindOptions['sort']): readonly Doc[] => {
    // A cached map of past states only grows: the same size is the same documents.
    const key = JSON.stringify([filter, sort ?? null]);
    let byFilter = thenMatching.get(changes.then);
    const known = byFilter?.get(key);
    if (known && known.size === changes.then.size) return known.docs;
    const matches = matcher(filter);
    const docs = [...changes.then.values()].flatMap((doc) => (doc && matches(doc) ? [doc] : []));
    if (sort) docs.sort(compareBy(sort));
    if (!byFilter) thenMatching.set(changes.then, (byFilter = new Map()));
    byFilter.set(key, { size: changes.then.size, docs });
    return docs;
  };

  /** How many changed documents match now: unchanged while no apply lands, so kept per generation. */
  const nowMatching = (changes: Changes, filter: Filter): number => {
    const key = `${versions.generation()}\u0000${changes.ids.size}\u0000${JSON.stringify(filter)}`;
    let byFilter = nowMatchingCounts.get(changes.then);
    const known = byFilter?.get(key);
    if (known !== undefined) return known;
    const matches = matcher(filter);
    let count = 0;
    for (const doc of changes.now()) if (matches(doc)) count += 1;
    if (!byFilter || byFilter.size > 64) nowMatchingCounts.set(changes.then, (byFilter = new Map()));
    byFilter.set(key, count);
    return count;
  };

  /** What the changed documents add to each group (their past states) less what they add now; kept until the next apply. */
  const groupDelta = (changes: Changes, filter: Filter, group: GroupSum): Map<string, GroupAcc> => {
    const key = `${versions.generation()}\u0000${changes.ids.size}\u0000${JSON.stringify([filter, group])}`;
    let byQuery = groupDeltas.get(changes.then);
    const known = byQuery?.get(key);
    if (known) return known;
    const delta = new Map<string, GroupAcc>();
    const add = (doc: Doc, sign: 1 | -1) => {
      const values = group.by.map((path) => valueAt(doc, path) ?? null);
      const id = groupKeyOf(values);
      let row = delta.get(id);
      if (!row) delta.set(id, (row = { key: Object.fromEntries(group.by.map((path, i) => [path, values[i]])), count: 0, sums: Object.fromEntries(group.sum.map((f) => [f, 0])) }));
      row.count += sign;
      for (const field of group.sum) {
        const value = valueAt(doc, field);
        if (typeof value === 'number') row.sums[field] = (row.sums[field] ?? 0) + sign * value;
      }
    };
    const matches = matcher(filter);
    for (const doc of changes.now()) if (matches(doc)) add(doc, -1);
    for (const doc of then(changes, filter)) add(doc, 1);
    if (!byQuery || byQuery.size > 64) groupDeltas.set(changes.then, (byQuery = new Map()));
    byQuery.set(key, delta);
    return delta;
  };

  return {
    get: (collection, id) =>
      consistent(async () => {
        const doc = await versions.docAt(collection, id, position);
        return doc === undefined ? live.get(collection, id) : doc;
      }),

    find: (collection, filter = {}, options: FindOptions = {}) =>
      consistent(async () => {
        const changes = await changesOf(collection, filter);
        if (changes.ids.size === 0) return live.find(collection, filter, options);
        const skip = options.skip ?? 0;
        const paged = options.limit !== undefined && options.limit > 0;
        const sorted = options.sort ? { sort: options.sort } : {};
        // The page is among the first skip + limit of the unchanged live documents and of the past states.
        const rows = access
          ? await access.findExcept(collection, filter, { ...sorted, ...(paged ? { limit: skip + options.limit! } : {}) }, changes.ids)
          : // The live page may lose up to every changed document: ask for that many more.
            (await live.find(collection, filter, { ...sorted, ...(paged ? { limit: skip + options.limit! + changes.ids.size } : {}) })).filter((doc) => !changes.ids.has(doc._id));
        // Past states come sorted: only the first skip + limit of them can reach the page.
        const past = then(changes, filter, options.sort ?? {});
        const merged = [...rows, ...(paged ? past.slice(0, skip + options.limit!) : past)].sort(compareBy(options.sort ?? {}));
        const page = merged.slice(skip, paged ? skip + options.limit! : undefined);
        // With access, live documents and cached past states are the store's own: a caller gets copies of the page only.
        return access ? page.map((doc) => structuredClone(doc)) : page;
      }),

    count: (collection, filter = {}) =>
      consistent(async () => {
        const changes = await changesOf(collection, filter);
        const total = await live.count(collection, filter);
        if (changes.ids.size === 0) return total;
        return total - nowMatching(changes, filter) + then(changes, filter).length;
      }),

    groupSum: (collection, filter, group: GroupSum) =>
      consistent(async () => {
        const changes = await changesOf(collection, filter);
        const rows = await live.groupSum(collection, filter, group);
        if (changes.ids.size === 0) return rows;
        const byKey = new Map<string, GroupAcc>();
        for (const row of rows) byKey.set(groupKeyOf(group.by.map((path) => row.key[path])), { key: row.key, count: row.count, sums: { ...row.sums } });
        for (const [id, change] of groupDelta(changes, filter, group)) {
          let row = byKey.get(id);
          if (!row) byKey.set(id, (row = { key: change.key, count: 0, sums: Object.fromEntries(group.sum.map((f) => [f, 0])) }));
          row.count += change.count;
          for (const field of group.sum) row.sums[field] = (row.sums[field] ?? 0) + (change.sums[field] ?? 0);
        }
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
