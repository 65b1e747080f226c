import { BehaviorSubject, combineLatest, type Subscription } from 'rxjs';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { leasesOf, type LeaseStore } from '@sss/contracts/ports/leases';
import { lead } from '@sss/contracts/streams/leadership';
import { positionReached } from '@sss/contracts/streams/operators';
import { NO_SUBSCRIBER_REPORT, type SubscriberRegistry, type SubscriberReport, type SubscriberRole } from '@sss/contracts/ports/subscribers';
import type { Log } from '@sss/contracts/ports/log';
import type { ProjectionVersionView, RebuildProgressView } from '@sss/contracts/ops/rebuild-views';
import type { Projection } from './projection.ts';
import { startProjector, type RunningProjector } from './projector.ts';
import { guardAgainstPoison, type PoisonGuard } from './poison.ts';
import { adoptPointer, generationOf, nextTag, resolvingStore, writePointer, type Generation, type ProjectionPointer } from './namespaces.ts';
import { writeFence, type WriteFence } from './write-fence.ts';
import { describeRebuild, measureRebuild } from './rebuild-progress.ts';

/** All projections of a read-side process, with what the query API needs of them. */
export interface ProjectionStatus {
  readonly name: string;
  readonly position: string;
  readonly head: string;
  readonly caughtUp: boolean;
}

export interface ReadModels {
  /** The read models by their logical names, resolved to the generation serving (docs/rebuilds.md). */
  readonly store: ReadStore;
  /** Resolves true once `projection` has reached `position`, false after `timeoutMs`. */
  waitFor(projection: string, position: bigint, timeoutMs: number): Promise<boolean>;
  status(): Promise<ProjectionStatus[]>;
  /** Each projection's dead-letter list (poison events parked instead of retried forever). */
  readonly poison: ReadonlyMap<string, PoisonGuard>;
  readonly rebuilds: Rebuilds;
  stop(): Promise<void>;
}

/** Blue/green rebuilds (docs/rebuilds.md). */
export interface Rebuilds {
  status(): Promise<ProjectionVersionView[]>;
  /**
   * Rebuild one projection (or `all`) into fresh collections beside the serving ones; answers the
   * names started, leaving a rebuild already under way as it is. Throws on an unknown name.
   */
  start(name: string): Promise<string[]>;
}

/** One generation's projector, its fence, its poison guard and where it reports. */
interface Launched {
  readonly generation: Generation;
  readonly projector: RunningProjector;
  readonly fence: WriteFence;
  readonly guard: PoisonGuard;
  /** The rebuild's report until it serves, then the projection's own. */
  readonly reportTo: { report: SubscriberReport };
}

interface Run {
  readonly launched: Launched;
  readonly startedAt: number;
  readonly from: bigint;
  readonly headAtStart: bigint;
  readonly counted: { events: number };
  state: RebuildProgressView['state'];
  lastError: string | null;
  loggedAt: number;
  watch?: Subscription;
}

interface Slot {
  readonly projection: Projection;
  pointer: ProjectionPointer;
  live: Launched;
  run: Run | null;
  last: ProjectionVersionView['lastRebuild'];
}

/** How often a running rebuild writes its progress to the log. */
const LOG_EVERY_MS = 5_000;

