/**
 * Deep equality of plain JSON values, independent of key order. "Nothing changed → no event"
 * compares a fresh command with state folded from stored events; their key order may differ
 * (another writer, an older schema), and that must never count as a change. Every decider's
 * change detection uses this one, never `JSON.stringify` (key order) nor `util.isDeepStrictEqual`
 * (it tells -0 from 0 and compares prototypes, neither of which survives a trip through JSON).
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
