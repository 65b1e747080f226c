import { concatMap, defer, from, switchMap, type Subscription } from 'rxjs';
import { retryWithBackoff } from '@sss/contracts/streams/operators';
import { continueTrace } from '@sss/contracts/tracing/spans';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { Log } from '@sss/contracts/ports/log';
import { NO_SUBSCRIBER_REPORT, type SubscriberReport } from '@sss/contracts/ports/subscribers';
import { leasesOf, type LeaseStore } from '@sss/contracts/ports/leases';
import { lead, type LeadershipOptions } from '@sss/contracts/streams/leadership';
import { checkpointsOf, type CheckpointStore } from './checkpoint-store.ts';
import { isCheckpointEvent, keepCheckpoint, type CheckpointKeeper } from './checkpoint-keeper.ts';
import { sourceOfEvent, type ParkingLot } from '../ops/parking-lot.ts';

/**
 * A write-side subscriber that follows the event store from its checkpoint (not from 0) and moves
 * the checkpoint past each event it has handled. `handle` must be idempotent for the events of the
 * last second: the checkpoint is written lazily (checkpoint-keeper.ts), so a crash replays them.
 * A failed handler is retried, with growing pauses, from the last event handled; with a parking
 * lot, an event it fails on `maxAttempts` times in a row is parked and the subscriber goes on.
 */
export interface CheckpointedSubscriptionOptions {
  readonly events: EventStore;
  /** Defaults to the store beside `events` (checkpoint-store.ts). */
  readonly checkpoints?: CheckpointStore | undefined;
  readonly name: string;
  readonly handle: (event: RecordedEvent) => Promise<void> | void;
  /** Where a restart must resume once `event` is handled (default: right after it). */
  readonly resumeAfter?: (event: RecordedEvent) => bigint;
  readonly log: Log;
  /** Where progress and failures are reported (the subscriber registry: console, /readyz, /metrics). */
  readonly report?: SubscriberReport | undefined;
  /**
   * Where its lease lives; defaults to the event store's own (SQLite). With one, the subscriber runs
   * only on the instance that leads it (docs/architecture.md §Leadership and checkpoints); null runs
   * it unconditionally (an engine without leases yet, a test).
   */
  readonly leases?: LeaseStore | null;
  readonly lease?: Pick<LeadershipOptions<never>, 'holder' | 'ttlMs' | 'renewMs'>;
  /**
   * Where a poison event is parked (ops/parking-lot.ts). Events are independent for every subscriber
   * that follows this way — each policy command and each 稟議 is idempotent on its own source event —
   * so going on past one breaks no order the others rely on.
   */
  readonly parking?: ParkingLot | undefined;
  /**
   * Starts what lives for one term of leadership beside the subscription (the 稟議 process
   * manager's trigger checkpoint), with the lease's fencing token (none without a lease), before the
   * first event is handled; stopped after the subscription when the term ends.
   */
  readonly onLead?: ((token: bigint | undefined) => Promise<{ stop(): Promise<void> }>) | undefined;
}

export interface CheckpointedSubscription {
  /** Resolves with the keeper once the checkpoint is read (the position it started from, tests). */
  readonly started: Promise<{ from: bigint; keeper: CheckpointKeeper }>;
  /** Whether this instance runs the subscriber now (always, without a lease). */
  leading(): boolean;
  stop(): Promise<void>;
}

export function followFromCheckpoint(options: CheckpointedSubscriptionOptions): CheckpointedSubscription {
  const leases = options.leases === undefined ? leasesOf(options.events) : options.leases;
  const report = options.report ?? NO_SUBSCRIBER_REPORT;
  if (!leases) return follow(options);
  let leading: (value: CheckpointedSubscription['started']) => void = () => {};
  const started = new Promise<Awaited<CheckpointedSubscription['started']>>((resolve) => (leading = resolve));
  // The checkpoint is read anew by each new leader: it continues where the last one recorded.
  const leadership = lead({ ...options.lease, leases, name: `subscriber:${options.name}`, start: async (token) => {
    const running = follow(options, token);
    leading(running.started);
    return running;
  }, onRole: (role) => report.role(role), log: options.log });
  return { started, leading: () => leadership.role() === 'leader', stop: () => leadership.stop() };
}

/** `token`: the lease's fencing token, carried on every checkpoint write (none without a lease). */
function follow(options: CheckpointedSubscriptionOptions, token?: bigint): CheckpointedSubscription {
  const { events, name, log } = options;
  const report = options.report ?? NO_SUBSCRIBER_REPORT;
  const companion = options.onLead?.(token) ?? Promise.resolve(null);
  const started = companion.then(() => keepCheckpoint(options.checkpoints ?? checkpointsOf(events), name, { log, ...(token === undefined ? {} : { token }) })).then((keeper) => ({ from: keeper.position(), keeper }));
  // Swallowed here; the subscription below reports the same failure through `log` and retries.
  started.catch(() => undefined);
  let handled: bigint | null = null;
  const subscription: Subscription = defer(() => from(started))
    .pipe(
      switchMap(({ keeper }) =>
        defer(() => events.subscribeAll(keeper.position())).pipe(
          concatMap(async (event) => {
            const handle = () => continueTrace(event.metadata.traceparent, () => options.handle(event));
            if (options.parking) await options.parking.guard(sourceOfEvent(event), handle);
            else await handle();
            if (!isCheckpointEvent(event)) keeper.moveTo(options.resumeAfter?.(event) ?? event.position);
            report.reached(event.position);
            handled = event.position;
          }),
        ),
      ),
      retryWithBackoff((error, attempt) => (report.failed(error), log(`${name} failed (attempt ${attempt}); retrying`, error, { subscriber: name, attempt, position: handled?.toString() ?? null })), 500),
    )
    .subscribe();
  return {
    started,
    leading: () => true,
    async stop() {
      subscription.unsubscribe();
      const running = await started.catch(() => null);
      await running?.keeper.stop();
      await (await companion.catch(() => null))?.stop();
    },
  };
}
