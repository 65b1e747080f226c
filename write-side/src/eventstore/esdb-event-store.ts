import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  ErrorType,
  InvalidArgumentError,
  StreamNotFoundError,
  UnavailableError,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import {
  RevisionConflictError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@sss/contracts/ports/event-store';
import { stampEvents, type StampedEvent } from './metadata.ts';
import { esdbCheckpointStore } from './esdb-checkpoint-store.ts';
import type { WithCheckpoints } from './checkpoint-store.ts';
import type { MetadataRegister } from './metadata-register.ts';
import { esdbLeaseStore } from './esdb-lease-store.ts';
import type { WithLeases } from '@sss/contracts/ports/leases';

/**
 * The EventStoreDB adapter of the event-store port, on `@eventstore/db-client` 6.x. This is the only
 * file that imports the client, so a move to `@kurrent/kurrentdb-client` touches this file alone.
 *
 * Positions. EventStoreDB orders $all by a log position `{commit, prepare}` (two uint64). Every event
 * appended through gRPC on a single node or cluster is an implicit transaction whose commit position
 * equals its prepare position, so our bigint position IS that common value: `toEsdbPosition(p) =
 * {commit: p, prepare: p}`, `fromEsdbPosition({commit}) = commit`. Both directions are exact bigint
 * arithmetic (never a JS number), valid for 0..2^64-1. Only legacy explicit TCP transactions produce
 * commit != prepare; $all still orders by commit first, so order is kept, but resuming from the middle
 * of such a transaction is not expressible in one bigint (we never write those).
 *
 * Concurrency. The hash chain of a stream needs the predecessor of the first new event, so an append
 * finds that event (remembered from an earlier read or append of this process, else read from the
 * server), checks the caller's expectation against it locally, stamps the events, and appends with
 * the EXACT revision it chained onto as the client's `expectedRevision` (NO_STREAM for a new stream).
 * The server is therefore the arbiter of every race; a WrongExpectedVersionError becomes our
 * RevisionConflictError. Callers of 'any'/'stream_exists' pinned nothing, so for them we re-read the
 * head and retry instead. An append whose answer is lost (connection drop, deadline) is sent again
 * with the same event ids and the same pin, so it can land at most once: EventStoreDB answers the
 * identical retry as done, and should it refuse, the ids after the pin tell whether ours landed.
 */

export interface EsdbEventStoreOptions {
  /** Back-off between resubscription attempts after a dropped subscription. */
  readonly resubscribeDelayMs?: { readonly initial: number; readonly max: number };
  /** Told about every resubscription (observability and tests). */
  readonly onResubscribe?: (info: { readonly after: bigint; readonly attempt: number; readonly error: unknown }) => void;
  /**
   * Test seam: runs after the head was read and the events stamped, right before the append is
   * sent. A test uses it to let another writer win the race deterministically.
   */
  readonly beforeAppendSent?: (streamName: string) => Promise<void>;
}

const UINT64_MAX = (1n << 64n) - 1n;
const READ_PAGE = 500;
const DEFAULT_READ_ALL_COUNT = 500;
/** 'any'/'stream_exists' appends retry this often when other writers keep moving the head. */
const MAX_UNPINNED_ATTEMPTS = 20;
/** Sends of one pinned batch whose answer was lost in transit. */
const MAX_SEND_ATTEMPTS = 5;
/** Streams whose last known (revision, hash) we keep; beyond this the oldest are forgotten. */
const KNOWN_HEADS_LIMIT = 10_000;

export function toEsdbPosition(position: bigint): Position {
  if (position < 0n || position > UINT64_MAX) throw new RangeError(`Position ${position} is outside EventStoreDB's uint64 range`);
  return { commit: position, prepare: position };
}

export function fromEsdbPosition(position: Position): bigint {
  return position.commit;
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (typeof expected !== 'bigint' || expected < 0n) throw new RangeError(`Invalid expected revision ${String(expected)}`);
      return expected;
  }
}

