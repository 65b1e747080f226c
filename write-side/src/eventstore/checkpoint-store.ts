import type { EventStore } from '@sss/contracts/ports/event-store';

/**
 * Where the write side's subscribers (the 稟議 process manager, the sales policies, the forwarder)
 * keep how far they have read, so a restart resumes there instead of replaying the log from 0.
 * Beside the event store, not in it: a checkpoint recorded as an event grows the log forever and
 * wakes every subscriber (issue #17 found `ForwarderCheckpointMoved` at 14 % of a store). One adapter
 * per engine: a table in the embedded SQLite file, stream metadata on EventStoreDB
 * (esdb-checkpoint-store.ts).
 */
export interface CheckpointStore {
  /** The last position recorded under `name`, or null when there is none. */
  read(name: string): Promise<bigint | null>;
  /**
   * Durable when it resolves. `token` is the fencing token of the lease the writer runs under
   * (docs/architecture.md §Leadership and checkpoints; none = 0): a write carrying a smaller token
   * than the one recorded is refused with `CheckpointFencedError`, so a deposed leader never moves
   * the checkpoint, backwards or forwards, once its successor has claimed it.
   */
  write(name: string, position: bigint, token?: bigint): Promise<void>;
}

/** A checkpoint write from a leader whose lease has since passed to another holder. */
export class CheckpointFencedError extends Error {
  constructor(readonly checkpoint: string, readonly token: bigint, readonly recordedToken: bigint) {
    super(`checkpoint ${checkpoint}: write with fencing token ${token} refused, ${recordedToken} holds it`);
    this.name = 'CheckpointFencedError';
  }
}

/** An event store that keeps its subscribers' checkpoints beside it. */
export interface WithCheckpoints {
  readonly checkpoints: CheckpointStore;
}

/**
 * The checkpoint store beside `events`. A store without one (a test double, a wrapper) gets a memory
 * store: every start then replays from 0, which the subscribers' idempotent handling makes safe.
 */
export function checkpointsOf(events: EventStore): CheckpointStore {
  return 'checkpoints' in events ? (events as EventStore & WithCheckpoints).checkpoints : memoryCheckpointStore();
}

/** Forgets on restart: for a subscriber whose position must not outlive the process. */
export function memoryCheckpointStore(): CheckpointStore {
  const positions = new Map<string, { position: bigint; token: bigint }>();
  return {
    async read(name) {
      return positions.get(name)?.position ?? null;
    },
    async write(name, position, token = 0n) {
      const recorded = positions.get(name)?.token ?? 0n;
      if (recorded > token) throw new CheckpointFencedError(name, token, recorded);
      positions.set(name, { position, token });
    },
  };
}
