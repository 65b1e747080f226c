import { DomainError } from '@sss/contracts/http/problem';
import type { Doc, Filter, ReadStore, SortSpec } from '@sss/contracts/ports/read-store';

/**
 * How many rows one export or report may hold. A CSV that finance reconciles against must hold every
 * row the filter matches or none at all: a silently cut list (it used to stop at 10,000) adds up to
 * a wrong total nobody notices. Past this bound the request is refused with a problem saying how many
 * rows matched, so the person narrows the period instead.
 */
export const ALL_ROWS_MAX = 100_000;

/** How a bounded read is refused: its bound, the request field that narrows it, and what to narrow by. */
export interface RowBound {
  readonly max?: number;
  /** Named in the problem's errors[] so the screen can put the message beside that field. */
  readonly field?: string;
  /** The sentence telling the person how to narrow (default: by period or conditions). */
  readonly narrow?: string;
}

/** The one refusal of a read past its bound: 422 with how many rows matched and the bound. */
export function beyondBound(total: number, bound: RowBound = {}): DomainError {
  const max = bound.max ?? ALL_ROWS_MAX;
  const message = `対象が${total.toLocaleString('ja-JP')}件あり、一度に扱える${max.toLocaleString('ja-JP')}件を超えています。${bound.narrow ?? '期間や条件で絞り込んでください。'}`;
  return new DomainError('rule_violated', message, bound.field ? [{ field: bound.field, message }] : [], { total, max });
}

/** Every document the filter matches, in `sort` order, or a 422 problem when there are more than the bound. */
export async function allRows(store: ReadStore, collection: string, filter: Filter, sort?: SortSpec, bound: RowBound = {}): Promise<Doc[]> {
  const total = await store.count(collection, filter);
  if (total > (bound.max ?? ALL_ROWS_MAX)) throw beyondBound(total, bound);
  // A row added between the count and the read is included: the bound is a guard, not an exact cap.
  return store.find(collection, filter, sort ? { sort } : {});
}
