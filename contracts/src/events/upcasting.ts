import { map } from 'rxjs';
import type { EventStore, RecordedEvent } from '../ports/event-store.ts';
import { decorate } from '../ports/decorate.ts';
import { categoryOf } from '../streams/names.ts';
import { EVENT_CATEGORIES, type SssEventType } from './registry.ts';
import type { Upcaster } from './upcaster.ts';
import { companyUpcasters } from '../company/upcasters.ts';
import { salesUpcasters } from '../sales/upcasters.ts';

/**
 * Event schema evolution (docs/schema-evolution.md): a stored event is never rewritten, so a changed
 * `data` shape gets a new schema version (carried in the metadata; absent = 1) and an upcaster per
 * step. Every read of the log goes through `upcastingEventStore`, so a decider, a projection, a
 * subscriber, the history and the as-of views all see only the current shape; the hash chain still
 * covers what was stored (`RecordedEvent.stored`).
 */

/** The one registry of upcasters, every event type's steps in any order. */
const UPCASTERS: readonly Upcaster[] = [...companyUpcasters, ...salesUpcasters];

/** Steps per type, checked once: each type's versions run 1, 2, … without a gap or a duplicate. */
const STEPS: ReadonlyMap<string, readonly Upcaster[]> = (() => {
  const byType = new Map<string, Upcaster[]>();
  for (const step of UPCASTERS) byType.set(step.type, [...(byType.get(step.type) ?? []), step]);
  for (const [type, steps] of byType) {
    steps.sort((a, b) => a.from - b.from);
    steps.forEach((step, index) => {
      if (step.from !== index + 1) throw new Error(`upcasters of ${type}: expected a step from version ${index + 1}, found one from ${step.from}`);
    });
  }
  return byType;
})();

/** The version new events of `type` are recorded at: 1 + its upcasting steps. */
export function currentSchemaVersion(type: string): number {
  return (STEPS.get(type)?.length ?? 0) + 1;
}

const storedVersion = (event: RecordedEvent): number => {
  const version = (event.metadata as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
};

/** An event in its type's current shape; unchanged (the same object) when it already is. */
export function upcastEvent(event: RecordedEvent): RecordedEvent {
  const steps = STEPS.get(event.type);
  if (!steps) return event;
  // Only the event of that type in its own category: a same-named event elsewhere is not this schema.
  if (categoryOf(event.streamName) !== EVENT_CATEGORIES[event.type as SssEventType]) return event;
  const from = storedVersion(event);
  if (from > steps.length) return event;
  let data = event.data;
  for (const step of steps.slice(from - 1)) data = step.up(data);
  return { ...event, data, metadata: { ...event.metadata, schemaVersion: steps.length + 1 }, stored: event.stored ?? { data: event.data, metadata: event.metadata } };
}

/** The event store with every read upcast; appends and every adapter member pass through untouched. */
export function upcastingEventStore<S extends EventStore>(store: S): S {
  return decorate(store, {
    readStream: async (streamName: string, options?: Parameters<EventStore['readStream']>[1]) => (await store.readStream(streamName, options)).map(upcastEvent),
    readAll: async (options?: Parameters<EventStore['readAll']>[0]) => (await store.readAll(options)).map(upcastEvent),
    subscribeAll: (after: bigint) => store.subscribeAll(after).pipe(map(upcastEvent)),
  } as Partial<S>);
}
