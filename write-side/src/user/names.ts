import type { EventStore } from '@sss/contracts/ports/event-store';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';

/** Display names of actors for audit views; system actors keep their id. */
export async function actorNames(store: EventStore, actors: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const actor of new Set(actors)) {
    if (actor.startsWith('system:')) {
      names.set(actor, actor);
      continue;
    }
    const [registered] = await store.readStream(streams.user(actor), { maxCount: 1 });
    names.set(actor, registered && isEventOf(registered, ['UserRegistered']) ? registered.data.name : actor);
  }
  return names;
}
