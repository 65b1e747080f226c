/**
 * Poison events: an event a subscriber's handler threw on several times in a row is parked rather
 * than retried forever, so the subscriber moves on and the event waits for a person in the
 * subscriber console. Each subscriber's dead-letter list is its own stream `parked-<subscriber>`;
 * retrying or skipping one is recorded with who and why, because what a read model misses is a fact
 * an auditor may ask about.
 */

export interface ParkedEventFacts {
  readonly subscriber: string;
  /** The parked event's id (UUIDv7) and where it is in the log. */
  readonly eventId: string;
  readonly position: string;
  readonly streamName: string;
  readonly eventType: string;
}

export type ParkedEventEvent =
  | { type: 'SubscriberEventParked'; data: ParkedEventFacts & { attempts: number; error: string; at: string; message?: ParkedMessage } }
  | { type: 'ParkedEventRetried'; data: { subscriber: string; eventId: string; by: string; reason: string; at: string } }
  | { type: 'ParkedEventSkipped'; data: { subscriber: string; eventId: string; by: string; reason: string; at: string } };

/**
 * A bus message a consumer parked: kept whole, because the topic may have dropped it (retention) by
 * the time a person retries it, and a retry re-applies exactly what failed.
 */
export interface ParkedMessage {
  readonly topic: string;
  readonly key: string;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly partition: number;
  readonly offset: string;
}

export interface ParkedEvent extends ParkedEventFacts {
  readonly attempts: number;
  readonly error: string;
  readonly parkedAt: string;
  readonly message?: ParkedMessage;
}

/** A subscriber's dead-letter list: what is parked now, and every event id it ever settled (parked, retried or skipped). */
export interface ParkedList {
  readonly parked: ReadonlyMap<string, ParkedEvent>;
  /** Never projected again by the normal run: parked (waiting), retried (applied on request) or skipped. */
  readonly settled: ReadonlySet<string>;
}

export const EMPTY_PARKED_LIST: ParkedList = { parked: new Map(), settled: new Set() };

export function evolveParkedList(list: ParkedList, event: ParkedEventEvent): ParkedList {
  const parked = new Map(list.parked);
  const settled = new Set(list.settled).add(event.data.eventId);
  if (event.type === 'SubscriberEventParked') {
    const { attempts, error, at, ...facts } = event.data;
    parked.set(facts.eventId, { ...facts, attempts, error, parkedAt: at });
  } else parked.delete(event.data.eventId);
  return { parked, settled };
}

/**
 * The name under which a subscriber counts its failures on one event, beside its checkpoint (the
 * write side's checkpoint store, the read store's checkpoints): durable and shared by every instance,
 * so neither a restart nor a new leader starts the count of a poison event again.
 */
export const failureCounterName = (subscriber: string, eventId: string): string => `${subscriber}~failures~${eventId}`;

/** Reasons are what a person typed in the console: bounded, one line. */
export const PARK_REASON_MAX = 500;
