import { BehaviorSubject, defer, from, switchMap, type Subscription } from 'rxjs';
import { positionReached, retryWithBackoff, workInBatches } from '@sss/contracts/streams/operators';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import { POSITION_STAMP, stampedPosition, stampOf, type Change, type Checkpoint, type Doc, type EventTime, type ReadStore, type Seen } from '@sss/contracts/ports/read-store';
import { batchSpanOptions, withSpan } from '@sss/contracts/tracing/spans';
import type { DocReader, Projection } from './projection.ts';

/**
 * Runs one projection from its checkpoint: events are buffered into batches, projected against a
 * batch-local overlay (so later events in the batch see earlier ones), and written as whole
 * documents together with the checkpoint. Each stored document carries the position of the last
 * event applied to it; when a crash left some documents of a batch written and the checkpoint not,
 * the replay skips exactly the events each document already reflects: nothing lost, nothing doubled.
 *
 * Catching up (a rebuild, a restart behind the head) pulls the log page by page instead of being
 * pushed it, so memory holds one page and one batch in flight however long the log; the documents
 * a batch touches are fetched in one query where the store offers it (`getMany`), and a batch is
 * written while the next one is read and projected (docs/architecture.md §Read side).
 */

export interface ProjectorOptions {
  readonly events: EventStore;
  readonly store: ReadStore;
  readonly projection: Projection;
  /** Physical collection name for a logical one (generations for blue/green rebuilds). */
  readonly physical?: (collection: string) => string;
  /** Checkpoint key; defaults to the projection name. */
  readonly checkpointName?: string;
  /** The fencing token of the lease it runs under: claims the checkpoint at start and rides on every write of it. */
  readonly token?: bigint;
  /** The most events one batch holds; following the log live, a batch is what arrived while the previous one was written. */
  readonly batchSize?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

export interface RunningProjector {
  /** Position of the last event whose effects are stored (0n before the first). */
  readonly position$: BehaviorSubject<bigint>;
  /** Resolves true once the projection has reached `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** A document as the batch sees it, and the position the stored copy already reflects. */
interface Entry {
  readonly collection: string;
  readonly id: string;
  doc: Doc | null;
  readonly storedPos: bigint;
  /** What the store holds when this batch's write lands (read-store.ts `Seen`), as far as this projector knows. */
  readonly seen: Seen | undefined;
}
type Overlay = Map<string, Entry>;

/** A stamp written by this code is 20 digits; an older, shorter one needs the store's general condition. */
const seenOf = (doc: Doc | null): Seen | undefined => (doc === null ? 'absent' : typeof doc[POSITION_STAMP] === 'string' && doc[POSITION_STAMP].length === 20 ? 'stamped' : undefined);

interface Prepared {
  readonly writes: Change[];
  readonly checkpoint: Checkpoint;
  readonly times: EventTime[];
  /** Every document the batch read or wrote, as the batch leaves it. */
  readonly overlay: Overlay;
}

/** Discovery rounds before projecting: a read that depends on another read's answer needs one more. */
const PREFETCH_ROUNDS = 3;

/**
 * Project a batch against what the store holds, except the documents in `carried`: the state the
 * previous batch leaves them in, whose write may still be in flight.
 */
async function prepareBatch(options: ProjectorOptions, batch: readonly RecordedEvent[], carried: Overlay): Promise<Prepared> {
  const { store, projection } = options;
  const physical = options.physical ?? ((c: string) => c);
  const overlay: Overlay = new Map();
  const known = (collection: string, id: string): Entry | undefined => {
    const key = keyOf(collection, id);
    let entry = overlay.get(key);
    if (!entry) {
      const previous = carried.get(key);
      // The batch in flight lands before this one's write: its result is what the store will hold.
      if (previous) overlay.set(key, (entry = { ...previous, seen: seenOf(previous.doc) }));
    }
    return entry;
  };
  const remember = (collection: string, id: string, doc: Doc | null): Entry => {
    const entry = { collection, id, doc, storedPos: stampedPosition(doc), seen: seenOf(doc) };
    overlay.set(keyOf(collection, id), entry);
    return entry;
  };
  if (store.getMany) await prefetch(options, batch, known, remember);
  const load = async (collection: string, id: string) => known(collection, id) ?? remember(collection, id, await store.get(physical(collection), id));
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
    const changed = new Set<Entry>();
    for (const change of changes) {
      const id = change.op === 'put' ? change.doc._id : change.id;
      const entry = await load(change.collection, id);
      // Already in the stored document from a run that crashed before its checkpoint.
      if (entry.storedPos >= event.position) continue;
      entry.doc = change.op === 'put' ? { ...change.doc, [POSITION_STAMP]: stampOf(event.position) } : null;
      changed.add(entry);
    }
    for (const entry of changed) {
      const seen = entry.seen === undefined ? {} : { seen: entry.seen };
      writes.push(
        entry.doc
          ? { op: 'put', collection: physical(entry.collection), doc: entry.doc, at: event.position, ...seen }
          : { op: 'delete', collection: physical(entry.collection), id: entry.id, at: event.position, ...seen },
      );
    }
  }
  const checkpoint = { name: options.checkpointName ?? projection.name, position: batch[batch.length - 1]!.position, ...(options.token === undefined ? {} : { token: options.token }) };
  return { writes, checkpoint, times: eventTimes(batch), overlay };
}

/**
 * Learn which documents a batch reads by projecting it against what is known so far, the unknown
 * answered as absent (projections are pure, so a probe has no effect), then fetch those in one
 * query per collection; repeated while a probe asks for more (a read that depends on another).
 * The real pass then finds them all in the overlay, and reads one by one only what a probe missed.
 */
async function prefetch(
  options: ProjectorOptions,
  batch: readonly RecordedEvent[],
  known: (collection: string, id: string) => Entry | undefined,
  remember: (collection: string, id: string, doc: Doc | null) => Entry,
): Promise<void> {
  const physical = options.physical ?? ((c: string) => c);
  for (let round = 0; round < PREFETCH_ROUNDS; round++) {
    const wanted = new Map<string, Set<string>>();
    const probe: DocReader = {
      probing: true,
      async get(collection, id) {
        const entry = known(collection, id);
        if (entry) return entry.doc ? structuredClone(entry.doc) : null;
        let ids = wanted.get(collection);
        if (!ids) wanted.set(collection, (ids = new Set()));
        ids.add(id);
        return null;
      },
    };
    for (const event of batch) {
      try {
        await options.projection.project(event, probe);
      } catch {
        // A projection may refuse an absent document; the real pass reads it and decides.
      }
    }
    if (wanted.size === 0) return;
    for (const [collection, ids] of wanted) {
      const found = new Map((await options.store.getMany!(physical(collection), [...ids])).map((doc) => [doc._id, doc]));
      for (const id of ids) remember(collection, id, found.get(id) ?? null);
    }
  }
}

/** Project one batch and write it with its checkpoint (the batch before it must be written). */
export async function projectBatch(options: ProjectorOptions, batch: readonly RecordedEvent[]): Promise<void> {
  const prepared = await prepareBatch(options, batch, new Map());
  await options.store.apply(prepared.writes, prepared.checkpoint, prepared.times);
}

/**
 * Batches written in order, each while the next is read and projected: the next batch sees the
 * documents the one in flight writes through the carried overlay, and every other document is not
 * being written, so reading it from the store is exact. A failed write fails the next push (or
 * `drain`); the caller then starts again from the stored checkpoint.
 */
class BatchPipeline {
  private inflight: Promise<void> = Promise.resolve();
  private carried: Overlay = new Map();

