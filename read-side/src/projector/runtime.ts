import { BehaviorSubject } from 'rxjs';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { leasesOf, type LeaseStore } from '@sss/contracts/ports/leases';
import { lead } from '@sss/contracts/streams/leadership';
import { positionReached } from '@sss/contracts/streams/operators';
import { NO_SUBSCRIBER_REPORT, type SubscriberRegistry, type SubscriberReport } from '@sss/contracts/ports/subscribers';
import type { Log } from '@sss/contracts/ports/log';
import type { Projection } from './projection.ts';
import { startProjector, type RunningProjector } from './projector.ts';
import { guardAgainstPoison, type PoisonGuard } from './poison.ts';

/** All projections of a read-side process, with what the query API needs of them. */
export interface ProjectionStatus {
  readonly name: string;
  readonly position: string;
  readonly head: string;
  readonly caughtUp: boolean;
}

export interface ReadModels {
  readonly store: ReadStore;
  /** Resolves true once `projection` has reached `position`, false after `timeoutMs`. */
  waitFor(projection: string, position: bigint, timeoutMs: number): Promise<boolean>;
  status(): Promise<ProjectionStatus[]>;
  /** Each projection's dead-letter list (poison events parked instead of retried forever). */
  readonly poison: ReadonlyMap<string, PoisonGuard>;
  stop(): Promise<void>;
}

/** `holder` names this instance in projector leases (default INSTANCE_ID; tests run two instances in one process). */
export async function startReadModels(events: EventStore, store: ReadStore, projections: readonly Projection[], log: Log = () => {}, subscribers?: SubscriberRegistry, holder?: string): Promise<ReadModels> {
  const startHead = await events.headPosition();
  const running = new Map<string, RunningProjector>();
  const poison = new Map<string, PoisonGuard>();
  for (const projection of projections) {
    const report = subscribers?.register(projection.name, 'projector') ?? NO_SUBSCRIBER_REPORT;
    const guard = await guardAgainstPoison(projection, { events, store, log });
    poison.set(projection.name, guard);
    let reached: bigint | null = null;
    const start = () =>
      startProjector({
        events,
        store,
        projection: guard.projection,
        onError: (error, attempt) => (report.failed(error), log(`projection ${projection.name} failed (attempt ${attempt}); retrying`, error, { subscriber: projection.name, attempt, position: reached?.toString() ?? null })),
      });
    const leases = leasesOf(store);
    const projector = leases ? await ledProjector(projection.name, start, store, leases, report, log, holder) : await start();
    projector.position$.subscribe((position) => (report.reached(position), (reached = position)));
    running.set(projection.name, projector);
  }
  return {
    store,
    poison,
    async waitFor(projection, position, timeoutMs) {
      const projector = running.get(projection);
      if (!projector) throw new Error(`unknown projection ${projection}`);
      return projector.waitFor(position, timeoutMs);
    },
    async status() {
      const head = await events.headPosition();
      return [...running].map(([name, projector]) => ({
        name,
        position: projector.position$.value.toString(),
        head: head.toString(),
        caughtUp: projector.position$.value >= startHead,
      }));
    },
    async stop() {
      for (const projector of running.values()) await projector.stop();
    },
  };
}

/**
 * A projector on a store shared by several read instances (MongoDB) runs only on the instance that
 * holds its lease in that store (docs/architecture.md §Leadership and checkpoints). A follower serves
 * reads from what the leader wrote, so its position (read-your-writes, /readyz) follows the stored
 * checkpoint; it takes over when the leader stops renewing.
 */
async function ledProjector(name: string, start: () => Promise<RunningProjector>, store: ReadStore, leases: LeaseStore, report: SubscriberReport, log: (message: string, error?: unknown) => void, holder: string | undefined): Promise<RunningProjector> {
  const position$ = new BehaviorSubject<bigint>((await store.getCheckpoint(name)) ?? 0n);
  const advance = (position: bigint) => {
    if (position > position$.value) position$.next(position);
  };
  const leadership = lead({
    leases,
    ...(holder === undefined ? {} : { holder }),
    name: `projector:${name}`,
    async start() {
      const projector = await start();
      const feeding = projector.position$.subscribe(advance);
      return { stop: async () => (feeding.unsubscribe(), await projector.stop()) };
    },
    onRole: (role) => report.role(role),
    log,
  });
  const polling = setInterval(() => {
    if (leadership.role() === 'follower') store.getCheckpoint(name).then((position) => position !== null && advance(position), () => undefined);
  }, 250);
  polling.unref();
  return {
    position$,
    waitFor: (position, timeoutMs) => positionReached(position$, position, timeoutMs),
    async stop() {
      clearInterval(polling);
      await leadership.stop();
      position$.complete();
    },
  };
}
