import type { Subscription } from 'rxjs';
import { decorate } from '@sss/contracts/ports/decorate';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import { SESSION_HOURS, type SessionClaims } from '@sss/contracts/http/auth';
import { idOf, streams } from '@sss/contracts/streams/names';
import { foldSessionEvent, noFacts, sessionRefusal, type SessionFacts } from './session-validity.ts';

/**
 * The session check every authenticated request passes, answered from memory (docs/architecture.md
 * §Sessions). Each API instance keeps, per user it has seen, what their events say about sessions:
 * a cold user is read once (their `user-` and `signin-` streams), then kept current by a subscription
 * to the store from the head at start, so an ending recorded by another instance reaches this one as
 * fast as the store delivers it (in the same process at once; SQLite polls every 250 ms; EventStoreDB
 * pushes). Appends made through `watching(store)` refresh the cache before they return, so on the
 * instance that ended a session the very next request is refused.
 */
export interface SessionRegistry {
  /** Whether a signed, unexpired session still speaks for its user at `now` (epoch ms). */
  stillValid(claims: SessionClaims, now: number): Promise<boolean>;
  /** The same store, except that appends to a user's streams refresh that user's entry before returning. */
  watching(store: EventStore): EventStore;
  stop(): void;
}

interface Entry {
  readonly facts: SessionFacts;
  ready: Promise<void>;
}

const RESUBSCRIBE_MS = 1_000;
const PAGE = 50;

/**
 * The sign-in stream grows by an event per sign-in, forever; only its last SESSION_HOURS can matter
 * (an ending older than that concerns sessions that have expired anyway), so read it newest first and stop there.
 */
async function recentSignIns(events: EventStore, userId: string): Promise<RecordedEvent[]> {
  const horizon = Date.now() - SESSION_HOURS * 3_600_000;
  const recent: RecordedEvent[] = [];
  let from: bigint | undefined;
  for (;;) {
    const page = await events.readStream(streams.signIn(userId), { direction: 'backwards', maxCount: PAGE, ...(from === undefined ? {} : { fromRevision: from }) });
    recent.push(...page);
    const oldest = page.at(-1);
    if (page.length < PAGE || !oldest || oldest.revision === 0n || Date.parse(oldest.metadata.occurredAt) < horizon) return recent;
    from = oldest.revision - 1n;
  }
}

export async function startSessionRegistry(events: EventStore, options: { idleMinutes: number; log: (message: string, error?: unknown) => void }): Promise<SessionRegistry> {
  const idleMs = options.idleMinutes * 60_000;
  const entries = new Map<string, Entry>();
  let subscription: Subscription | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  // Without a live subscription nothing cached could be trusted to stay current: read every time instead.
  let live = false;

  const userOf = (streamName: string) => idOf('user', streamName) ?? idOf('signin', streamName);
  const load = async (userId: string, facts: SessionFacts) => {
    const [user, signIns] = await Promise.all([events.readStream(streams.user(userId)), recentSignIns(events, userId)]);
    for (const event of [...user, ...signIns]) foldSessionEvent(facts, event);
  };

  const subscribe = async () => {
    if (stopped) return;
    try {
      const head = await events.headPosition();
      subscription = events.subscribeAll(head).subscribe({
        next: (event) => {
          const userId = userOf(event.streamName);
          const entry = userId ? entries.get(userId) : undefined;
          if (entry) foldSessionEvent(entry.facts, event);
        },
        error: (error: unknown) => lost(error),
      });
      live = true;
    } catch (error) {
      lost(error);
    }
  };
  const lost = (error: unknown) => {
    options.log('session cache: subscription lost, reading sessions from the store until it is back', error);
    live = false;
    entries.clear();
    if (!stopped) retry = setTimeout(() => void subscribe(), RESUBSCRIBE_MS);
  };
  await subscribe();

  const entryOf = (userId: string): Entry => {
    const cached = entries.get(userId);
    if (cached) return cached;
    const entry: Entry = { facts: noFacts(), ready: Promise.resolve() };
    // Registered before the read starts, so subscription events arriving meanwhile fold into it too.
    if (live) entries.set(userId, entry);
    entry.ready = load(userId, entry.facts).catch((error: unknown) => {
      entries.delete(userId);
      throw error;
    });
    return entry;
  };

  const refresh = async (userId: string) => {
    const entry = entries.get(userId);
    if (!entry) return;
    entry.ready = entry.ready.then(() => load(userId, entry.facts));
    // The append itself succeeded: a failed re-read only drops the entry, so the next request reads cold.
    await entry.ready.catch(() => entries.delete(userId));
  };

  return {
    async stillValid(claims, now) {
      const entry = entryOf(claims.sub);
      await entry.ready;
      return sessionRefusal(entry.facts, claims, now, idleMs) === null;
    },
    watching(store) {
      return decorate(store, {
        async append(streamName, newEvents, expected) {
          const result = await store.append(streamName, newEvents, expected);
          const userId = userOf(streamName);
          if (userId) await refresh(userId);
          return result;
        },
      });
    },
    stop() {
      stopped = true;
      clearTimeout(retry);
      subscription?.unsubscribe();
    },
  };
}
