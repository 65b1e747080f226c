import { randomUUID } from 'node:crypto';
import { status as GrpcStatus, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream, type ServerWritableStream, type UntypedServiceImplementation } from '@grpc/grpc-js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import type { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb.js';
import type { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import { RevisionConflictError, type ExpectedRevision, type NewEvent } from '@sss/contracts/ports/event-store';
import type { SqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { fromRecorded, toEnvelope, type StandInEvent } from './stand-in-records.ts';
import { firstVisible } from './stream-retention.ts';

/**
 * The `event_store.client.streams.Streams` service of the EventStoreDB stand-in (test code, not a
 * database): Append, BatchAppend and Read (streams and $all, one-shot reads and catch-up
 * subscriptions with server-side filters), served over the embedded SQLite store. It answers the
 * way a single EventStoreDB node answers as far as `@eventstore/db-client` can observe: revisions,
 * inclusive/exclusive start positions, StreamNotFound, WrongExpectedVersion, subscription
 * confirmation and caught-up signals. Delete, Tombstone, link resolution and FellBehind are not served.
 */

const { AppendResp: AppendRespMsg, BatchAppendResp: BatchAppendRespMsg, ReadResp: ReadRespMsg } = streamsPb;
const PAGE = 500;
/** Appends made by another process on the same file have no in-process signal; poll for them at this pace. */
const IDLE_POLL_MS = 500;
/** EventStoreDB's default filter search window, which the checkpoint interval multiplies. */
const DEFAULT_FILTER_WINDOW = 32;

export interface StreamsStandInOptions {
  readonly store: SqliteEventStore;
  /**
   * Added to every store position to form the EventStoreDB log position (commit == prepare, as on a
   * single node). A large offset proves that clients carry positions beyond 2^53 without loss.
   */
  readonly positionOffset: bigint;
  readonly log: (line: string) => void;
}

export interface StreamsStandIn {
  readonly implementation: UntypedServiceImplementation;
  /** End every live subscription with an error, as a server does when it drops a slow subscriber. */
  dropSubscriptions(reason: string): number;
  /** Stop every subscription loop before the store is closed. */
  shutdown(): void;
}

interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

type AppendOutcome =
  | { readonly ok: true; readonly revision: bigint | 'no_stream'; readonly logPosition: bigint | undefined }
  | { readonly ok: false; readonly expected: ExpectedRevision; readonly actual: bigint | 'no_stream' };

interface EventFilter {
  readonly on: 'stream' | 'type';
  readonly regex: RegExp | undefined;
  readonly prefixes: readonly string[];
  readonly checkpointEvery: number;
}

const streamName = (identifier: StreamIdentifier | undefined): string => Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

const streamIdentifier = (name: string): StreamIdentifier => new sharedPb.StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));

const parseUuid = (uuid: UUID | undefined): string => {
  if (!uuid) return randomUUID();
  if (uuid.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex = BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
      BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return uuid.getString();
};

const formatUuid = (id: string, structured: boolean): UUID => {
  const uuid = new sharedPb.UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replaceAll('-', '');
  return uuid.setStructured(new sharedPb.UUID.Structured()
    .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
    .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString()));
};

/** Resolves waiters when an append lands, so live subscriptions answer at once rather than on the next poll. */
class AppendSignal {
  private waiters = new Set<() => void>();
  notify(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }
}