  constructor(
    private readonly options: ProjectorOptions,
    private readonly onWritten: (position: bigint) => void,
    /**
     * Keep the previous batch's documents for the next one. Catching up, yes; following the log
     * live, no: batches are small there and re-reading keeps anything else written meanwhile (a
     * parked event retried by hand) instead of overwriting it with what this pipeline remembered.
     */
    private readonly carry: boolean,
  ) {}

  async push(batch: readonly RecordedEvent[]): Promise<void> {
    let prepared: Prepared;
    try {
      prepared = await tracedPrepare(this.options, batch, this.carried);
    } catch (error) {
      // The retry starts from the stored checkpoint: the batch in flight lands before it does.
      await this.inflight.catch(() => {});
      throw error;
    }
    await this.inflight;
    if (this.carry) this.carried = prepared.overlay;
    const written = this.options.store.apply(prepared.writes, prepared.checkpoint, prepared.times).then(() => this.onWritten(prepared.checkpoint.position));
    // Surfaced by the next push or drain, never as an unhandled rejection.
    written.catch(() => {});
    this.inflight = written;
  }

  drain(): Promise<void> {
    return this.inflight;
  }
}

/** A span only for a batch holding events of this projection: the others would be noise in every trace. */
function tracedPrepare(options: ProjectorOptions, batch: readonly RecordedEvent[], carried: Overlay): Promise<Prepared> {
  const { projection } = options;
  const mine = projection.handles ? batch.filter(projection.handles) : batch;
  if (mine.length === 0) return prepareBatch(options, batch, carried);
  return withSpan(`project ${projection.name}`, batchSpanOptions(mine.map((event) => event.metadata.traceparent), { attributes: batchAttributes(batch, projection.name) }), () => prepareBatch(options, batch, carried));
}

/**
 * Catch up to the head of the log by pages pulled from the store (a subscription pushes the whole
 * history as fast as it reads it, and every page waits in memory for the projector): one page is
 * projected while the next is read, and each batch is written while the next is projected. Returns
 * the position reached when a page comes back short (the head) or `stopped()` says so.
 */
async function catchUp(options: ProjectorOptions, pipeline: BatchPipeline, from: bigint, pageSize: number, batchSize: number, stopped: () => boolean): Promise<bigint> {
  const read = (after: bigint) => {
    const page = options.events.readAll({ after, maxCount: pageSize });
    page.catch(() => {});
    return page;
  };
  let position = from;
  let next: Promise<RecordedEvent[]> | null = read(position);
  while (next && !stopped()) {
    const page: RecordedEvent[] = await next;
    if (page.length === 0) break;
    const last = page[page.length - 1]!.position;
    next = page.length < pageSize ? null : read(last);
    for (let from = 0; from < page.length; from += batchSize) await pipeline.push(page.slice(from, from + batchSize));
    position = last;
  }
  await pipeline.drain();
  return position;
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

/** Events per page while catching up: larger pages, fewer round trips to the log. */
const CATCH_UP_PAGE = 2_000;
/** How long stop waits for the batch being written. */
const STOP_WAIT_MS = 5_000;

export async function startProjector(options: ProjectorOptions): Promise<RunningProjector> {
  const { events, store, projection } = options;
  const physical = options.physical ?? ((c: string) => c);
  const checkpointName = options.checkpointName ?? projection.name;
  for (const [collection, indexes] of Object.entries(projection.collections)) {
    await store.ensureIndexes(physical(collection), indexes);
  }
  const position$ = new BehaviorSubject<bigint>((await store.getCheckpoint(checkpointName)) ?? 0n);
  // Claimed before anything is projected: from here on the predecessor's late writes are refused.
  if (options.token !== undefined) await store.apply([], { name: checkpointName, position: position$.value, token: options.token });
  const batchSize = options.batchSize ?? 500;
  const reached = (position: bigint) => position$.next(position);
  let stopped = false;
  // The work under way (a batch being projected or written), which stop waits for.
  let working: Promise<unknown> = Promise.resolve();
  const track = <T>(work: Promise<T>): Promise<T> => {
    working = work.catch(() => {});
    return work;
  };

  const run: Subscription = defer(() =>
    from(
      track(
        (async () => {
          // Catch up by pages first (memory holds a page and a batch in flight), then follow the log live from there.
          // A store whose reads and writes are round trips (it offers getMany) writes a page in batches, each
          // overlapping the next one's projecting; an in-process one (SQLite, synchronous) gains nothing from
          // overlap and writes the page in one transaction: one fsync instead of four.
          const pageSize = Math.max(batchSize, CATCH_UP_PAGE);
          const checkpoint = (await store.getCheckpoint(checkpointName)) ?? 0n;
          return catchUp(options, new BatchPipeline(options, reached, true), checkpoint, pageSize, store.getMany ? batchSize : pageSize, () => stopped);
        })(),
      ),
    ),
  )
    .pipe(
      switchMap((position) => {
        const pipeline = new BatchPipeline(options, reached, false);
        return events.subscribeAll(position).pipe(
          // No window to wait out: an event alone is projected at once (the company → partner path's delay), a busy log in batches.
          workInBatches(batchSize, (batch: RecordedEvent[]) => track(pipeline.push(batch).then(() => pipeline.drain()))),
        );
      }),
      // A failed batch is retried from the stored checkpoint with growing pauses.
      retryWithBackoff((error, attempt) => options.onError?.(error, attempt)),
    )
    .subscribe({ error: (error: unknown) => options.onError?.(error, -1) });

  return {
    position$,
    waitFor: (position, timeoutMs) => positionReached(position$, position, timeoutMs),
    async stop() {
      stopped = true;
      run.unsubscribe();
      // No write lands after stop returns (the caller may close the store next), unless a
      // projection hangs: then stop gives up waiting rather than hang the shutdown too.
      // The timer holds the process open (stop() answers within STOP_WAIT_MS even when nothing else is
      // pending) and is cleared as soon as the work settles.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([working, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
      clearTimeout(timer);
      position$.complete();
    },
  };
}
