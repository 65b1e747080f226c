import type { Doc, SortSpec } from '@sss/contracts/ports/read-store';

/** The embedded read store's document order, shared by its sorts and its indexes. */

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

/** Ascending comparison of two field values (missing equals null). */
export function compareValues(x: unknown, y: unknown): number {
  const byRank = rank(x) - rank(y);
  if (byRank !== 0) return byRank;
  if (x === y || x === null || x === undefined) return 0;
  return (x as number | string) < (y as number | string) ? -1 : (x as number | string) > (y as number | string) ? 1 : 0;
}

export function compareBy(sort: SortSpec): (a: Doc, b: Doc) => number {
  const keys = Object.entries(sort);
  return (a, b) => {
    for (const [path, direction] of keys) {
      const result = compareValues(valueAt(a, path), valueAt(b, path));
      if (result !== 0) return result * direction;
    }
    return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
  };
}
