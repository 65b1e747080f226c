import type { Filter } from '@sss/contracts/ports/read-store';
import { foldForSearch } from '@sss/contracts/domain/search-key';

/** Free text becomes a literal pattern: a person typing "(株)" searches for those characters. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The field a projection stores a folded search key in (`searchKeyOf`); bookkeeping like `_id`. */
export const SEARCH_KEY = '_search';

/** The filter for a typed query: a literal substring of the stored key, folded alike; null when nothing was typed. */
export function searchFilter(query: string | undefined): Filter | null {
  const folded = foldForSearch(query ?? '');
  return folded ? { [SEARCH_KEY]: { $regex: escapeRegex(folded) } } : null;
}

/** Storage bookkeeping (`_id`, `_pos`, the search key) never leaves the read side. */
export function publicDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignoredId, _pos: _ignoredPos, [SEARCH_KEY]: _ignoredKey, ...rest } = doc;
  return rest;
}

/**
 * A stored read-model document as the type its projection wrote. The read-store port is untyped
 * (documents cross it as JSON, and the MongoDB adapter cannot know our types); each collection is
 * written by exactly one projection, which builds the typed shape, so this is the one place that
 * trusts a document to be what its collection holds.
 */
export function storedAs<T>(doc: Record<string, unknown>): T {
  return doc as unknown as T;
}
