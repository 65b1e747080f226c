import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import { eventTypesIn, isEventOf } from '@sss/contracts/events/registry';
import { CheckpointFencedError, type CheckpointStore } from './checkpoint-store.ts';

/**
 * A subscriber's checkpoint, written lazily: at most once per `everyMs` while it moves, and on stop.
 * Lazily is safe because every subscriber that uses it handles a replay idempotently (its effects
 * are keyed by the source event), so after a crash it replays at most the last second's events and
 * changes nothing twice; it saves an fsync per event.
 */
export interface CheckpointKeeper {
  /** Where to resume: the recorded position (0 when none), then wherever `moveTo` last set it. */
  position(): bigint;
  moveTo(position: bigint): void;
  /** Writes the latest position now if it moved (stop, tests). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

const CHECKPOINT_TYPES = eventTypesIn('checkpoint');

/**
 * Checkpoint events (EventStoreDB keeps checkpoints as events) change nothing for a subscriber:
 * moving past one alone must not write a checkpoint, or each write would cause the next.
 */
export const isCheckpointEvent = (event: RecordedEvent): boolean => isEventOf(event, CHECKPOINT_TYPES);

export interface KeepCheckpointOptions {
  readonly everyMs?: number;
  readonly log?: (message: string, error?: unknown) => void;
  /**
   * The fencing token of the lease the subscriber runs under. The keeper claims the checkpoint with
   * it at once (a deposed leader's late write is refused from then on), and carries it on every write.
   */
  readonly token?: bigint;
}

export async function keepCheckpoint(checkpoints: CheckpointStore, name: string, options: KeepCheckpointOptions = {}): Promise<CheckpointKeeper> {
  let saved = (await checkpoints.read(name)) ?? 0n;
  // Claimed before anything is handled, so the predecessor cannot move it under us afterwards.
  if (options.token !== undefined) await checkpoints.write(name, saved, options.token);
  let current = saved;
  let fenced = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(async () => {
      const target = current;
      if (target === saved || fenced) return;
      try {
        await checkpoints.write(name, target, options.token);
        saved = target;
      } catch (error) {
        // A successor holds the checkpoint: this instance was deposed and must not write again.
        if (error instanceof CheckpointFencedError) fenced = true;
        // The next move tries again; until then a restart replays a little more, which is harmless.
        options.log?.(`checkpoint ${name}: could not record ${target}`, error);
      }
    });
    return writing;
  };

  return {
    position: () => current,
    moveTo(position) {
      if (position === current) return;
      current = position;
      if (!timer) timer = setTimeout(() => void flush(), options.everyMs ?? 1_000).unref();
    },
    flush,
    stop: flush,
  };
}