/**
 * The options object handed to `appendToStream`. Kept as one function so a test can prove the
 * client honours it: `@kurrent/kurrentdb-client` renamed the key to `streamState` and silently
 * ignores `expectedRevision`, which would drop every concurrency check (docs/architecture.md §Events and tamper evidence).
 */
export function appendOptions(expected: ExpectedRevision): { expectedRevision: AppendExpectedRevision } {
  return { expectedRevision: toEsdbExpectedRevision(expected) };
}

const isSystemEvent = (type: string) => type.startsWith('$');

const isWrongExpectedVersion = (error: unknown) => error instanceof Error && isCommandError(error) && error.type === ErrorType.WRONG_EXPECTED_VERSION;

const actualOf = (error: unknown): bigint | 'no_stream' => {
  const actual = (error as { actualVersion?: unknown }).actualVersion;
  return typeof actual === 'bigint' ? actual : 'no_stream';
};

/** The request may have reached the server, but its answer did not reach us. */
const isAnswerLost = (error: unknown) => error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof CancelledError;

/** Errors a later attempt will not fix: resubscribing would only spin. */
const isPermanent = (error: unknown) => error instanceof AccessDeniedError || error instanceof InvalidArgumentError;

const satisfies = (expected: ExpectedRevision, actual: bigint | 'no_stream') =>
  expected === 'any' ||
  (expected === 'no_stream' && actual === 'no_stream') ||
  (expected === 'stream_exists' && actual !== 'no_stream') ||
  (typeof expected === 'bigint' && expected === actual);

function metadataOf(event: EsdbRecordedEvent): EventMetadata {
  const metadata = event.metadata as Partial<EventMetadata> | undefined;
  if (metadata && typeof metadata === 'object' && typeof metadata.eventId === 'string' && typeof metadata.hash === 'string') {
    return metadata as EventMetadata;
  }
  // Written by someone other than SSS (another tool on a shared server): describe it from what the
  // server knows rather than failing every reader of $all on it.
  return {
    eventId: event.id,
    occurredAt: event.created.toISOString(),
    actor: 'unknown',
    correlationId: event.id,
    causationId: null,
    schemaVersion: 1,
    prevHash: '',
    hash: '',
  };
}

function toRecorded(event: EsdbRecordedEvent, fallbackPosition?: bigint): RecordedEvent {
  const position = event.position ? fromEsdbPosition(event.position) : fallbackPosition;
  if (position === undefined) throw new Error(`EventStoreDB reported no position for ${event.streamId}@${event.revision}`);
  return {
    streamName: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: event.data,
    metadata: metadataOf(event),
  };
}

/**
 * Drain a client read to its end, ignoring what comes after 'stop'. Breaking out early would leave
 * the gRPC call's buffered tail unread, and `client.dispose()` then waits forever for it to finish;
 * callers bound the read with `maxCount` instead, so the tail is small.
 */
async function collect<E, T>(read: StreamingRead<E>, take: (event: E) => T | undefined | 'stop'): Promise<T[]> {
  const out: T[] = [];
  let stopped = false;
  for await (const item of read) {
    if (stopped) continue;
    const value = take(item);
    if (value === 'stop') stopped = true;
    else if (value !== undefined) out.push(value);
  }
  return out;
}

/**
 * Stream metadata (`$$<stream>`) as a compare-and-set register. EventStoreDB keeps only the last
 * event of a metastream (its metastreams have a max count of 1; older metaevents are scavenged), and
 * a metaevent's type starts with `$`, so SSS's reads of $all and its subscriptions never see it:
 * state kept here neither grows the log nor enters the ledger chain (docs/architecture.md
 * §Leadership and checkpoints).
 */
