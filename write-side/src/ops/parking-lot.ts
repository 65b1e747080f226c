import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { IncomingMessage } from '@sss/contracts/ports/message-bus';
import type { Log } from '@sss/contracts/ports/log';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { EMPTY_PARKED_LIST, evolveParkedList, failureCounterName, type ParkedEvent, type ParkedEventEvent, type ParkedEventFacts, type ParkedList } from '@sss/contracts/ops/parked-events';
import { checkpointsOf, type CheckpointStore } from '../eventstore/checkpoint-store.ts';

/**
 * The poison rule of the write-side subscribers (policies, the forwarder, the bus consumers, the
 * 稟議 process manager), the same as the projectors' (read-side/src/projector/poison.ts): a handler
 * that throws on the same event (message) `maxAttempts` times in a row parks it —
 * `SubscriberEventParked` in `parked-<subscriber>` — and the subscriber goes on with the next one
 * instead of retrying it forever while everything behind it waits. A person then retries it (the
 * subscriber's own handler, applied again on its own: every write-side handler is idempotent by its
 * source event or message) or skips it, each recorded with who and why (`parkedDecider`).
 *
 * What is parked or settled is read back from the stream at start, so a replay from an older
 * checkpoint never applies a skipped event, nor parks an event a second time; the console's list is
 * read from the stream on every ask, so every instance of a split stack shows the same list, whoever
 * parked or settled it. The failures counted towards parking are kept beside the checkpoints (not in
 * the log: each is a counter, not a fact), so a restart or a new leader goes on counting where the
 * last one stopped instead of granting a poison event another `maxAttempts`.
 */
export interface ParkingLot {
  readonly subscriber: string;
  /** What is parked now, as the stream says (any instance may have parked or settled it). */
  parked(): Promise<readonly ParkedEvent[]>;
  /**
   * Runs `handle` for one event or message: a settled one is passed over; a failure before the last
   * attempt is thrown (the subscriber's own retry with backoff runs it again); the last one parks it.
   */
  guard(source: ParkedSource, handle: () => Promise<void> | void): Promise<'handled' | 'parked' | 'settled'>;
  /** Applies a parked event again through the subscriber's handler; throws what it threw. The caller records the retry. */
  apply(eventId: string): Promise<void>;
  /** A retry or skip recorded by the console's command: the event leaves the list. */
  settled(event: ParkedEventEvent): void;
}

/** What a parked entry must say to be found and re-delivered: the event's place in the log, or the bus message itself. */
export interface ParkedSource extends Omit<ParkedEventFacts, 'subscriber'> {
  readonly correlationId?: string | undefined;
  readonly actor?: string | undefined;
  readonly message?: IncomingMessage | undefined;
}

/** Every write-side subscriber's parking lot in this process (the console's routes find them by name). */
export interface ParkingLots {
  readonly maxAttempts: number;
  /** `redeliver` hands a parked entry back to the subscriber (a retry from the console). */
  open(subscriber: string, redeliver: (entry: ParkedEvent) => Promise<void>): ParkingLot;
  get(subscriber: string): ParkingLot | undefined;
  all(): readonly ParkingLot[];
}

const PARKED_TYPES = ['SubscriberEventParked', 'ParkedEventRetried', 'ParkedEventSkipped'] as const;
export const DEFAULT_PARK_AFTER_ATTEMPTS = 3;

/** `counters`: where failures are counted; defaults to the checkpoint store beside `events`. */
export function createParkingLots(options: { events: EventStore; maxAttempts?: number; log?: Log; counters?: CheckpointStore }): ParkingLots {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_PARK_AFTER_ATTEMPTS);
  const counters = options.counters ?? checkpointsOf(options.events);
  const lots = new Map<string, ParkingLot>();
  return {
    maxAttempts,
    open(subscriber, redeliver) {
      const lot = openLot({ events: options.events, counters, subscriber, maxAttempts, redeliver, log: options.log });
      lots.set(subscriber, lot);
      return lot;
    },
    get: (subscriber) => lots.get(subscriber),
    all: () => [...lots.values()],
  };
}

