/**
 * A small named record that a writer replaces only if nobody replaced it since it read it: on
 * EventStoreDB, a stream's metadata appended with the metastream's expected revision
 * (esdb-event-store.ts). Checkpoints and leases live there, out of the log.
 */
export interface MetadataRegister {
  /** The record of `streamName` and the revision it was written at, or null when there is none. */
  read(streamName: string): Promise<{ readonly revision: bigint; readonly data: Readonly<Record<string, unknown>> } | null>;
  /** Replaces the record if it is still at `expected`; answers the new revision, or null when another writer moved it first. */
  write(streamName: string, data: Readonly<Record<string, unknown>>, expected: bigint | 'no_stream'): Promise<bigint | null>;
}
