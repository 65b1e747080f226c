import type { RecordedEvent } from '@sss/contracts/ports/event-store';

/**
 * The audit index port: one row per recorded event, searchable by period, actor, entity, type and
 * free text, newest first with a true total. It lives beside the read store, not in it, so a
 * million events never become a million documents of the embedded read store (docs/audit.md).
 */
export interface AuditCriteria {
  /** Inclusive UTC ISO instants. */
  readonly fromInstant?: string;
  readonly toInstant?: string;
  readonly actor?: string;
  readonly category?: string;
  readonly entityId?: string;
  readonly type?: string;
  readonly text?: string;
  /** Inclusive: the log as it stood at this position. */
  readonly toPosition?: bigint;
}

export interface IndexedEvent {
  readonly position: bigint;
  readonly occurredAt: string;
  readonly actor: string;
  readonly actorName: string;
  readonly streamName: string;
  readonly category: string;
  readonly entityId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
}

export interface AuditIndex {
  /** Adds a batch and moves the checkpoint to its last position, atomically. */
  add(events: readonly RecordedEvent[]): void;
  /** Position of the last indexed event (0n when empty). */
  checkpoint(): bigint;
  search(criteria: AuditCriteria, page: { readonly skip: number; readonly limit: number }): { readonly items: IndexedEvent[]; readonly total: number };
  close(): void;
}
