import type { RecordedEvent } from '@sss/contracts/ports/event-store';

/**
 * How the EventStoreDB stand-in keeps an EventStoreDB event inside the embedded SQLite store.
 *
 * The stand-in appends through the ordinary event-store port, so it inherits the SQLite store's
 * atomic expected-revision check, durability and total order. What the EventStoreDB client sent
 * (content type, data bytes, custom metadata bytes) is kept byte for byte in an envelope, because
 * the client must read back exactly what it wrote; the SQLite store's own metadata and hash chain
 * describe the envelope, which is fine for test infrastructure.
 */

export interface StandInEnvelope {
  readonly contentType: string;
  /** base64 of the event data exactly as the client sent it. */
  readonly data: string;
  /** base64 of the custom metadata exactly as the client sent it ('' when none). */
  readonly customMetadata: string;
}

export interface StandInEvent {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  /** Position in the SQLite store; the stand-in's EventStoreDB log position is derived from it. */
  readonly storePosition: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, which is how EventStoreDB reports `created`. */
  readonly createdTicks: bigint;
}

export function toEnvelope(contentType: string, data: Uint8Array, customMetadata: Uint8Array): StandInEnvelope {
  return {
    contentType,
    data: Buffer.from(data).toString('base64'),
    customMetadata: Buffer.from(customMetadata).toString('base64'),
  };
}

const TICKS_PER_MS = 10_000n;

function isStandInEnvelope(value: unknown): value is StandInEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.contentType === 'string' && typeof v.data === 'string' && typeof v.customMetadata === 'string';
}

export function fromRecorded(event: RecordedEvent): StandInEvent {
  const envelope = event.data;
  if (!isStandInEnvelope(envelope)) throw new Error(`stand-in: event ${event.metadata.eventId} is not a stand-in envelope`);
  return {
    id: event.metadata.eventId,
    streamName: event.streamName,
    revision: event.revision,
    storePosition: event.position,
    type: event.type,
    contentType: envelope.contentType,
    data: Buffer.from(envelope.data, 'base64'),
    customMetadata: Buffer.from(envelope.customMetadata, 'base64'),
    createdTicks: BigInt(Date.parse(event.metadata.occurredAt)) * TICKS_PER_MS,
  };
}