/** The facts of a recorded event, as a parked entry keeps them. */
export const sourceOfEvent = (event: RecordedEvent): ParkedSource => ({
  eventId: event.metadata.eventId,
  position: event.position.toString(),
  streamName: event.streamName,
  eventType: event.type,
  correlationId: event.metadata.correlationId,
  actor: event.metadata.actor,
});

/** Reads a parked event back from its stream, for a retry. */
export async function parkedEventIn(events: EventStore, entry: ParkedEvent): Promise<RecordedEvent> {
  const event = (await events.readStream(entry.streamName)).find((e) => e.metadata.eventId === entry.eventId);
  if (!event) throw new Error(`event ${entry.eventId} is no longer in ${entry.streamName}`);
  return event;
}

function openLot(options: { events: EventStore; counters: CheckpointStore; subscriber: string; maxAttempts: number; redeliver: (entry: ParkedEvent) => Promise<void>; log?: Log | undefined }): ParkingLot {
  const { events, counters, subscriber, maxAttempts } = options;
  const stream = streams.parked(subscriber);
  let list: ParkedList = EMPTY_PARKED_LIST;
  const reload = async () => {
    let read = EMPTY_PARKED_LIST;
    for (const recorded of await events.readStream(stream)) if (isEventOf(recorded, PARKED_TYPES)) read = evolveParkedList(read, recorded);
    list = read;
  };
  const loaded = reload();
  // A store that cannot be read now fails the first guard (retried by the subscriber), not the start.
  loaded.catch(() => undefined);
  /** Events this instance counted a failure for: only those need their counter cleared on success. */
  const failing = new Set<string>();
  const counter = (eventId: string) => failureCounterName(subscriber, eventId);

  const park = async (source: ParkedSource, attempts: number, error: unknown) => {
    const { correlationId, actor, message, ...facts } = source;
    const data = { subscriber, ...facts, attempts, error: (error instanceof Error ? error.message : String(error)).slice(0, 500), at: new Date().toISOString(), ...(message ? { message } : {}) };
    await events.append(stream, [{ type: 'SubscriberEventParked', data, metadata: { actor: `system:${subscriber}`, correlationId: correlationId ?? facts.eventId, causationId: facts.eventId } }], 'any');
    list = evolveParkedList(list, { type: 'SubscriberEventParked', data });
    options.log?.(`${subscriber}: event ${facts.eventId} (${facts.eventType} at ${facts.position}) parked after ${attempts} failures`, error, {
      subscriber,
      eventId: facts.eventId,
      eventType: facts.eventType,
      streamName: facts.streamName,
      position: facts.position,
      correlationId: correlationId ?? null,
      actor: actor ?? null,
    });
  };

  return {
    subscriber,
    async guard(source, handle) {
      await loaded;
      const id = source.eventId;
      if (list.settled.has(id)) return 'settled';
      try {
        await handle();
        if (failing.delete(id)) await counters.write(counter(id), 0n).catch(() => undefined);
        return 'handled';
      } catch (error) {
        const attempts = Number((await counters.read(counter(id))) ?? 0n) + 1;
        if (attempts < maxAttempts) {
          failing.add(id);
          await counters.write(counter(id), BigInt(attempts));
          throw error;
        }
        failing.delete(id);
        await park(source, attempts, error);
        await counters.write(counter(id), 0n);
        return 'parked';
      }
    },
    async parked() {
      await reload();
      return [...list.parked.values()];
    },
    async apply(eventId) {
      await reload();
      const entry = list.parked.get(eventId);
      if (!entry) throw new Error(`event ${eventId} is not parked for ${subscriber}`);
      await options.redeliver(entry);
    },
    settled(event) {
      list = evolveParkedList(list, event);
    },
  };
}
