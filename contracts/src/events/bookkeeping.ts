import type { DomainError } from '../http/problem.ts';

/**
 * Events the system records for its own bookkeeping rather than for a business aggregate: unique-key
 * reservations (`unique-<scope>-<digest>`), Idempotency-Key answers (`idempotency-<digest>`) and the
 * checkpoints of the write-side subscribers (`checkpoint-<subscriber>`). They live in the event store
 * so that they move with the data they guard.
 */

export type UniqueKeyEvent =
  | { type: 'UniqueKeyReserved'; data: { owner: string; value: string } }
  /** The owner's first append failed after the claim: the value is free again. */
  | { type: 'UniqueKeyReleased'; data: { owner: string } };

/** What a command answered the first time a key was used: replayed as is for a repeat. */
export type IdempotentOutcome =
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'refusal'; code: DomainError['code']; message: string; errors: DomainError['errors']; extensions: Record<string, unknown> };

export type IdempotencyEvent =
  | { type: 'IdempotencyKeyReserved'; data: { fingerprint: string } }
  | { type: 'IdempotentOutcomeRecorded'; data: IdempotentOutcome }
  | { type: 'IdempotencyKeyReleased'; data: Record<string, never> };

/** Positions are decimal strings: EventStoreDB positions exceed 2^53 and JSON has no bigint. */
export type CheckpointEvent =
  | { type: 'ForwarderCheckpointMoved'; data: { position: string; published: number } }
  | { type: 'RingiCheckpointMoved'; data: { position: string } }
  /** A subscriber's position on an engine without a checkpoint table (EventStoreDB); one stream per subscriber. */
  | { type: 'SubscriberCheckpointMoved'; data: { position: string } };
