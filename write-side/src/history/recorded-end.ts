import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import type { WithRecordedEnd } from '../eventstore/sqlite-event-store.ts';

/**
 * The revision the store itself records as a stream's end, where the adapter keeps one apart from
 * the events (the embedded SQLite store's `streams` table). When it is ahead of the last readable
 * event, the stream's last event(s) were deleted: the per-stream hash chain of what is left still
 * verifies, so this is the only place the loss shows. Null where the adapter keeps no such record.
 */
export function recordedEnd(store: EventStore, streamName: string): bigint | null {
  return 'recordedEnd' in store ? (store as EventStore & WithRecordedEnd).recordedEnd(streamName) : null;
}

/**
 * A command on a stream whose last event(s) were deleted can never succeed: the store's recorded
 * end stays ahead of every revision a writer can read, so each attempt would be another 409. Say
 * what happened instead, once, naming the revisions.
 */
export function streamLossError(streamName: string, readRevision: bigint, recorded: bigint): DomainError {
  return new DomainError(
    'integrity_broken',
    `この記録（${streamName}）はリビジョン ${recorded} まで記録されていますが、リビジョン ${readRevision + 1n} 以降のイベントが失われています。改ざんまたは破損の可能性があるため変更できません。監査担当者・管理者に連絡してください。`,
    [],
    { streamName, readRevision: readRevision.toString(), recordedRevision: recorded.toString() },
  );
}

/** Throws `streamLossError` when the store records more of the stream than it lets anyone read. */
export function assertStreamWhole(store: EventStore, streamName: string, readRevision: bigint): void {
  const recorded = recordedEnd(store, streamName);
  if (recorded !== null && recorded > readRevision) throw streamLossError(streamName, readRevision, recorded);
}