function metadataRegister(client: EventStoreDBClient): MetadataRegister {
  const metastream = (streamName: string) => `$$${streamName}`;
  return {
    async read(streamName) {
      try {
        const [last] = await collect(client.readStream(metastream(streamName), { direction: BACKWARDS, fromRevision: END, maxCount: 1 }), (r: ResolvedEvent) => r.event);
        if (!last || !last.isJson || typeof last.data !== 'object' || last.data === null) return null;
        return { revision: last.revision, data: last.data as Record<string, unknown> };
      } catch (error) {
        if (error instanceof StreamNotFoundError) return null;
        throw error;
      }
    },
    async write(streamName, data, expected) {
      try {
        // What `setStreamMetadata` sends, with our own keys and the metastream's revision pinned.
        const result = await client.appendToStream(metastream(streamName), jsonEvent({ type: '$metadata', data: data as JSONType }), { expectedRevision: expected === 'no_stream' ? NO_STREAM : expected });
        return result.nextExpectedRevision;
      } catch (error) {
        if (isWrongExpectedVersion(error)) return null;
        throw error;
      }
    },
  };
}

export function openEsdbEventStore(connectionString: string, options: EsdbEventStoreOptions = {}): EventStore & WithCheckpoints & WithLeases {
  const client = EventStoreDBClient.connectionString(connectionString);
  const delays = options.resubscribeDelayMs ?? { initial: 100, max: 5_000 };
  const liveSubscriptions = new Set<() => void>();

  async function streamHead(streamName: string): Promise<RecordedEvent | undefined> {
    try {
      const [last] = await collect(client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: 1 }), (r: ResolvedEvent) =>
        r.event ? toRecorded(r.event as EsdbRecordedEvent, r.commitPosition) : undefined);
      return last;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /**
   * Known (revision, hash) pairs per stream. A revision's content never changes, so a pair is a fact
   * even when it is no longer the head: if the server accepts `expectedRevision = r`, the event we
   * chain onto is exactly the one we remember. It saves the head read on the common path (load the
   * stream, decide, append; or append again to a stream we just wrote).
   */
  const known = new Map<string, { revision: bigint; hash: string }>();
  const remember = (streamName: string, revision: bigint, hash: string) => {
    const current = known.get(streamName);
    if (current && current.revision >= revision) return;
    known.delete(streamName);
    known.set(streamName, { revision, hash });
    if (known.size > KNOWN_HEADS_LIMIT) known.delete(known.keys().next().value!);
  };

  /** The event to chain onto: from memory when it can be pinned, else from the server. */
  async function chainBase(streamName: string, expected: ExpectedRevision, attempt: number): Promise<{ revision: bigint; hash: string } | 'no_stream'> {
    if (expected === 'no_stream') return 'no_stream';
    const remembered = known.get(streamName);
    if (remembered && attempt === 1 && (expected === remembered.revision || expected === 'any' || expected === 'stream_exists')) return remembered;
    const head = await streamHead(streamName);
    if (head) remember(streamName, head.revision, head.metadata.hash);
    return head ? { revision: head.revision, hash: head.metadata.hash } : 'no_stream';
  }

  /**
   * Send one stamped batch pinned to `pinned`. When the answer is lost (connection dropped, deadline)
   * the append may or may not have landed, so we ask again with the same event ids and the same pin:
   * the pin makes a second copy impossible, and if the server then refuses, the events after the pin
   * tell whether the first attempt landed (ours, by event id) or another writer won.
   */
  async function sendPinned(streamName: string, stamped: readonly StampedEvent[], pinned: bigint | 'no_stream'): Promise<{ revision: bigint; position: bigint | undefined }> {
    // The port's data is `unknown`; the client wants its JSONType, and every event we append is plain JSON.
    const payload = stamped.map((event) => jsonEvent({ id: event.metadata.eventId, type: event.type, data: event.data as JSONType, metadata: { ...event.metadata } }));
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await client.appendToStream(streamName, payload, appendOptions(pinned));
        return { revision: result.nextExpectedRevision, position: result.position ? fromEsdbPosition(result.position) : undefined };
      } catch (error) {
        if (attempt > 1 && isWrongExpectedVersion(error)) {
          const landed = await landedEarlier(streamName, stamped, pinned);
          if (landed) return landed;
          throw error;
        }
        if (!isAnswerLost(error) || attempt >= MAX_SEND_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** (attempt - 1)));
      }
    }
  }

  async function landedEarlier(streamName: string, stamped: readonly StampedEvent[], pinned: bigint | 'no_stream') {
    const found = await readStream(streamName, { fromRevision: pinned === 'no_stream' ? 0n : pinned + 1n, maxCount: stamped.length });
    const ours = found.length === stamped.length && found.every((event, index) => event.metadata.eventId === stamped[index]!.metadata.eventId);
    const last = found[found.length - 1];
    return ours && last ? { revision: last.revision, position: last.position } : undefined;
  }

  async function append(streamName: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (let attempt = 1; ; attempt += 1) {
      const base = await chainBase(streamName, expected, attempt);
      const actual = base === 'no_stream' ? 'no_stream' : base.revision;
      if (!satisfies(expected, actual)) throw new RevisionConflictError(streamName, expected, actual);
      const stamped = stampEvents(streamName, base === 'no_stream' ? 0n : base.revision + 1n, base === 'no_stream' ? '' : base.hash, events);
      await options.beforeAppendSent?.(streamName);
      try {
        // Pinned to the event we chained onto, whatever the caller asked for: see the file comment.
        const result = await sendPinned(streamName, stamped, actual);
        remember(streamName, result.revision, stamped[stamped.length - 1]!.metadata.hash);
        const position = result.position ?? (await streamHead(streamName))?.position;
        if (position === undefined) throw new Error(`EventStoreDB reported no position for the append to ${streamName}`);
        return { nextExpectedRevision: result.revision, position };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        const pinnedByCaller = typeof expected === 'bigint' || expected === 'no_stream';
        if (pinnedByCaller || attempt >= MAX_UNPINNED_ATTEMPTS) throw new RevisionConflictError(streamName, expected, actualOf(error));
      }
    }
  }

  async function readStream(streamName: string, opts: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = opts.direction === 'backwards';
    const until = opts.until === undefined ? undefined : Date.parse(opts.until);
    const limit = opts.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return [];
    let taken = 0;
    // Bound the server read: by the caller's count (unless a time filter drops events after
    // counting) and by the distance to toRevision when both ends are known.
    let serverCount = until === undefined ? limit : Number.POSITIVE_INFINITY;
    if (opts.toRevision !== undefined) {
      const from = opts.fromRevision ?? (backwards ? undefined : 0n);
      if (from !== undefined) {
        const span = backwards ? from - opts.toRevision + 1n : opts.toRevision - from + 1n;
        if (span <= 0n) return [];
        if (span < BigInt(Number.MAX_SAFE_INTEGER)) serverCount = Math.min(serverCount, Number(span));
      }
    }
    const read = client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: opts.fromRevision ?? (backwards ? END : START),
      ...(Number.isFinite(serverCount) ? { maxCount: serverCount } : {}),
    });
    try {
      return await collect(read, (resolved: ResolvedEvent) => {
        if (!resolved.event) return undefined;
        const event = toRecorded(resolved.event as EsdbRecordedEvent, resolved.commitPosition);
        if (opts.toRevision !== undefined && (backwards ? event.revision < opts.toRevision : event.revision > opts.toRevision)) return 'stop';
        if (until !== undefined && Date.parse(event.metadata.occurredAt) > until) return undefined;
        remember(streamName, event.revision, event.metadata.hash);
        taken += 1;
        if (taken > limit) return 'stop';
        return event;
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async function readAll(opts: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = opts.after ?? 0n;
    const maxCount = opts.maxCount ?? DEFAULT_READ_ALL_COUNT;
    const out: RecordedEvent[] = [];
    let cursor = after;
    // System events interleave with ours on a real server, so page until enough of ours are found.
    while (out.length < maxCount) {
      const page = await collect(
        client.readAll({ direction: FORWARDS, fromPosition: cursor === 0n ? START : toEsdbPosition(cursor), maxCount: READ_PAGE }),
        (resolved: AllStreamResolvedEvent) => resolved.event,
      );
      let progressed = false;
      for (const event of page) {
        const position = fromEsdbPosition(event.position);
        // Reading $all forwards from a position includes the event at that position.
        if (position <= cursor) continue;
        cursor = position;
        progressed = true;
        if (isSystemEvent(event.type)) continue;
        out.push(toRecorded(event));
        if (out.length === maxCount) break;
      }
      if (!progressed || page.length < READ_PAGE) break;
    }
    return out;
  }

  async function headPosition(): Promise<bigint> {
    let from: Position | typeof END = END;
    // Usually the newest event is ours (one event read); on a real server periodic system events may
    // sit on top, so later pages grow. Pages after the first hold at least two events, so a server
    // that repeats the start event of a backwards read still moves us on.
    for (let count = 1; ; count = Math.min(READ_PAGE, count * 16)) {
      const page: AllStreamRecordedEvent[] = await collect(client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: count }), (resolved: AllStreamResolvedEvent) => resolved.event);
      const ceiling: bigint | undefined = from === END ? undefined : from.commit;
      const fresh: AllStreamRecordedEvent[] = page.filter((event) => ceiling === undefined || fromEsdbPosition(event.position) < ceiling);
      const ours = fresh.find((event) => !isSystemEvent(event.type));
      if (ours) return fromEsdbPosition(ours.position);
      const oldest: AllStreamRecordedEvent | undefined = fresh[fresh.length - 1];
      if (!oldest || page.length < count) return 0n;
      from = oldest.position;
    }
  }

  function subscribeAll(after: bigint): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      let last = after;
      let stopped = false;
      let failures = 0;
      let retryTimer: NodeJS.Timeout | undefined;
      let current: ReturnType<typeof client.subscribeToAll> | undefined;

      const connect = () => {
        if (stopped) return;
        const subscription = client.subscribeToAll({ fromPosition: last === 0n ? START : toEsdbPosition(last), filter: excludeSystemEvents() });
        current = subscription;
        let finished = false;
        const dropped = (error: unknown) => {
          if (finished || stopped) return;
          finished = true;
          subscription.removeAllListeners('data');
          void subscription.unsubscribe().catch(() => undefined);
          if (isPermanent(error)) {
            subscriber.error(error);
            return;
          }
          failures += 1;
          options.onResubscribe?.({ after: last, attempt: failures, error });
          const delay = Math.min(delays.max, delays.initial * 2 ** Math.min(failures - 1, 16));
          retryTimer = setTimeout(connect, delay);
        };
        subscription.on('confirmation', () => {
          failures = 0;
        });
        subscription.on('data', (resolved: AllStreamResolvedEvent) => {
          const event = resolved.event;
          if (!event) return;
          const position = fromEsdbPosition(event.position);
          // A resubscription starts strictly after `last`; this guard also absorbs any replay.
          if (position <= last) return;
          last = position;
          if (isSystemEvent(event.type)) return;
          subscriber.next(toRecorded(event));
        });
        subscription.on('error', dropped);
        // A subscription never ends by itself; an end means the server closed the call.
        subscription.on('end', () => dropped(new Error('EventStoreDB ended the subscription')));
        subscription.on('close', () => dropped(new Error('EventStoreDB subscription closed')));
      };

      const stop = () => {
        stopped = true;
        clearTimeout(retryTimer);
        liveSubscriptions.delete(stop);
        const subscription = current;
        current = undefined;
        if (subscription) void subscription.unsubscribe().catch(() => undefined);
      };
      liveSubscriptions.add(stop);
      connect();
      return stop;
    });
  }

  const store: EventStore = {
    append,
    readStream,
    readAll,
    subscribeAll,
    headPosition,
    async close() {
      for (const stop of [...liveSubscriptions]) stop();
      await client.dispose();
    },
  };
  const register = metadataRegister(client);
  return { ...store, checkpoints: esdbCheckpointStore(register, store), leases: esdbLeaseStore(register) };
}
