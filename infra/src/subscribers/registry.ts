import type { EventStore } from '@sss/contracts/ports/event-store';
import type { SubscriberKind, SubscriberRegistry, SubscriberReport, SubscriberRole, SubscriberSources, SubscriberState, SubscriberStatus } from '@sss/contracts/ports/subscribers';

/**
 * The one place that knows every subscriber of this process: what each reached, when it last
 * progressed, its last error, and from that its state. A subscriber is **stalled** when it is
 * behind, the oldest event it has not handled is older than `stallAfterMs`, and it has not
 * progressed for as long: a projector that is merely catching up keeps progressing, and one that
 * was idle and just got a new event is not behind for long yet.
 */

export interface RegistryOptions {
  readonly events: EventStore;
  /** Lagging with no progress for this long is a stall (default 30 s). */
  readonly stallAfterMs?: number;
  readonly clock?: () => Date;
}

export interface RunningSubscriberRegistry extends SubscriberRegistry {
  status(): Promise<SubscriberStatus[]>;
}

const THROUGHPUT_WINDOW_MS = 60_000;

interface Entry {
  readonly kind: SubscriberKind;
  sources: SubscriberSources;
  role: SubscriberRole;
  position: bigint | null;
  handled: number;
  lastProgressAt: number | null;
  lastError: { message: string; at: number } | null;
  /** (time, progress count) samples within the throughput window. */
  samples: Array<[number, number]>;
  progress: number;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

export function createSubscriberRegistry(options: RegistryOptions): RunningSubscriberRegistry {
  const now = () => (options.clock ?? (() => new Date()))().getTime();
  const stallAfterMs = options.stallAfterMs ?? 30_000;
  const entries = new Map<string, Entry>();

  const progressed = (entry: Entry, by: number) => {
    const at = now();
    entry.lastProgressAt = at;
    entry.progress += by;
    entry.samples.push([at, entry.progress]);
    while (entry.samples.length > 2 && entry.samples[0]![0] < at - THROUGHPUT_WINDOW_MS) entry.samples.shift();
  };

  const register = (name: string, kind: SubscriberKind, sources: SubscriberSources = {}): SubscriberReport => {
    // A restarted runtime (a retried subscription, a test restarting a projector) reports under the same name.
    const entry: Entry = entries.get(name) ?? { kind, sources, role: 'sole', position: null, handled: 0, lastProgressAt: null, lastError: null, samples: [], progress: 0 };
    entry.sources = sources;
    entries.set(name, entry);
    return {
      reached(position) {
        if (entry.position !== null && position <= entry.position) return;
        // Positions of the embedded store count events; other stores' positions only grow, which is all the state needs.
        const by = entry.position === null ? 0 : Number(position - entry.position);
        entry.position = position;
        progressed(entry, by);
      },
      handled() {
        entry.handled++;
        progressed(entry, 1);
      },
      failed(error) {
        entry.lastError = { message: messageOf(error), at: now() };
      },
      role(role) {
        entry.role = role;
      },
      retired() {
        if (entries.get(name) === entry) entries.delete(name);
      },
    };
  };

  const oldestUnhandledAt = async (position: bigint): Promise<number | null> => {
    const [next] = await options.events.readAll({ after: position, maxCount: 1 });
    return next ? Date.parse(next.metadata.occurredAt) : null;
  };

  /** A consumer's lag from its source; unknown (null) when the broker cannot say right now. */
  const lagOf = async (entry: Entry): Promise<bigint | null> => {
    try {
      return entry.sources.lag ? await entry.sources.lag() : null;
    } catch {
      return null;
    }
  };

  return {
    register,
    async status() {
      const head = await options.events.headPosition();
      const at = now();
      return Promise.all(
        [...entries].map(async ([name, entry]): Promise<SubscriberStatus> => {
          const lagEvents = entry.position === null ? await lagOf(entry) : head > entry.position ? head - entry.position : 0n;
          const oldest = lagEvents && entry.position !== null ? await oldestUnhandledAt(entry.position) : null;
          // A bus consumer's messages have no log time here: its lag is in messages only.
          const lagSeconds = lagEvents === null || entry.position === null ? null : oldest === null ? 0 : Math.max(0, (at - oldest) / 1000);
          const sinceProgress = entry.lastProgressAt === null ? Infinity : at - entry.lastProgressAt;
          const failing = entry.lastError !== null && (entry.lastProgressAt === null || entry.lastError.at > entry.lastProgressAt);
          const state: SubscriberState = failing
            ? 'failed'
            : lagEvents && (lagSeconds ?? 0) * 1000 >= stallAfterMs && sinceProgress >= stallAfterMs
              ? 'stalled'
              : lagEvents
                ? 'catching_up'
                : 'running';
          const [first, last] = [entry.samples[0], entry.samples[entry.samples.length - 1]];
          const span = first && last ? (last[0] - first[0]) / 1000 : 0;
          return {
            name,
            kind: entry.kind,
            state,
            role: entry.role,
            position: entry.position?.toString() ?? null,
            head: head.toString(),
            lagEvents: lagEvents?.toString() ?? null,
            lagSeconds: lagSeconds === null ? null : Math.round(lagSeconds * 1000) / 1000,
            eventsPerSecond: span > 0 && last && first && at - last[0] < THROUGHPUT_WINDOW_MS ? Math.round(((last[1] - first[1]) / span) * 100) / 100 : 0,
            handled: entry.handled,
            lastProgressAt: entry.lastProgressAt === null ? null : new Date(entry.lastProgressAt).toISOString(),
            lastError: entry.lastError ? { message: entry.lastError.message, at: new Date(entry.lastError.at).toISOString() } : null,
          };
        }),
      );
    },
  };
}
