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
  | { type: 'UniqueKeyReleased'; data: { owner: string } }
  /**
   * Written by a take-over as the FIRST event of an orphaned claim's owner stream (appended with
   * "no stream"), so that owner can never come into being afterwards: the fence that makes the
   * take-over safe while the owner's own append may still be in flight (write-side unique-key.ts).
   */
  | { type: 'UniqueKeyOwnerVoided'; data: { scope: string; owner: string } };

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
