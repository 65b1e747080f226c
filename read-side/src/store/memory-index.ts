import type { Doc, Filter, IndexSpec, SortSpec } from '@sss/contracts/ports/read-store';
import { compareBy, compareValues, valueAt } from './doc-order.ts';

/**
 * A secondary index of the embedded read store: the collection's documents kept sorted by an
 * IndexSpec's keys (then `_id`, the store's tie-break), so a filtered, sorted page binary-searches
 * its range and walks only as far as the page needs instead of filtering and sorting everything.
 *
 * It holds key documents (`_id` and the fields its keys read, see embedded-read-store.ts), not the
 * documents: those stay in SQLite, so an index costs memory by its keys, not by what it indexes.
 * Built lazily, by the first query that wants it; then a handful of changes are spliced in place
 * and a larger batch is merged by one sort of what is already held (no re-read of the collection).
 */

/** Above this many changes to a collection in one apply, one sort beats splicing each. */
const SPLICE_LIMIT = 32;

export class MemoryIndex {
  readonly keys: readonly (readonly [string, 1 | -1])[];
  readonly compare: (a: Doc, b: Doc) => number;
  private sorted: Doc[] = [];
  private stale = true;
  /**
   * Documents with an array or object at an indexed path: MongoDB equality matches array
   * elements, which a sorted order cannot find by binary search, so such an index only narrows
   * while it has none.
   */
  private composite = 0;

  constructor(readonly spec: IndexSpec) {
    this.keys = Object.entries(spec.keys);
    this.compare = compareBy(spec.keys);
  }

  /** Follow one collection's changes: `changes` old → new pairs (null for absent). */
  update(changes: readonly (readonly [Doc | null, Doc | null])[]): void {
    if (this.stale) return;
    if (changes.length > SPLICE_LIMIT) {
      const gone = new Set<string>();
      const added = new Map<string, Doc>();
      for (const [before, after] of changes) {
        if (before) gone.add(before._id);
        if (after) added.set(after._id, after);
        else if (before) added.delete(before._id);
      }
      this.sorted = [...this.sorted.filter((doc) => !gone.has(doc._id)), ...added.values()].sort(this.compare);
      this.composite = this.sorted.filter((doc) => this.isComposite(doc)).length;
      return;
    }
    for (const [before, after] of changes) {
      if (before) {
        const at = this.lowerBound((doc) => this.compare(doc, before));
        if (this.sorted[at]?._id === before._id) this.sorted.splice(at, 1);
        if (this.isComposite(before)) this.composite -= 1;
      }
      if (after) {
        this.sorted.splice(this.lowerBound((doc) => this.compare(doc, after)), 0, after);
        if (this.isComposite(after)) this.composite += 1;
      }
    }
  }

  invalidate(): void {
    this.stale = true;
    this.sorted = [];
  }

  /** The sorted documents (re-sorted first when stale); `all` is the collection's documents. */
  docs(all: () => Iterable<Doc>): Doc[] {
    if (this.stale) {
      this.sorted = [...all()].sort(this.compare);
      this.composite = this.sorted.filter((doc) => this.isComposite(doc)).length;
      this.stale = false;
    }
    return this.sorted;
  }

  get narrows(): boolean {
    return this.composite === 0;
  }

  private isComposite(doc: Doc): boolean {
    return this.keys.some(([path]) => {
      const value = valueAt(doc, path);
      return value !== null && typeof value === 'object';
    });
  }

  /** First position whose document is not below the target (`cmp(doc)` < 0 means below). */
  lowerBound(cmp: (doc: Doc) => number, from = 0, to = this.sorted.length): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(this.sorted[mid]!) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);

interface Bounds {
  readonly eq?: Scalar;
  readonly lower?: { value: Scalar; inclusive: boolean };
  readonly upper?: { value: Scalar; inclusive: boolean };
}

/**
 * What a filter says about single paths, read from its top level and nested `$and`s: an equality
 * with a scalar, or range bounds. Anything else (`$in`, `$regex`, `$or`, `$ne`...) narrows nothing
 * here and is left to the full filter, which every walked document still passes through.
 */
export function boundsOf(filter: Filter): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  const merge = (path: string, next: Bounds) => bounds.set(path, { ...bounds.get(path), ...next });
  const visit = (f: Filter) => {
    for (const [key, value] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const part of value) if (part && typeof part === 'object') visit(part as Filter);
        continue;
      }
      if (key.startsWith('$')) continue;
      if (isScalar(value)) {
        merge(key, { eq: value });
        continue;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
      const ops = value as Record<string, unknown>;
      if ('$eq' in ops && isScalar(ops.$eq)) merge(key, { eq: ops.$eq });
      // Range bounds only for numbers and strings: MongoDB compares within one type, which the
      // index order keeps contiguous; the full filter drops the other types the range also holds.
      const rangeValue = (v: unknown): v is string | number => typeof v === 'number' || typeof v === 'string';
      if (rangeValue(ops.$gt)) merge(key, { lower: { value: ops.$gt, inclusive: false } });
      if (rangeValue(ops.$gte)) merge(key, { lower: { value: ops.$gte, inclusive: true } });
      if (rangeValue(ops.$lt)) merge(key, { upper: { value: ops.$lt, inclusive: false } });
      if (rangeValue(ops.$lte)) merge(key, { upper: { value: ops.$lte, inclusive: true } });
    }
  };
  visit(filter);
  return bounds;
}

