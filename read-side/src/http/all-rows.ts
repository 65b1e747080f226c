import { DomainError } from '@sss/contracts/http/problem';
import type { Doc, Filter, ReadStore, SortSpec } from '@sss/contracts/ports/read-store';

/**
 * How many rows one export or report may hold. A CSV that finance reconciles against must hold every
 * row the filter matches or none at all: a silently cut list (it used to stop at 10,000) adds up to
 * a wrong total nobody notices. Past this bound the request is refused with a problem saying how many
 * rows matched, so the person narrows the period instead.
 */
export const ALL_ROWS_MAX = 100_000;

/** Every document the filter matches, in `sort` order, or a 422 problem when there are more than `max`. */
export async function allRows(store: ReadStore, collection: string, filter: Filter, sort?: SortSpec, max = ALL_ROWS_MAX): Promise<Doc[]> {
  const total = await store.count(collection, filter);
  if (total > max) {
    throw new DomainError('rule_violated', `対象が${total.toLocaleString('ja-JP')}件あり、一度に出力できる${max.toLocaleString('ja-JP')}件を超えています。期間や条件で絞り込んでください。`, [], { total, max });
  }
  // A row added between the count and the read is included: the bound is a guard, not an exact cap.
  return store.find(collection, filter, sort ? { sort } : {});
}