export function createStreamsStandIn({ store, positionOffset, log }: StreamsStandInOptions): StreamsStandIn {
  const signal = new AppendSignal();
  const subscriptions = new Set<ServerWritableStream<ReadReq, ReadResp>>();
  let stopping = false;

  const logPosition = (storePosition: bigint) => storePosition + positionOffset;
  /** Store position of an EventStoreDB log position (0n when it lies before our first event). */
  const storePosition = (commit: bigint) => (commit > positionOffset ? commit - positionOffset : 0n);

  const headStorePosition = () => store.headPosition();

  const selectBefore = store.db.prepare<[bigint, number], { position: bigint }>('SELECT position FROM events WHERE position < ? ORDER BY position DESC LIMIT ?');

  async function appendEvents(name: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): Promise<AppendOutcome> {
    if (proposed.length === 0) {
      // EventStoreDB accepts an empty append as a pure expected-revision check.
      const [last] = await store.readStream(name, { direction: 'backwards', maxCount: 1 });
      const actual = last ? last.revision : 'no_stream';
      const ok = expected === 'any' || (expected === 'no_stream' && !last) || (expected === 'stream_exists' && !!last) || expected === actual;
      return ok ? { ok: true, revision: actual, logPosition: undefined } : { ok: false, expected, actual };
    }
    const events: NewEvent[] = proposed.map((event) => ({
      type: event.type,
      data: toEnvelope(event.contentType, event.data, event.customMetadata),
      metadata: { actor: 'system:esdb-stand-in', correlationId: event.id, eventId: event.id },
    }));
    if (expected === 'any') {
      // EventStoreDB answers a repeated `any` append of the same event ids as done, not as new events.
      const already = await alreadyWritten(name, proposed, undefined);
      if (already) return already;
    }
    try {
      const result = await store.append(name, events, expected);
      signal.notify();
      return { ok: true, revision: result.nextExpectedRevision, logPosition: logPosition(result.position) };
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
      // Idempotent retry: the same ids already sit right after the expected revision.
      if (expected === 'no_stream' || typeof expected === 'bigint') {
        const already = await alreadyWritten(name, proposed, expected === 'no_stream' ? 0n : expected + 1n);
        if (already) return already;
      }
      return { ok: false, expected, actual: error.actual };
    }
  }

  /** The outcome of an earlier identical append: the proposed ids at `from` (or at the stream's end). */
  async function alreadyWritten(name: string, proposed: readonly ProposedEvent[], from: bigint | undefined): Promise<AppendOutcome | undefined> {
    const found = from === undefined
      ? (await store.readStream(name, { direction: 'backwards', maxCount: proposed.length })).reverse()
      : await store.readStream(name, { fromRevision: from, maxCount: proposed.length });
    if (found.length !== proposed.length || !found.every((event, index) => event.metadata.eventId === proposed[index]!.id)) return undefined;
    const last = found[found.length - 1]!;
    return { ok: true, revision: last.revision, logPosition: logPosition(last.position) };
  }

  const proposedFrom = (message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent => {
    const metadata = message.getMetadataMap();
    return {
      id: parseUuid(message.getId()),
      type: metadata.get('type') ?? '',
      contentType: metadata.get('content-type') ?? 'application/octet-stream',
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    };
  };

  const wrongExpectedVersionDetails = (outcome: Extract<AppendOutcome, { ok: false }>) => {
    const details = new sharedPb.WrongExpectedVersion();
    if (outcome.actual === 'no_stream') details.setCurrentNoStream(new emptyPb.Empty());
    else details.setCurrentStreamRevision(outcome.actual.toString());
    if (outcome.expected === 'any') details.setExpectedAny(new emptyPb.Empty());
    else if (outcome.expected === 'no_stream') details.setExpectedNoStream(new emptyPb.Empty());
    else if (outcome.expected === 'stream_exists') details.setExpectedStreamExists(new emptyPb.Empty());
    else details.setExpectedStreamPosition(outcome.expected.toString());
    return details;
  };

  // ---- Append (client streaming: options first, then one message per event) ----
  const append = (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      else if (request.hasProposedMessage()) proposed.push(proposedFrom(request.getProposedMessage()!));
    });
    call.on('end', () => {
      if (!options) return callback({ code: GrpcStatus.INVALID_ARGUMENT, details: 'Append without options' });
      const expected: ExpectedRevision = options.hasRevision() ? BigInt(options.getRevision())
        : options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any';
      appendEvents(streamName(options.getStreamIdentifier()), expected, proposed).then((outcome) => {
        const response = new AppendRespMsg();
        if (outcome.ok) {
          const success = new AppendRespMsg.Success();
          if (outcome.revision === 'no_stream') success.setNoStream(new sharedPb.Empty());
          else success.setCurrentRevision(outcome.revision.toString());
          if (outcome.logPosition === undefined) success.setNoPosition(new sharedPb.Empty());
          else success.setPosition(new AppendRespMsg.Position().setCommitPosition(outcome.logPosition.toString()).setPreparePosition(outcome.logPosition.toString()));
          response.setSuccess(success);
        } else {
          const wrong = new AppendRespMsg.WrongExpectedVersion();
          if (outcome.actual === 'no_stream') wrong.setCurrentNoStream(new sharedPb.Empty());
          else wrong.setCurrentRevision(outcome.actual.toString());
          if (outcome.expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
          else if (outcome.expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
          else if (outcome.expected === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
          else wrong.setExpectedRevision(outcome.expected.toString());
          response.setWrongExpectedVersion(wrong);
        }
        callback(null, response);
      }, (error: unknown) => callback({ code: GrpcStatus.INTERNAL, details: String(error) }));
    });
  };

  // ---- BatchAppend (bidirectional: many appends multiplexed by correlation id) ----
  const batchAppend = (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    const pending = new Map<string, { options: BatchAppendReq.Options | undefined; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlation = request.getCorrelationId();
      const key = parseUuid(correlation);
      const entry = pending.get(key) ?? { options: undefined, events: [] };
      pending.set(key, entry);
      if (request.hasOptions()) entry.options = request.getOptions();
      for (const message of request.getProposedMessagesList()) entry.events.push(proposedFrom(message));
      if (!request.getIsFinal()) return;
      pending.delete(key);
      const options = entry.options;
      const response = new BatchAppendRespMsg().setCorrelationId(correlation);
      if (!options) {
        response.setError(new statusPb.Status().setCode(3).setMessage('BatchAppend without options'));
        call.write(response);
        return;
      }
      const name = streamName(options.getStreamIdentifier());
      response.setStreamIdentifier(streamIdentifier(name));
      const expected: ExpectedRevision = options.hasStreamPosition() ? BigInt(options.getStreamPosition())
        : options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any';
      if (typeof expected === 'bigint') response.setStreamPosition(expected.toString());
      else if (expected === 'no_stream') response.setNoStream(new emptyPb.Empty());
      else if (expected === 'stream_exists') response.setStreamExists(new emptyPb.Empty());
      else response.setAny(new emptyPb.Empty());
      appendEvents(name, expected, entry.events).then((outcome) => {
        if (outcome.ok) {
          const success = new BatchAppendRespMsg.Success();
          if (outcome.revision === 'no_stream') success.setNoStream(new emptyPb.Empty());
          else success.setCurrentRevision(outcome.revision.toString());
          if (outcome.logPosition === undefined) success.setNoPosition(new emptyPb.Empty());
          else success.setPosition(new sharedPb.AllStreamPosition().setCommitPosition(outcome.logPosition.toString()).setPreparePosition(outcome.logPosition.toString()));
          response.setSuccess(success);
        } else {
          const details = new anyPb.Any();
          details.pack(wrongExpectedVersionDetails(outcome).serializeBinary(), 'event_store.client.WrongExpectedVersion');
          response.setError(new statusPb.Status().setCode(9).setMessage(`WrongExpectedVersion on ${name}`).setDetails(details));
        }
        if (!call.cancelled) call.write(response);
      }, (error: unknown) => {
        if (!call.cancelled) call.write(response.setError(new statusPb.Status().setCode(13).setMessage(String(error))));
      });
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };

  // ---- Read ----
  const isLive = (call: ServerWritableStream<ReadReq, ReadResp>) => !stopping && !call.cancelled && !call.destroyed && !call.writableEnded;

  /** Write with backpressure: a slow reader pauses the catch-up instead of growing our memory. */
  const send = async (call: ServerWritableStream<ReadReq, ReadResp>, response: ReadResp): Promise<boolean> => {
    if (!isLive(call)) return false;
    if (!call.write(response)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          call.off('drain', done);
          call.off('cancelled', done);
          call.off('close', done);
          resolve();
        };
        call.on('drain', done);
        call.on('cancelled', done);
        call.on('close', done);
      });
    }
    return isLive(call);
  };

  const eventResponse = (event: StandInEvent, structuredIds: boolean): ReadResp => {
    const position = logPosition(event.storePosition).toString();
    const recorded = new ReadRespMsg.ReadEvent.RecordedEvent()
      .setId(formatUuid(event.id, structuredIds))
      .setStreamIdentifier(streamIdentifier(event.streamName))
      .setStreamRevision(event.revision.toString())
      .setPreparePosition(position)
      .setCommitPosition(position)
      .setCustomMetadata(event.customMetadata)
      .setData(event.data);
    recorded.getMetadataMap().set('type', event.type).set('content-type', event.contentType).set('created', event.createdTicks.toString());
    return new ReadRespMsg().setEvent(new ReadRespMsg.ReadEvent().setEvent(recorded).setCommitPosition(position));
  };

  const parseFilter = (options: ReadReq.Options): EventFilter | undefined => {
    if (!options.hasFilter()) return undefined;
    const filter = options.getFilter()!;
    const expression = filter.hasStreamIdentifier() ? filter.getStreamIdentifier()! : filter.getEventType()!;
    const window = filter.hasMax() ? filter.getMax() : DEFAULT_FILTER_WINDOW;
    return {
      on: filter.hasStreamIdentifier() ? 'stream' : 'type',
      regex: expression.getRegex() ? new RegExp(expression.getRegex()) : undefined,
      prefixes: expression.getPrefixList(),
      checkpointEvery: Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier())),
    };
  };

  const matches = (filter: EventFilter | undefined, event: StandInEvent): boolean => {
    if (!filter) return true;
    const subject = filter.on === 'stream' ? event.streamName : event.type;
    if (filter.regex && !filter.regex.test(subject)) return false;
    if (filter.prefixes.length > 0 && !filter.prefixes.some((prefix) => subject.startsWith(prefix))) return false;
    return true;
  };

  const readAllForwards = async (afterStorePosition: bigint, count: number) => (await store.readAll({ after: afterStorePosition, maxCount: count })).map(fromRecorded);

  const readAllBackwards = async (beforeStorePosition: bigint, count: number): Promise<StandInEvent[]> => {
    // The port reads $all forwards only; backwards reads find the positions first, then load them forwards.
    const positions = selectBefore.all(beforeStorePosition, count).map((row) => BigInt(row.position));
    if (positions.length === 0) return [];
    const lowest = positions[positions.length - 1]!;
    const events = await readAllForwards(lowest - 1n, positions.length);
    return events.reverse();
  };

  const read = (call: ServerWritableStream<ReadReq, ReadResp>) => {
    const options = call.request.getOptions();
    const run = async () => {
      if (!options) throw Object.assign(new Error('Read without options'), { code: GrpcStatus.INVALID_ARGUMENT });
      const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
      if (options.hasSubscription()) {
        subscriptions.add(call);
        try {
          if (options.hasAll()) await subscribeToAll(call, options, structuredIds);
          else await subscribeToStream(call, options, structuredIds);
        } finally {
          subscriptions.delete(call);
        }
        return;
      }
      const count = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
      if (options.hasAll()) await readAll(call, options, count, structuredIds);
      else await readStream(call, options, count, structuredIds);
      if (isLive(call)) call.end();
    };
    run().catch((error: unknown) => {
      if (!isLive(call)) return;
      log(`esdb-stand-in: read failed: ${String(error)}`);
      call.emit('error', { code: (error as { code?: number }).code ?? GrpcStatus.INTERNAL, details: String(error) });
    });
  };

  const readStream = async (call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options, count: bigint, structuredIds: boolean) => {
    const streamOptions = options.getStream()!;
    const name = streamName(streamOptions.getStreamIdentifier());
    const [last] = await store.readStream(name, { direction: 'backwards', maxCount: 1 });
    if (!last) {
      await send(call, new ReadRespMsg().setStreamNotFound(new ReadRespMsg.StreamNotFound().setStreamIdentifier(streamIdentifier(name))));
      return;
    }
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    // Events beyond the stream's `$maxCount` (or a metastream's last) are not returned (stream-retention.ts).
    const first = await firstVisible(store, name, last.revision);
    let next = streamOptions.hasRevision() ? BigInt(streamOptions.getRevision())
      : streamOptions.hasEnd() ? (backwards ? last.revision : last.revision + 1n) : 0n;
    if (!backwards && next < first) next = first;
    let remaining = count;
    while (remaining > 0n && next >= first && isLive(call)) {
      const page = await store.readStream(name, { direction: backwards ? 'backwards' : 'forwards', fromRevision: next, maxCount: Number(remaining < BigInt(PAGE) ? remaining : BigInt(PAGE)) });
      for (const event of page) {
        if (event.revision < first) return;
        if (!(await send(call, eventResponse(fromRecorded(event), structuredIds)))) return;
      }
      if (page.length === 0) return;
      remaining -= BigInt(page.length);
      next = page[page.length - 1]!.revision + (backwards ? -1n : 1n);
    }
  };

  const readAll = async (call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options, count: bigint, structuredIds: boolean) => {
    const allOptions = options.getAll()!;
    const filter = parseFilter(options);
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    const from = allOptions.hasPosition() ? storePosition(BigInt(allOptions.getPosition()!.getCommitPosition())) : undefined;
    // Forwards reads include the event at the start position; backwards reads start just before it.
    let cursor = backwards
      ? (allOptions.hasStart() ? 0n : from ?? (await headStorePosition()) + 1n)
      : (allOptions.hasEnd() ? await headStorePosition() : from !== undefined && from > 0n ? from - 1n : 0n);
    let remaining = count;
    while (remaining > 0n && isLive(call)) {
      const page = backwards ? await readAllBackwards(cursor, PAGE) : await readAllForwards(cursor, PAGE);
      for (const event of page) {
        cursor = event.storePosition;
        if (!matches(filter, event)) continue;
        if (!(await send(call, eventResponse(event, structuredIds)))) return;
        remaining -= 1n;
        if (remaining === 0n) return;
      }
      if (page.length < PAGE) return;
    }
  };

  const checkpoint = (storePos: bigint) => {
    const position = logPosition(storePos).toString();
    return new ReadRespMsg().setCheckpoint(new ReadRespMsg.Checkpoint().setCommitPosition(position).setPreparePosition(position));
  };

  const confirm = (call: ServerWritableStream<ReadReq, ReadResp>) => {
    const id = randomUUID();
    log(`esdb-stand-in: subscription ${id} started`);
    return send(call, new ReadRespMsg().setConfirmation(new ReadRespMsg.SubscriptionConfirmation().setSubscriptionId(id)));
  };

  const caughtUp = () => new ReadRespMsg().setCaughtUp(new ReadRespMsg.CaughtUp());

  const subscribeToAll = async (call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options, structuredIds: boolean) => {
    const allOptions = options.getAll()!;
    const filter = parseFilter(options);
    // A subscription's start position is exclusive: it delivers what comes strictly after it.
    let after = allOptions.hasPosition() ? storePosition(BigInt(allOptions.getPosition()!.getCommitPosition()))
      : allOptions.hasEnd() ? await headStorePosition() : 0n;
    if (!(await confirm(call))) return;
    let isCaughtUp = false;
    let scanned = 0;
    while (isLive(call)) {
      const page = await readAllForwards(after, PAGE);
      for (const event of page) {
        after = event.storePosition;
        scanned += 1;
        if (matches(filter, event)) {
          if (!(await send(call, eventResponse(event, structuredIds)))) return;
        } else if (filter && scanned % filter.checkpointEvery === 0) {
          if (!(await send(call, checkpoint(after)))) return;
        }
      }
      if (page.length === PAGE) continue;
      if (!isCaughtUp) {
        isCaughtUp = true;
        if (filter && after > 0n && !(await send(call, checkpoint(after)))) return;
        if (!(await send(call, caughtUp()))) return;
      }
      await signal.wait(IDLE_POLL_MS);
    }
  };

  const subscribeToStream = async (call: ServerWritableStream<ReadReq, ReadResp>, options: ReadReq.Options, structuredIds: boolean) => {
    const streamOptions = options.getStream()!;
    const name = streamName(streamOptions.getStreamIdentifier());
    let next = 0n;
    if (streamOptions.hasRevision()) next = BigInt(streamOptions.getRevision()) + 1n;
    else if (streamOptions.hasEnd()) next = ((await store.readStream(name, { direction: 'backwards', maxCount: 1 }))[0]?.revision ?? -1n) + 1n;
    if (!(await confirm(call))) return;
    let isCaughtUp = false;
    while (isLive(call)) {
      const page = await store.readStream(name, { fromRevision: next, maxCount: PAGE });
      for (const event of page) {
        if (!(await send(call, eventResponse(fromRecorded(event), structuredIds)))) return;
        next = event.revision + 1n;
      }
      if (page.length === PAGE) continue;
      if (!isCaughtUp) {
        isCaughtUp = true;
        if (!(await send(call, caughtUp()))) return;
      }
      await signal.wait(IDLE_POLL_MS);
    }
  };

  return {
    // grpc-js types a service implementation by its generated stubs; the stand-in serves raw protobuf handlers.
    implementation: { read, append, batchAppend } as unknown as UntypedServiceImplementation,
    dropSubscriptions(reason) {
      const dropped = [...subscriptions];
      for (const call of dropped) {
        subscriptions.delete(call);
        call.emit('error', { code: GrpcStatus.ABORTED, details: `Subscription dropped by the esdb-stand-in: ${reason}` });
      }
      signal.notify();
      return dropped.length;
    },
    shutdown() {
      stopping = true;
      signal.notify();
    },
  };
}
