/**
 * The read store port: a small document-collection API that both the embedded store and MongoDB
 * (real MongoDB or FerretDB v1) can honour. Filters are a subset of the MongoDB query language that
 * FerretDB v1 supports: equality, $eq $ne $gt $gte $lt $lte $in $nin $exists $regex (with $options 'i'),
 * $and $or, and dotted paths into sub-documents. Conformance: `read-side/src/store/conformance.ts`.
 */

export type Doc = { readonly _id: string } & Record<string, unknown>;
export type Filter = Record<string, unknown>;
export type SortSpec = Record<string, 1 | -1>;

export interface FindOptions {
  readonly sort?: SortSpec;
  readonly skip?: number;
  readonly limit?: number;
}

/** A whole-document write or removal; projectors compute final documents, stores just persist them. */
export type Change =
  | { readonly op: 'put'; readonly collection: string; readonly doc: Doc }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

export interface Checkpoint {
  readonly name: string;
  readonly position: bigint;
}

export interface IndexSpec {
  readonly keys: SortSpec;
  readonly unique?: boolean;
}

export interface GroupSum {
  /** Fields whose values form the group key (dotted paths allowed). */
  readonly by: readonly string[];
  /** Numeric fields to add up per group. */
  readonly sum: readonly string[];
}

export interface GroupRow {
  readonly key: Record<string, unknown>;
  readonly count: number;
  readonly sums: Record<string, number>;
}

export interface ReadStore {
  get(collection: string, id: string): Promise<Doc | null>;
  find(collection: string, filter?: Filter, options?: FindOptions): Promise<Doc[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  /** Group and sum (FerretDB v1 supports only $sum/$count accumulators, so that is all we ask). */
  groupSum(collection: string, filter: Filter, group: GroupSum): Promise<GroupRow[]>;
  /**
   * Persist changes and, when given, the checkpoint. Embedded: one transaction. MongoDB: documents
   * first (each write atomic per document, stamped with the position it reflects), checkpoint last,
   * so a crash in between replays the batch and the projector skips what each document already has.
   */
  apply(changes: readonly Change[], checkpoint?: Checkpoint): Promise<void>;
  getCheckpoint(name: string): Promise<bigint | null>;
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  /** Remove a collection entirely (rebuild cleanup). */
  drop(collection: string): Promise<void>;
  close(): Promise<void>;
}
