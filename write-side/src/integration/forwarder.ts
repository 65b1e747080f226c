import { concatMap, defer, from, switchMap, type Subscription } from 'rxjs';
import { batches, retryWithBackoff } from '@sss/contracts/streams/operators';
import { BehaviorSubject } from 'rxjs';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { MessageBus } from '@sss/contracts/ports/message-bus';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { toIntegrationMessage } from './mapping.ts';

/**
 * The outbox relay: the event store is the outbox, so a command appends its events once and never
 * writes to Kafka itself (no dual write). The forwarder follows the store from its checkpoint,
 * publishes each batch of mapped events, and only then records the checkpoint — at-least-once:
 * a crash between the two re-publishes the batch, and consumers recognise the repeats by the
 * source revision. The checkpoint lives in the event store (stream `checkpoint-forwarder-<name>`),
 * the one durable place the write side owns, so it moves with the data it points into.
 *
 * Run one forwarder per store: two would publish everything twice (harmless, but wasteful).
 */

export interface ForwarderOptions {
  readonly events: EventStore;
  readonly bus: MessageBus;
  readonly name?: string;
  /**
   * false for a bus that forgets on restart (the in-process bus): the checkpoint is then not used
   * and every start re-publishes from the beginning, because a checkpoint past messages the bus
   * has lost would lose them for good. Consumers skip what they already applied.
   */
  readonly durableBus?: boolean;
  readonly batchSize?: number;
  readonly batchMs?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
}

export interface RunningForwarder {
  /** Position of the last event whose messages are published and checkpointed. */
  readonly position$: BehaviorSubject<bigint>;
  stop(): Promise<void>;
}

export const forwarderCheckpointStream = (name: string) => streams.checkpoint(`forwarder-${name}`);
const CHECKPOINT = 'ForwarderCheckpointMoved';

export async function readForwarderCheckpoint(events: EventStore, name: string): Promise<{ position: bigint; revision: bigint | null }> {
  const [last] = await events.readStream(forwarderCheckpointStream(name), { direction: 'backwards', maxCount: 1 });
  return last && isEventOf(last, [CHECKPOINT]) ? { position: BigInt(last.data.position), revision: last.revision } : { position: 0n, revision: null };
}

export async function startForwarder(options: ForwarderOptions): Promise<RunningForwarder> {
  const { events, bus } = options;
  const name = options.name ?? 'integration';
  const durable = options.durableBus ?? true;
  const stream = forwarderCheckpointStream(name);
  const start = durable ? await readForwarderCheckpoint(events, name) : { position: 0n, revision: null };
  const position$ = new BehaviorSubject<bigint>(start.position);
  let checkpointRevision = start.revision;

  const forward = async (batch: readonly RecordedEvent[]) => {
    const messages = batch.map(toIntegrationMessage).filter((m) => m !== null);
    const last = batch[batch.length - 1]!.position;
    // A batch with nothing to publish (the checkpoint's own events among them) moves no checkpoint,
    // or every checkpoint would be followed by another one forever.
    if (messages.length === 0) return;
    await bus.publish(messages);
    // Without a durable bus the checkpoint is never read back: recording it would only add events.
    if (!durable) return;
    const appended = await events.append(
      stream,
      [{ type: CHECKPOINT, data: { position: last.toString(), published: messages.length }, metadata: { actor: `system:forwarder-${name}`, correlationId: `forwarder-${name}` } }],
      checkpointRevision === null ? 'no_stream' : checkpointRevision,
    );
    checkpointRevision = appended.nextExpectedRevision;
    position$.next(last);
  };

  const run: Subscription = defer(() => from(durable ? readForwarderCheckpoint(events, name) : Promise.resolve({ position: position$.value, revision: checkpointRevision })))
    .pipe(
      switchMap((checkpoint) => {
        checkpointRevision = checkpoint.revision;
        return events.subscribeAll(durable ? checkpoint.position : position$.value);
      }),
      batches(options.batchMs ?? 10, options.batchSize ?? 200),
      concatMap(async (batch) => {
        await forward(batch);
        if (batch[batch.length - 1]!.position > position$.value) position$.next(batch[batch.length - 1]!.position);
      }),
      // A failed publish or checkpoint is retried from the stored checkpoint, with growing pauses.
      retryWithBackoff((error, attempt) => options.onError?.(error, attempt)),
    )
    .subscribe({ error: (error: unknown) => options.onError?.(error, -1) });

  return {
    position$,
    async stop() {
      run.unsubscribe();
      position$.complete();
    },
  };
}
