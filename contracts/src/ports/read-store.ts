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

/**
 * A whole-document write or removal; projectors compute final documents, stores just persist them.
 * `at` is the position of the event that produced it: the store then also keeps it as a version of
 * the document valid from `at` (see docs/as-of.md). Several changes to one document in one apply
 * are its states event by event: the last one is the live document, each one is a version.
 *
 * A change with `at` is conditional on the document's position: it is applied only when the stored
 * document has no `POSITION_STAMP` or one below `at` (a delete leaves no stamp behind). So two
 * writers (a deposed projector and its successor) can never move a live document backwards.
 */
export type Change =
  | { readonly op: 'put'; readonly collection: string; readonly doc: Doc; readonly at?: bigint; readonly seen?: Seen }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string; readonly at?: bigint; readonly seen?: Seen };

/**
 * What the writer last read of a changed document before this apply: none (`absent`), or one with a
 * padded stamp below `at` (`stamped`). A hint that lets a store whose conditional writes are costly
 * pick the cheap one (an insert; a replace comparing `_pos` alone); the position condition above still
 * decides, so a wrong hint (another writer got there first) costs a retry, never a document moved back.
 */
export type Seen = 'absent' | 'stamped';

/**
 * Field every projected document carries: the position of the last event applied to it, as a
 * zero-padded 20-digit decimal (positions are unsigned 64-bit), so that string order is number order
 * and a store can compare it server-side (MongoDB has no unsigned 64-bit integer).
 */
export const POSITION_STAMP = '_pos';
export const stampOf = (position: bigint): string => position.toString().padStart(20, '0');
/** A document's stamp as a position; -1 for none. Stamps written before padding still parse. */
export const stampedPosition = (doc: Doc | null | undefined): bigint => (doc && typeof doc[POSITION_STAMP] === 'string' ? BigInt(doc[POSITION_STAMP]) : -1n);

/** When an event was recorded: the time index that turns an as-of date-time into a position. */
export interface EventTime {
  readonly position: bigint;
  /** ISO 8601 in UTC (`toISOString()`), so times compare as strings. */
  readonly time: string;
}

/** A moment to read as of: an event position, or a date-time (the last event recorded at or before it). */
export type Moment = { readonly position: bigint } | { readonly time: string };

export interface AsOfView {
  /** The position the moment resolved to (never beyond the latest recorded event). */
  readonly position: bigint;
  /** The resolved date-time: the one asked for, or the recorded time of the position asked for. */
  readonly time: string | null;
  /**
   * Versions are kept from this position on (0 for a store that kept them from the start): a
   * moment before it cannot be answered from this store, and the caller must say so.
   */
  readonly historyFrom: bigint;
  /** Read-only: writes through it throw. */
  readonly store: ReadStore;
}

export interface Checkpoint {
  readonly name: string;
  readonly position: bigint;
  /**
   * The fencing token of the lease the projector runs under (none = 0). A store that keeps leases
   * (MongoDB) refuses a checkpoint carrying a smaller token than the one recorded, so a deposed
   * leader can no longer move it once its successor has claimed it (docs/architecture.md
   * §Leadership and checkpoints). A store without leases has one writer and ignores it.
   */
  readonly token?: bigint;
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
  /**
   * The documents with these ids that exist, in any order, in one query: offered by adapters whose
   * reads are round trips, so the projector fetches what a batch touches at once (absent: it reads
   * one by one, which costs nothing when the documents are in memory).
   */
  getMany?(collection: string, ids: readonly string[]): Promise<Doc[]>;
  find(collection: string, filter?: Filter, options?: FindOptions): Promise<Doc[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  /** Group and sum (FerretDB v1 supports only $sum/$count accumulators, so that is all we ask). */
  groupSum(collection: string, filter: Filter, group: GroupSum): Promise<GroupRow[]>;
  /**
   * Persist changes and, when given, the checkpoint. Embedded: one transaction. MongoDB: documents
   * first (each write atomic per document, stamped with the position it reflects), checkpoint last,
   * so a crash in between replays the batch and the projector skips what each document already has.
   */
  apply(changes: readonly Change[], checkpoint?: Checkpoint, times?: readonly EventTime[]): Promise<void>;
  /** The read models as they were at a moment, from the versions `apply` kept (docs/as-of.md). */
  asOf(moment: Moment): Promise<AsOfView>;
  getCheckpoint(name: string): Promise<bigint | null>;
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  /** Remove a collection entirely (rebuild cleanup). */
  drop(collection: string): Promise<void>;
  close(): Promise<void>;
}
