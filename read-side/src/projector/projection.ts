import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { Doc, IndexSpec } from '@sss/contracts/ports/read-store';

/**
 * A projection is pure: given an event and read access to the current documents, it answers the
 * documents to write. It never writes itself; the projector batches, persists and checkpoints.
 */
export interface DocReader {
  get(collection: string, id: string): Promise<Doc | null>;
}

export type DocChange =
  | { readonly op: 'put'; readonly collection: string; readonly doc: Doc }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

export interface Projection {
  /** Stable name: the checkpoint key and the prefix of its physical collections. */
  readonly name: string;
  /** Logical collections it writes, with the indexes every list query needs. */
  readonly collections: Readonly<Record<string, readonly IndexSpec[]>>;
  project(event: RecordedEvent, docs: DocReader): Promise<readonly DocChange[]> | readonly DocChange[];
}

/** Field stamped on every stored document: the position of the last event applied to it. */
export const POSITION_FIELD = '_pos';