/** The paths of a filter made only of scalar equalities (top level or in `$and`s), else null. */
export function equalityPaths(filter: Filter): Set<string> | null {
  const paths = new Set<string>();
  const visit = (f: Filter): boolean =>
    Object.entries(f).every(([key, value]) => {
      if (key === '$and' && Array.isArray(value)) return value.every((part) => part && typeof part === 'object' && visit(part as Filter));
      // A path said twice (`$and: [{a: 1}, {a: 2}]`) is left to the full filter.
      if (key.startsWith('$') || !isScalar(value) || paths.has(key)) return false;
      paths.add(key);
      return true;
    });
  return visit(filter) ? paths : null;
}

export interface Plan {
  readonly index: MemoryIndex;
  readonly from: number;
  readonly to: number;
  /** Walk from `to` down to `from`. */
  readonly reverse: boolean;
  /** How many leading index keys each walked run shares; each run is sorted by the query's order. */
  readonly runKeys: readonly (readonly [string, 1 | -1])[];
  /** The walk yields the query's order run by run, so it may stop once the page is full. */
  readonly ordered: boolean;
  /** Every document in the range matches: the filter is exactly the equalities the range was cut by. */
  readonly exact: boolean;
}

/**
 * The cheapest index for a query: equality on a prefix of its keys and a range on the next one
 * narrow the walk; the keys after the equalities matching the query's sort (all in the same or
 * all in the opposite direction) let the walk stop early. Null when no index helps.
 */
export function plan(indexes: readonly MemoryIndex[], all: () => Iterable<Doc>, filter: Filter, sort: SortSpec, total: number): Plan | null {
  const bounds = boundsOf(filter);
  const equalities = equalityPaths(filter);
  const sortKeys = Object.entries(sort);
  let best: { plan: Plan; cost: number } | null = null;
  for (const index of indexes) {
    const docs = index.docs(all);
    const usable = index.narrows;
    let eqCount = 0;
    const eqValues: Scalar[] = [];
    while (usable && eqCount < index.keys.length && bounds.get(index.keys[eqCount]![0])?.eq !== undefined) {
      eqValues.push(bounds.get(index.keys[eqCount]![0])!.eq!);
      eqCount += 1;
    }
    const prefix = index.keys.slice(0, eqCount);
    const cmpPrefix = (doc: Doc) => {
      for (let i = 0; i < prefix.length; i++) {
        const [path, direction] = prefix[i]!;
        const c = compareValues(valueAt(doc, path), eqValues[i]) * direction;
        if (c !== 0) return c;
      }
      return 0;
    };
    let from = eqCount > 0 ? index.lowerBound(cmpPrefix) : 0;
    let to = eqCount > 0 ? index.lowerBound((doc) => (cmpPrefix(doc) <= 0 ? -1 : 1)) : docs.length;
    const next = index.keys[eqCount];
    const range = usable && next ? bounds.get(next[0]) : undefined;
    if (next && range && (range.lower || range.upper)) {
      const [path, direction] = next;
      const below = (bound: { value: Scalar; inclusive: boolean }, doc: Doc) => {
        const c = compareValues(valueAt(doc, path), bound.value);
        return c < 0 || (c === 0 && !bound.inclusive);
      };
      const above = (bound: { value: Scalar; inclusive: boolean }, doc: Doc) => {
        const c = compareValues(valueAt(doc, path), bound.value);
        return c > 0 || (c === 0 && !bound.inclusive);
      };
      // In index order (direction 1) documents below the lower bound come first; reversed for -1.
      const [first, last] = direction === 1 ? [range.lower, range.upper] : [range.upper, range.lower];
      const before = direction === 1 ? below : above;
      const after = direction === 1 ? above : below;
      if (first) from = index.lowerBound((doc) => (cmpPrefix(doc) < 0 || before(first, doc) ? -1 : 1), from, to);
      if (last) to = index.lowerBound((doc) => (cmpPrefix(doc) < 0 || !after(last, doc) ? -1 : 1), from, to);
    }
    const rest = index.keys.slice(eqCount);
    const forward = rest.length <= sortKeys.length && rest.every(([path, d], i) => sortKeys[i]![0] === path && sortKeys[i]![1] === d);
    const backward = rest.length > 0 && rest.length <= sortKeys.length && rest.every(([path, d], i) => sortKeys[i]![0] === path && sortKeys[i]![1] === -d);
    const ordered = forward || backward;
    const size = to - from;
    // An ordered walk stops when the page is full; an unordered one must sort all it keeps.
    const cost = ordered ? size / 4 : size;
    if (!ordered && size >= total) continue;
    const exact = equalities !== null && equalities.size === eqCount && prefix.every(([path]) => equalities.has(path));
    if (!best || cost < best.cost) best = { plan: { index, from, to, reverse: backward && !forward, runKeys: ordered ? rest : [], ordered, exact }, cost };
  }
  return best?.plan ?? null;
}

/**
 * Walk a plan, yielding documents in the query's order (runs of equal index keys sorted by `compare`);
 * `resolve` turns the index's key documents into the documents the query's order and filter read.
 */
export function* walk(p: Plan, docs: readonly Doc[], compare: (a: Doc, b: Doc) => number, resolve: (keys: Doc) => Doc | null): Generator<Doc> {
  const sameRun = (a: Doc, b: Doc) => p.runKeys.every(([path]) => compareValues(valueAt(a, path), valueAt(b, path)) === 0);
  const step = p.reverse ? -1 : 1;
  let i = p.reverse ? p.to - 1 : p.from;
  const inside = (k: number) => k >= p.from && k < p.to;
  while (inside(i)) {
    const run: Doc[] = [docs[i]!];
    let k = i + step;
    while (inside(k) && sameRun(docs[k]!, run[0]!)) {
      run.push(docs[k]!);
      k += step;
    }
    const resolved = run.map(resolve).filter((doc): doc is Doc => doc !== null);
    if (resolved.length > 1) resolved.sort(compare);
    yield* resolved;
    i = k;
  }
}
