import type { EventStore } from '@sss/contracts/ports/event-store';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import type { CheckpointStore } from './checkpoint-store.ts';

/**
 * Checkpoints for an engine without a table beside its log (EventStoreDB): the last
 * `SubscriberCheckpointMoved` of stream `checkpoint-<name>`. Subscribers write at most one per
 * second and only after real events (checkpoint.ts), and skip checkpoint events themselves, so the
 * stream grows with activity, not with time and not by feeding itself.
 */
export function streamCheckpointStore(events: EventStore): CheckpointStore {
  return {
    async read(name) {
      const [last] = await events.readStream(streams.checkpoint(name), { direction: 'backwards', maxCount: 1 });
      return last && isEventOf(last, ['SubscriberCheckpointMoved']) ? BigInt(last.data.position) : null;
    },
    async write(name, position) {
      await events.append(streams.checkpoint(name), [{ type: 'SubscriberCheckpointMoved', data: { position: position.toString() }, metadata: { actor: `system:${name}`, correlationId: `checkpoint-${name}` } }], 'any');
    },
  };
}
