import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { EMPTY_PARKED_LIST, evolveParkedList, failureCounterName, type ParkedEvent, type ParkedEventEvent, type ParkedList } from '@sss/contracts/ops/parked-events';
import type { Log } from '@sss/contracts/ports/log';
import type { Projection } from './projection.ts';
import { projectBatch } from './projector.ts';

/**
 * A projection that throws on the same event `maxAttempts` times in a row parks that event
 * (`SubscriberEventParked` in `parked-<projection>`) and answers no change for it, so the projector
 * gets past a poison event instead of retrying it forever while every later event waits. The
 * parked list is read back at start, so a replay never parks (or applies) a settled event again, and
 * on every ask of the console, so every read instance shows the same list whichever one parked it.
 * The failures are counted in the read store beside the checkpoints (durable, shared by the
 * instances), so a restart or a new leader does not count a poison event from zero again.
 *
 * A retry applies the event on its own, with the projector's own rule that a document already
 * holding a later event keeps it (docs/architecture.md §Read side): what later events have since
 * rewritten needs a rebuild, which the console says.
 */
export interface PoisonGuard {
  readonly projection: Projection;
  /** What is parked now, as the stream says. */
  parked(): Promise<readonly ParkedEvent[]>;
  /** Applies a parked event now; throws what the projection threw. The caller records the retry. */
  apply(eventId: string): Promise<void>;
  /** A retry or skip recorded by the console's command: the event leaves the list. */
  settled(event: ParkedEventEvent): void;
}

export interface PoisonGuardOptions {
  readonly events: EventStore;
  readonly store: ReadStore;
  readonly maxAttempts?: number;
  readonly log?: Log;
}

const PARKED_TYPES = ['SubscriberEventParked', 'ParkedEventRetried', 'ParkedEventSkipped'] as const;

export async function guardAgainstPoison(projection: Projection, options: PoisonGuardOptions): Promise<PoisonGuard> {
  const { events, store } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  const stream = streams.parked(projection.name);
  let list: ParkedList = EMPTY_PARKED_LIST;
  const reload = async () => {
    let read = EMPTY_PARKED_LIST;
    for (const recorded of await events.readStream(stream)) if (isEventOf(recorded, PARKED_TYPES)) read = evolveParkedList(read, recorded);
    list = read;
  };
  await reload();
  /** Events this instance counted a failure for: only those need their counter cleared on success. */
  const failing = new Set<string>();
  const counter = (eventId: string) => failureCounterName(projection.name, eventId);
  const count = (eventId: string, attempts: number) => store.apply([], { name: counter(eventId), position: BigInt(attempts) });

  const park = async (event: RecordedEvent, attempts: number, error: unknown) => {
    const data = {
      subscriber: projection.name,
      eventId: event.metadata.eventId,
      position: event.position.toString(),
      streamName: event.streamName,
      eventType: event.type,
      attempts,
      error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      at: new Date().toISOString(),
    };
    await events.append(stream, [{ type: 'SubscriberEventParked', data, metadata: { actor: `system:projector-${projection.name}`, correlationId: event.metadata.correlationId, causationId: event.metadata.eventId } }], 'any');
    list = evolveParkedList(list, { type: 'SubscriberEventParked', data });
    options.log?.(`projection ${projection.name}: event ${data.eventId} (${data.eventType} at ${data.position}) parked after ${attempts} failures`, error, {
      subscriber: projection.name,
      eventId: data.eventId,
      eventType: data.eventType,
      streamName: data.streamName,
      position: data.position,
      correlationId: event.metadata.correlationId,
      actor: event.metadata.actor,
    });
  };

  const guarded: Projection = {
    ...projection,
    async project(event, docs) {
      const id = event.metadata.eventId;
      if (list.settled.has(id)) return [];
      try {
        const changes = await projection.project(event, docs);
        if (!docs.probing && failing.delete(id)) await count(id, 0).catch(() => undefined);
        return changes;
      } catch (error) {
        if (docs.probing) throw error;
        const attempts = Number((await store.getCheckpoint(counter(id))) ?? 0n) + 1;
        if (attempts < maxAttempts) {
          failing.add(id);
          await count(id, attempts);
          throw error;
        }
        failing.delete(id);
        await park(event, attempts, error);
        await count(id, 0);
        return [];
      }
    },
  };

  return {
    projection: guarded,
    async parked() {
      await reload();
      return [...list.parked.values()];
    },
    async apply(eventId) {
      await reload();
      const entry = list.parked.get(eventId);
      if (!entry) throw new Error(`event ${eventId} is not parked for ${projection.name}`);
      const event = (await events.readStream(entry.streamName)).find((e) => e.metadata.eventId === eventId);
      if (!event) throw new Error(`event ${eventId} is no longer in ${entry.streamName}`);
      // Its own checkpoint name: the projector's checkpoint stays where the projector is.
      await projectBatch({ events, store, projection, checkpointName: `${projection.name}~retried` }, [event]);
    },
    settled(event) {
      list = evolveParkedList(list, event);
    },
  };
}
