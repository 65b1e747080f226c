import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { EventMetadata, NewEvent } from '@sss/contracts/ports/event-store';
import { currentSchemaVersion } from '@sss/contracts/events/upcasting';

/**
 * Tamper evidence: each event's hash covers the previous event's hash of the same stream and the
 * event's own canonical content, so editing or deleting any stored event breaks every later hash.
 * Every adapter stamps events through this one function, so chains verify the same everywhere.
 */

/** JSON with object keys sorted: the same content always hashes the same, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export function eventHash(streamName: string, revision: bigint, type: string, data: unknown, metadata: Omit<EventMetadata, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson({ streamName, revision: revision.toString(), type, data, metadata }))
    .digest('hex');
}

export interface StampedEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** Fill ids and times, and chain hashes starting after `prevHash` at revision `firstRevision`. */
export function stampEvents(streamName: string, firstRevision: bigint, prevHash: string, events: readonly NewEvent[], now = new Date()): StampedEvent[] {
  let previous = prevHash;
  return events.map((event, index) => {
    const base: Omit<EventMetadata, 'hash'> = {
      eventId: event.metadata.eventId ?? uuidv7(),
      occurredAt: event.metadata.occurredAt ?? now.toISOString(),
      actor: event.metadata.actor,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId ?? null,
      // An event is written in its type's current shape (docs/schema-evolution.md).
      schemaVersion: event.metadata.schemaVersion ?? currentSchemaVersion(event.type),
      prevHash: previous,
      // Absent rather than undefined: events without one hash exactly as before tracing existed.
      ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
    };
    const hash = eventHash(streamName, firstRevision + BigInt(index), event.type, event.data, base);
    previous = hash;
    return { type: event.type, data: event.data, metadata: { ...base, hash } };
  });
}

export interface ChainVerdict {
  readonly valid: boolean;
  /** Revision of the first event whose hash does not verify, when invalid. */
  readonly brokenAt?: bigint;
}

type Verifiable = { streamName: string; revision: bigint; type: string; data: unknown; metadata: EventMetadata; stored?: { data: unknown; metadata: EventMetadata } };

/** Whether an event's content matches its hash and follows `prevHash`: over what was stored, even when it was read upcast. */
export function hashVerifies(event: Verifiable, prevHash: string): boolean {
  const { data, metadata } = event.stored ?? event;
  const { hash, ...rest } = metadata;
  return rest.prevHash === prevHash && eventHash(event.streamName, event.revision, event.type, data, rest) === hash;
}

/** Verify a whole stream read forwards from revision 0. */
export function verifyChain(events: readonly Verifiable[]): ChainVerdict {
  let previous = '';
  for (const event of events) {
    const { hash } = event.metadata;
    if (!hashVerifies(event, previous)) {
      return { valid: false, brokenAt: event.revision };
    }
    previous = hash;
  }
  return { valid: true };
}
