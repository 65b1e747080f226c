import type { EventStore } from '@sss/contracts/ports/event-store';

/** Display names of actors for audit views; system actors keep their id. */
export async function actorNames(store: EventStore, actors: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const actor of new Set(actors)) {
    if (actor.startsWith('system:')) {
      names.set(actor, actor);
      continue;
    }
    const [registered] = await store.readStream(`user-${actor}`, { maxCount: 1 });
    names.set(actor, registered ? (registered.data as { name: string }).name : actor);
  }
  return names;
}
