import { BehaviorSubject, concatMap, defer, type Subscription } from 'rxjs';
import { batches, positionReached, retryWithBackoff } from '@sss/contracts/streams/operators';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { Log } from '@sss/contracts/ports/log';
import { NO_SUBSCRIBER_REPORT, type SubscriberReport } from '@sss/contracts/ports/subscribers';
import type { AuditIndex } from './audit-index.ts';

/** Its name in the subscriber console. */
export const AUDIT_INDEX_SUBSCRIBER = 'audit-index';

/**
 * Feeds the audit index: a read-side subscriber of its own (like a projector, but writing to the
 * index instead of the read store), from the index's own checkpoint, in batches, each batch and its
 * checkpoint in one transaction, so a crash neither loses nor doubles an event.
 */
export interface RunningAuditIndex {
  readonly index: AuditIndex;
  /** Resolves true once the index holds every event up to `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** `report`: where it tells the subscriber registry what it reached and what failed (console, /readyz, /metrics). */
export function startAuditIndexer(events: EventStore, index: AuditIndex, log: Log, report: SubscriberReport = NO_SUBSCRIBER_REPORT): RunningAuditIndex {
  const position$ = new BehaviorSubject<bigint>(index.checkpoint());
  position$.subscribe((position) => report.reached(position));
  const run: Subscription = defer(() => events.subscribeAll(index.checkpoint()))
    .pipe(
      batches(50, 2_000),
      concatMap(async (batch) => {
        index.add(batch);
        position$.next(batch[batch.length - 1]!.position);
      }),
      retryWithBackoff((error, attempt) => (report.failed(error), log(`audit index failed (attempt ${attempt}); retrying`, error, { subscriber: AUDIT_INDEX_SUBSCRIBER, attempt, position: position$.value.toString() }))),
    )
    .subscribe({ error: (error: unknown) => log('audit index stopped', error) });
  return {
    index,
    waitFor: (position, timeoutMs) => positionReached(position$, position, timeoutMs),
    async stop() {
      run.unsubscribe();
      position$.complete();
      index.close();
    },
  };
}
