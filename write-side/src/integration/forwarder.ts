import { defer, type Subscription } from 'rxjs';
import { retryWithBackoff, workInBatches } from '@sss/contracts/streams/operators';
import { BehaviorSubject } from 'rxjs';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { MessageBus, OutgoingMessage } from '@sss/contracts/ports/message-bus';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { batchSpanOptions, TRACEPARENT, withSpan } from '@sss/contracts/tracing/spans';
import { toIntegrationMessage } from './mapping.ts';
import { checkpointsOf, memoryCheckpointStore, type CheckpointStore } from '../eventstore/checkpoint-store.ts';
import { isCheckpointEvent, keepCheckpoint } from '../eventstore/checkpoint-keeper.ts';
import { parkedEventIn, sourceOfEvent, type ParkingLots } from '../ops/parking-lot.ts';

/**
 * The outbox relay: the event store is the outbox, so a command appends its events once and never
 * writes to Kafka itself (no dual write). The forwarder follows the store from its checkpoint,
 * publishes each batch of mapped events, and only then records the checkpoint — at-least-once:
 * a crash between the two re-publishes the batch, and consumers recognise the repeats by the
 * source revision. The checkpoint (`forwarder-<name>`) lives in the checkpoint store beside the event
 * store (checkpoint-store.ts), so it moves with the data it points into without growing the log.
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
  /** The most events one publish carries; a batch is what arrived while the previous one was published. */
  readonly batchSize?: number;
  readonly onError?: (error: unknown, attempt: number) => void;
  /** Defaults to the store beside `events`. */
  readonly checkpoints?: CheckpointStore;
  /**
   * Where an event it cannot turn into a message (after a few attempts) is parked, so the events
   * behind it are still published. Only the mapping parks: a publish that fails is the bus being
   * away, which waiting cures, and parking then would park everything the outage touched.
   */
  readonly parking?: ParkingLots;
  /** Domain event → message (default `toIntegrationMessage`); a test injects a failing one. */
  readonly toMessage?: (event: RecordedEvent) => OutgoingMessage | null;
  /** The fencing token of the lease it runs under (runtime.ts), carried on its checkpoint writes. */
  readonly token?: bigint;
}

export interface RunningForwarder {
  /** Position of the last event whose messages are published and checkpointed. */
  readonly position$: BehaviorSubject<bigint>;
  stop(): Promise<void>;
}

export const forwarderCheckpoint = (name: string) => `forwarder-${name}`;

/** Where the checkpoint lived as events before the checkpoint store: read once, on upgrade. */
async function readLegacyCheckpoint(events: EventStore, name: string): Promise<bigint> {
  const [last] = await events.readStream(streams.checkpoint(forwarderCheckpoint(name)), { direction: 'backwards', maxCount: 1 });
  return last && isEventOf(last, ['ForwarderCheckpointMoved']) ? BigInt(last.data.position) : 0n;
}

export async function startForwarder(options: ForwarderOptions): Promise<RunningForwarder> {
  const { events, bus } = options;
  const name = options.name ?? 'integration';
  const durable = options.durableBus ?? true;
  // Without a durable bus the checkpoint is never read back (see durableBus): memory only.
  const keeper = await keepCheckpoint(durable ? (options.checkpoints ?? checkpointsOf(events)) : memoryCheckpointStore(), forwarderCheckpoint(name), {
    log: (message, error) => options.onError?.(error ?? new Error(message), 0),
    ...(durable && options.token !== undefined ? { token: options.token } : {}),
  });
  if (durable && keeper.position() === 0n) {
    keeper.moveTo(await readLegacyCheckpoint(events, name));
    await keeper.flush();
  }
  const position$ = new BehaviorSubject<bigint>(keeper.position());

  const toMessage = options.toMessage ?? toIntegrationMessage;
  // Each message carries its source event's traceparent: its publish and consumption join the command's trace.
  const messageOf = (event: RecordedEvent): OutgoingMessage | null => {
    const message = toMessage(event);
    if (!message) return null;
    const traceparent = event.metadata.traceparent;
    return traceparent ? { ...message, headers: { ...message.headers, [TRACEPARENT]: traceparent } } : message;
  };
  // A retry from the console publishes the one event again; consumers apply it once (source revision).
  const parking = options.parking?.open(`forwarder:${name}`, async (entry) => {
    const message = messageOf(await parkedEventIn(events, entry));
    if (message) await bus.publish([message]);
  });

  const forward = async (batch: readonly RecordedEvent[]) => {
    const messages: OutgoingMessage[] = [];
    for (const event of batch) {
      if (!parking) {
        const message = messageOf(event);
        if (message) messages.push(message);
        continue;
      }
      await parking.guard(sourceOfEvent(event), () => {
        const message = messageOf(event);
        if (message) messages.push(message);
      });
    }
    if (messages.length > 0) await bus.publish(messages);
    // Checkpoint events alone (EventStoreDB keeps checkpoints as events) move nothing, or each
    // checkpoint would be followed by another one forever.
    if (!batch.some((event) => !isCheckpointEvent(event))) return;
    // Recorded before the next batch, so position$ means published and checkpointed.
    keeper.moveTo(batch[batch.length - 1]!.position);
    await keeper.flush();
  };

  const run: Subscription = defer(() => events.subscribeAll(keeper.position()))
    .pipe(
      // No window to wait out: an event published alone goes at once, a busy log goes in batches.
      workInBatches(options.batchSize ?? 200, async (batch: RecordedEvent[]) => {
        await withSpan('forward', batchSpanOptions(batch.map((event) => event.metadata.traceparent), { attributes: { 'sss.subscriber': `forwarder:${name}`, 'sss.events': batch.length, 'sss.position.last': batch[batch.length - 1]!.position.toString() } }), () => forward(batch));
        if (batch[batch.length - 1]!.position > position$.value) position$.next(batch[batch.length - 1]!.position);
      }),
      // A failed publish or checkpoint is retried from the checkpoint, with growing pauses.
      retryWithBackoff((error, attempt) => options.onError?.(error, attempt)),
    )
    .subscribe({ error: (error: unknown) => options.onError?.(error, -1) });

  return {
    position$,
    async stop() {
      run.unsubscribe();
      await keeper.stop();
      position$.complete();
    },
  };
}