/** `holder` names this instance in projector leases (default INSTANCE_ID; tests run two instances in one process). */
export async function startReadModels(events: EventStore, raw: ReadStore, projections: readonly Projection[], log: Log = () => {}, subscribers?: SubscriberRegistry, holder?: string): Promise<ReadModels> {
  const startHead = await events.headPosition();
  const pointers = new Map<string, ProjectionPointer>();
  for (const projection of projections) pointers.set(projection.name, await adoptPointer(raw, projection));
  const resolving = resolvingStore(raw, [...pointers.values()].map((p) => p.current));
  const slots = new Map<string, Slot>();
  const poison = new Map<string, PoisonGuard>();
  let stopped = false;
  // Switch-overs run beside the projector (they drop the old collections); stop() waits for them so
  // nothing writes to the store after its owner has closed it.
  const switching = new Set<Promise<void>>();

  const launch = async (projection: Projection, generation: Generation, report: SubscriberReport): Promise<Launched> => {
    const fence = writeFence(raw);
    // The guard's retries write through the resolving store: into whatever generation serves then.
    const guard = await guardAgainstPoison(projection, { events, store: resolving.store, log });
    const reportTo = { report };
    let reached: bigint | null = null;
    const start = (token?: bigint) =>
      startProjector({
        ...(token === undefined ? {} : { token }),
        events,
        store: fence.store,
        projection: guard.projection,
        physical: (collection) => generation.collections[collection] ?? collection,
        checkpointName: generation.checkpoint,
        onError: (error, attempt) => (reportTo.report.failed(error), log(`projection ${generation.checkpoint} failed (attempt ${attempt}); retrying`, error, { subscriber: generation.checkpoint, attempt, position: reached?.toString() ?? null })),
      });
    // On a shared read store (MongoDB) one instance leads each generation's projector; the others follow its checkpoint.
    const leases = leasesOf(raw);
    const projector = leases ? await ledProjector(generation.checkpoint, start, raw, leases, (role) => reportTo.report.role(role), log, holder) : await start();
    projector.position$.subscribe((position) => (reportTo.report.reached(position), (reached = position)));
    return { generation, fence, guard, reportTo, projector };
  };

  const startRun = async (slot: Slot, version: number): Promise<void> => {
    const { projection } = slot;
    const resumed = slot.pointer.target?.version === version ? slot.pointer.target : null;
    const generation = resumed ?? generationOf(projection, version, nextTag(slot.pointer, version));
    if (!resumed) {
      // Leftovers of an abandoned build under the same names go first; then the pointer names the
      // target, so a restart resumes this build from its own checkpoint.
      if (slot.pointer.target) for (const physical of Object.values(slot.pointer.target.collections)) await raw.drop(physical);
      for (const physical of Object.values(generation.collections)) await raw.drop(physical);
      await raw.apply([], { name: generation.checkpoint, position: 0n });
      slot.pointer = { ...slot.pointer, target: generation };
      await writePointer(raw, projection.name, slot.pointer);
    }
    const from = (await raw.getCheckpoint(generation.checkpoint)) ?? 0n;
    const counted = { events: 0 };
    const counting: Projection = { ...projection, project: (event, docs) => (counted.events++, projection.project(event, docs)) };
    const report = subscribers?.register(`${projection.name}@${generation.tag}`, 'rebuild') ?? NO_SUBSCRIBER_REPORT;
    const launched = await launch(counting, generation, report);
    const run: Run = { launched, startedAt: Date.now(), from, headAtStart: await events.headPosition(), counted, state: 'running', lastError: null, loggedAt: Date.now() };
    slot.run = run;
    log(`projection ${projection.name}: rebuilding version ${version} into ${Object.values(generation.collections).join(', ')} ${resumed ? `(resumed at position ${from})` : 'from position 0'}; version ${slot.pointer.current.version} keeps serving`);
    run.watch = combineLatest([launched.projector.position$, slot.live.projector.position$]).subscribe(([position, serving]) => {
      if (Date.now() - run.loggedAt >= LOG_EVERY_MS) {
        run.loggedAt = Date.now();
        void progressOf(slot, run).then((p) => log(`rebuild ${describeRebuild(projection.name, version, p)}`), () => undefined);
      }
      // Caught up with the log as it was when the build began, and with the serving generation.
      if (run.state === 'running' && position >= run.headAtStart && position >= serving) {
        const done = switchOver(slot, run).catch((error: unknown) => log(`projection ${projection.name}: finishing the switch to version ${version} failed`, error));
        switching.add(done);
        void done.finally(() => switching.delete(done));
      }
    });
  };

  const switchOver = async (slot: Slot, run: Run): Promise<void> => {
    run.state = 'switching';
    const { projection } = slot;
    const old = slot.live;
    const next: ProjectionPointer = { current: run.launched.generation, target: null, builds: slot.pointer.builds + 1 };
    try {
      // The switch: one pointer write, then this process resolves through it.
      await writePointer(raw, projection.name, next);
    } catch (error) {
      run.state = 'running';
      run.lastError = error instanceof Error ? error.message : String(error);
      log(`projection ${projection.name}: switching to version ${next.current.version} failed; retrying with the next batch`, error);
      return;
    }
    slot.pointer = next;
    resolving.serve(next.current);
    run.watch?.unsubscribe();
    const measured = await progressOf(slot, run);
    slot.live = run.launched;
    slot.run = null;
    slot.last = { version: next.current.version, tag: next.current.tag, finishedAt: new Date().toISOString(), seconds: Math.round((Date.now() - run.startedAt) / 100) / 10, events: measured.eventsDone };
    poison.set(projection.name, run.launched.guard);
    run.launched.reportTo.report.retired();
    run.launched.reportTo.report = old.reportTo.report;
    old.reportTo.report = NO_SUBSCRIBER_REPORT;
    log(`projection ${projection.name}: version ${next.current.version} serves now (${measured.eventsDone} events in ${slot.last.seconds} s); dropping ${Object.values(old.generation.collections).join(', ')}`);
    await old.projector.stop();
    await old.fence.seal();
    // No read of the old collections is still answering when they go.
    await resolving.drained();
    const kept = new Set(Object.values(next.current.collections));
    for (const physical of Object.values(old.generation.collections)) if (!kept.has(physical)) await raw.drop(physical);
  };

  const progressOf = async (slot: Slot, run: Run): Promise<RebuildProgressView> => {
    const head = await events.headPosition();
    const position = run.launched.projector.position$.value;
    const m = measureRebuild({ eventsDone: run.counted.events, from: run.from, position, head, elapsedMs: Date.now() - run.startedAt });
    const { generation } = run.launched;
    return { version: generation.version, tag: generation.tag, state: run.state, startedAt: new Date(run.startedAt).toISOString(), position: position.toString(), head: head.toString(), ...m, lastError: run.lastError };
  };

  for (const projection of projections) {
    const pointer = pointers.get(projection.name)!;
    const report = subscribers?.register(projection.name, 'projector') ?? NO_SUBSCRIBER_REPORT;
    const live = await launch(projection, pointer.current, report);
    const slot: Slot = { projection, pointer, live, run: null, last: null };
    slots.set(projection.name, slot);
    poison.set(projection.name, live.guard);
    const wanted = projection.version;
    if (pointer.target && pointer.target.version !== wanted) {
      // A build of a version this code no longer declares (rolled back meanwhile): not resumed.
      for (const physical of Object.values(pointer.target.collections)) await raw.drop(physical);
      slot.pointer = { ...pointer, target: null };
      await writePointer(raw, projection.name, slot.pointer);
    }
    if (pointer.current.version !== wanted || slot.pointer.target) await startRun(slot, wanted);
  }

  const slotOf = (name: string) => {
    const slot = slots.get(name);
    if (!slot) throw new Error(`unknown projection ${name}`);
    return slot;
  };

  return {
    store: resolving.store,
    poison,
    async waitFor(projection, position, timeoutMs) {
      const slot = slotOf(projection);
      const deadline = Date.now() + timeoutMs;
      // A switch mid-wait: wait on the generation that serves now, within the same deadline.
      for (;;) {
        const live = slot.live;
        const reached = await live.projector.waitFor(position, Math.max(0, deadline - Date.now()));
        if (slot.live === live || live.projector.position$.value >= position) return reached;
      }
    },
    async status() {
      const head = await events.headPosition();
      return [...slots.values()].map(({ projection, live }) => ({
        name: projection.name,
        position: live.projector.position$.value.toString(),
        head: head.toString(),
        caughtUp: live.projector.position$.value >= startHead,
      }));
    },
    rebuilds: {
      async status() {
        return Promise.all(
          [...slots.values()].map(async (slot) => ({
            name: slot.projection.name,
            version: slot.pointer.current.version,
            declared: slot.projection.version,
            collections: Object.values(slot.pointer.current.collections),
            rebuild: slot.run ? await progressOf(slot, slot.run) : null,
            lastRebuild: slot.last,
          })),
        );
      },
      async start(name) {
        const chosen = name === 'all' ? [...slots.values()] : [slotOf(name)];
        const started: string[] = [];
        for (const slot of chosen) {
          if (slot.run || stopped) continue;
          await startRun(slot, slot.projection.version);
          started.push(slot.projection.name);
        }
        return started;
      },
    },
    async stop() {
      stopped = true;
      await Promise.all(switching);
      for (const slot of slots.values()) {
        slot.run?.watch?.unsubscribe();
        await slot.run?.launched.projector.stop();
        await slot.live.projector.stop();
      }
    },
  };
}

/**
 * A projector on a store shared by several read instances (MongoDB) runs only on the instance that
 * holds its lease in that store (docs/architecture.md §Leadership and checkpoints). A follower serves
 * reads from what the leader wrote, so its position (read-your-writes, /readyz) follows the stored
 * checkpoint; it takes over when the leader stops renewing.
 */
async function ledProjector(name: string, start: (token: bigint) => Promise<RunningProjector>, store: ReadStore, leases: LeaseStore, onRole: (role: SubscriberRole) => void, log: Log, holder: string | undefined): Promise<RunningProjector> {
  const position$ = new BehaviorSubject<bigint>((await store.getCheckpoint(name)) ?? 0n);
  const advance = (position: bigint) => {
    if (position > position$.value) position$.next(position);
  };
  const leadership = lead({
    leases,
    ...(holder === undefined ? {} : { holder }),
    name: `projector:${name}`,
    async start(token) {
      const projector = await start(token);
      const feeding = projector.position$.subscribe(advance);
      return { stop: async () => (feeding.unsubscribe(), await projector.stop()) };
    },
    onRole,
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
