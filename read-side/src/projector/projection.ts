import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { Doc, IndexSpec } from '@sss/contracts/ports/read-store';
import { eventOf, type RecordedOf, type SssEventType } from '@sss/contracts/events/registry';

/**
 * A projection is pure: given an event and read access to the current documents, it answers the
 * documents to write. It never writes itself; the projector batches, persists and checkpoints.
 */
export interface DocReader {
  get(collection: string, id: string): Promise<Doc | null>;
  /**
   * Set when the projector only probes which documents a batch reads (the answers may be wrong and
   * the changes are dropped): a failure then is no attempt at the event (poison.ts).
   */
  readonly probing?: boolean;
}

export type DocChange =
  | { readonly op: 'put'; readonly collection: string; readonly doc: Doc }
  | { readonly op: 'delete'; readonly collection: string; readonly id: string };

export interface Projection {
  /** Stable name: the checkpoint key and the prefix of its physical collections. */
  readonly name: string;
  /**
   * Bump it whenever a change to `project` or `collections` makes the stored documents wrong: a
   * start that finds another version rebuilds it beside the serving one (docs/rebuilds.md).
   */
  readonly version: number;
  /** Logical collections it writes, with the indexes every list query needs. */
  readonly collections: Readonly<Record<string, readonly IndexSpec[]>>;
  project(event: RecordedEvent, docs: DocReader): Promise<readonly DocChange[]> | readonly DocChange[];
  /** Whether `project` may change anything for this event; absent: any event may. Only traces use it. */
  readonly handles?: (event: RecordedEvent) => boolean;
}

/** A projection as written: the event types it handles, and a `project` that receives exactly those, typed. */
export interface ProjectionDefinition<T extends SssEventType> {
  readonly name: string;
  readonly version: number;
  readonly collections: Readonly<Record<string, readonly IndexSpec[]>>;
  readonly canHandle: readonly T[];
  project(event: RecordedOf<T>, docs: DocReader): Promise<readonly DocChange[]> | readonly DocChange[];
}

/**
 * The projector hands every event to every projection; this is where a projection's `canHandle`
 * turns that into only its own types (in their own stream category), so no projection filters by
 * stream name or casts event data itself. Anything else answers no change.
 */
export function defineProjection<const T extends SssEventType>(definition: ProjectionDefinition<T>): Projection {
  const handles = eventOf(definition.canHandle);
  return {
    name: definition.name,
    version: definition.version,
    collections: definition.collections,
    handles,
    project: (event, docs) => (handles(event) ? definition.project(event, docs) : []),
  };
}
