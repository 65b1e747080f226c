import type { Observable } from 'rxjs';

/**
 * The event store port. Every adapter (embedded SQLite, EventStoreDB) passes the same conformance
 * suite (`write-side/src/eventstore/conformance.ts`), so the rest of the system never knows which
 * one it runs on. Positions and revisions are bigint end to end: EventStoreDB positions exceed 2^53.
 */

/** What the writer believes about the stream it appends to. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** Metadata every recorded event carries (docs/architecture.md §Events and tamper evidence). */
export interface EventMetadata {
  /** UUIDv7: time-ordered, so ids sort roughly by creation. */
  readonly eventId: string;
  /** ISO-8601 UTC instant at which the event was recorded. */
  readonly occurredAt: string;
  /** User id (or `system:<component>`) on whose behalf the event was recorded. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly schemaVersion: number;
  /** Hash of the previous event of the same stream ('' for the first event). */
  readonly prevHash: string;
  /** sha256 over prevHash and this event's canonical content: tamper evidence per stream. */
  readonly hash: string;
  /**
   * W3C traceparent of the span that appended the event, when tracing is on: subscribers continue
   * the command's trace from it (contracts/src/tracing/spans.ts). Covered by the hash like the rest.
   */
  readonly traceparent?: string;
}

/** What a writer supplies; the store fills eventId/occurredAt when absent, and always the hashes. */
export interface NewEvent<D = unknown> {
  readonly type: string;
  readonly data: D;
  readonly metadata: {
    readonly actor: string;
    readonly correlationId: string;
    readonly causationId?: string | null;
    readonly schemaVersion?: number;
    readonly eventId?: string;
    readonly occurredAt?: string;
    readonly traceparent?: string;
  };
}

export interface RecordedEvent<D = unknown> {
  readonly streamName: string;
  /** 0-based revision within the stream. */
  readonly revision: bigint;
  /** Global position in the store's total order (strictly increasing, not necessarily dense). */
  readonly position: bigint;
  readonly type: string;
  readonly data: D;
  readonly metadata: EventMetadata;
  /**
   * Set when the event was read in a newer shape than stored (upcast, docs/schema-evolution.md): the
   * data and metadata as stored, which its hash covers. Verifying a chain hashes these, never the upcast.
   */
  readonly stored?: { readonly data: unknown; readonly metadata: EventMetadata };
}

export interface AppendResult {
  /** Revision of the last appended event: pass it as the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event: the read-your-writes token. */
  readonly position: bigint;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision (forwards: lowest, backwards: highest). */
  readonly fromRevision?: bigint;
  /** Stop after this revision (inclusive): "the stream as it was at revision N". */
  readonly toRevision?: bigint;
  /** Only events recorded at or before this instant: "the stream as it was then". */
  readonly until?: string;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0n (or absent) reads from the beginning. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

export interface EventStore {
  append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** An absent stream reads as an empty array. */
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Every event strictly after `after` (0n = from the beginning): first the history (catch-up),
   * then live events as they are appended. Never completes on its own; unsubscribe to stop.
   * System events of the underlying engine are filtered out.
   */
  subscribeAll(after: bigint): Observable<RecordedEvent>;
  /** Position of the newest event (0n when empty): projector lag = head - checkpoint. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

/** Raised by every adapter when the expected revision does not match the stream. */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}
