import { BehaviorSubject, concatMap, defer, type Subscription } from 'rxjs';
import { batches, positionReached, retryWithBackoff } from '@sss/contracts/streams/operators';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { AuditIndex } from './audit-index.ts';

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

export function startAuditIndexer(events: EventStore, index: AuditIndex, log: (message: string, error?: unknown) => void): RunningAuditIndex {
  const position$ = new BehaviorSubject<bigint>(index.checkpoint());
  const run: Subscription = defer(() => events.subscribeAll(index.checkpoint()))
    .pipe(
      batches(50, 2_000),
      concatMap(async (batch) => {
        index.add(batch);
        position$.next(batch[batch.length - 1]!.position);
      }),
      retryWithBackoff((error, attempt) => log(`audit index failed (attempt ${attempt}); retrying`, error)),
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
