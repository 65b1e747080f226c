import { BehaviorSubject, concatMap, defer, from, switchMap, type Subscription } from 'rxjs';
import { batches, positionReached, retryWithBackoff } from '@sss/contracts/streams/operators';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import { POSITION_STAMP, stampedPosition, stampOf, type Change, type Doc, type EventTime, type ReadStore } from '@sss/contracts/ports/read-store';
import { batchSpanOptions, withSpan } from '@sss/contracts/tracing/spans';
import type { DocReader, Projection } from './projection.ts';

/**
 * Runs one projection from its checkpoint: events are buffered into batches, projected against a
 * batch-local overlay (so later events in the batch see earlier ones), and written as whole
 * documents together with the checkpoint. Each stored document carries the position of the last
 * event applied to it; when a crash left some documents of a batch written and the checkpoint not,
 * the replay skips exactly the events each document already reflects: nothing lost, nothing doubled.
 */

export interface ProjectorOptions {
  readonly events: EventStore;
  readonly store: ReadStore;
  readonly projection: Projection;
  /** Physical collection name for a logical one (generations for blue/green rebuilds). */
  readonly physical?: (collection: string) => string;
  /** Checkpoint key; defaults to the projection name. */
  readonly checkpointName?: string;
  readonly batchSize?: number;
  readonly batchMs?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

export interface RunningProjector {
  /** Position of the last event whose effects are stored (0n before the first). */
  readonly position$: BehaviorSubject<bigint>;
  /** Resolves true once the projection has reached `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

export async function projectBatch(options: ProjectorOptions, batch: readonly RecordedEvent[]): Promise<void> {
  const { store, projection } = options;
  const physical = options.physical ?? ((c: string) => c);
  const overlay = new Map<string, { collection: string; id: string; doc: Doc | null; storedPos: bigint }>();
  const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
  const load = async (collection: string, id: string) => {
    const key = keyOf(collection, id);
    let entry = overlay.get(key);
    if (!entry) {
      const doc = await store.get(physical(collection), id);
      overlay.set(key, (entry = { collection, id, doc, storedPos: stampedPosition(doc) }));
    }
    return entry;
  };
  const reader: DocReader = {
    async get(collection, id) {
      const { doc } = await load(collection, id);
      return doc ? structuredClone(doc) : null;
    },
  };
  // Each document's state after each event that changed it: the store keeps them as versions
  // (as-of views, docs/as-of.md) and the last one of each document as the live document.
  const writes: Change[] = [];
  for (const event of batch) {
    const changes = await projection.project(event, reader);
    const changed = new Set<string>();
    for (const change of changes) {
      const id = change.op === 'put' ? change.doc._id : change.id;
      const entry = await load(change.collection, id);
      // Already in the stored document from a run that crashed before its checkpoint.
      if (entry.storedPos >= event.position) continue;
      entry.doc = change.op === 'put' ? { ...change.doc, [POSITION_STAMP]: stampOf(event.position) } : null;
      changed.add(keyOf(change.collection, id));
    }
    for (const key of changed) {
      const entry = overlay.get(key)!;
      writes.push(
        entry.doc
          ? { op: 'put', collection: physical(entry.collection), doc: entry.doc, at: event.position }
          : { op: 'delete', collection: physical(entry.collection), id: entry.id, at: event.position },
      );
    }
  }
  await store.apply(writes, { name: options.checkpointName ?? projection.name, position: batch[batch.length - 1]!.position }, eventTimes(batch));
}

/**
 * The time index: the last event of each run of events recorded at the same instant (and of the
 * batch), so "the last event at or before T" is the greatest indexed position whose time is ≤ T.
 */
function eventTimes(batch: readonly RecordedEvent[]): EventTime[] {
  const times: EventTime[] = [];
  const timeOf = (event: RecordedEvent) => new Date(event.metadata.occurredAt).toISOString();
  batch.forEach((event, i) => {
    const next = batch[i + 1];
    if (!next || timeOf(next) !== timeOf(event)) times.push({ position: event.position, time: timeOf(event) });
  });
  return times;
}

/** What a projector batch's span says: which projection, how many events, which positions. */
function batchAttributes(batch: readonly RecordedEvent[], projection: string) {
  return { 'sss.subscriber': projection, 'sss.events': batch.length, 'sss.position.first': batch[0]!.position.toString(), 'sss.position.last': batch[batch.length - 1]!.position.toString() };
}

export async function startProjector(options: ProjectorOptions): Promise<RunningProjector> {
  const { events, store, projection } = options;
  const physical = options.physical ?? ((c: string) => c);
  const checkpointName = options.checkpointName ?? projection.name;
  for (const [collection, indexes] of Object.entries(projection.collections)) {
    await store.ensureIndexes(physical(collection), indexes);
  }
  const position$ = new BehaviorSubject<bigint>((await store.getCheckpoint(checkpointName)) ?? 0n);

  const run: Subscription = defer(() => from(store.getCheckpoint(checkpointName)))
    .pipe(
      switchMap((checkpoint) => events.subscribeAll(checkpoint ?? 0n)),
      batches(options.batchMs ?? 20, options.batchSize ?? 500),
      concatMap(async (batch) => {
        // A span only for a batch holding events of this projection: the others would be noise in every trace.
        const mine = projection.handles ? batch.filter(projection.handles) : batch;
        if (mine.length === 0) await projectBatch(options, batch);
        else await withSpan(`project ${projection.name}`, batchSpanOptions(mine.map((event) => event.metadata.traceparent), { attributes: batchAttributes(batch, projection.name) }), () => projectBatch(options, batch));
        position$.next(batch[batch.length - 1]!.position);
      }),
      // A failed batch is retried from the stored checkpoint with growing pauses.
      retryWithBackoff((error, attempt) => options.onError?.(error, attempt)),
    )
    .subscribe({ error: (error: unknown) => options.onError?.(error, -1) });

  return {
    position$,
    waitFor: (position, timeoutMs) => positionReached(position$, position, timeoutMs),
    async stop() {
      run.unsubscribe();
      position$.complete();
    },
  };
}

