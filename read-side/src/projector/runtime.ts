import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { NO_SUBSCRIBER_REPORT, type SubscriberRegistry } from '@sss/contracts/ports/subscribers';
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

export async function startReadModels(events: EventStore, store: ReadStore, projections: readonly Projection[], log: Log = () => {}, subscribers?: SubscriberRegistry): Promise<ReadModels> {
  const startHead = await events.headPosition();
  const running = new Map<string, RunningProjector>();
  const poison = new Map<string, PoisonGuard>();
  for (const projection of projections) {
    const report = subscribers?.register(projection.name, 'projector') ?? NO_SUBSCRIBER_REPORT;
    const guard = await guardAgainstPoison(projection, { events, store, log });
    poison.set(projection.name, guard);
    let reached: bigint | null = null;
    const projector = await startProjector({
      events,
      store,
      projection: guard.projection,
      onError: (error, attempt) => (report.failed(error), log(`projection ${projection.name} failed (attempt ${attempt}); retrying`, error, { subscriber: projection.name, attempt, position: reached?.toString() ?? null })),
    });
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
