import { DomainError } from '@sss/contracts/http/problem';
import type { NewEvent } from '@sss/contracts/ports/event-store';
import type { SqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import type { Decider, DomainEvent } from '@sss/write-side/kernel/decider';
import type { Dice, SimClock } from './seed-scale-random.ts';

/**
 * Runs commands through the pure deciders in memory and appends what they decide in batches: the
 * whole point of the generator is a million events in minutes, which one load-decide-append round
 * trip per command (or HTTP) cannot reach. Each stream's state is kept between commands, so a
 * decision sees exactly what a reload would; a batch is one SQLite transaction around the store's
 * own `append`, so hashes and revisions are stamped as usual. Consecutive events of one stream go in
 * one append; the log order stays the simulated time order, as projectors and policies expect.
 */

interface Tracked {
  state: unknown;
  /** Revision after everything queued so far (-1n: no events). */
  revision: bigint;
}

interface Queued {
  readonly stream: string;
  readonly expected: bigint;
  readonly events: NewEvent[];
}

export interface Context {
  readonly actor: string;
  readonly correlationId: string;
}

export class BatchedWriter {
  private readonly streams = new Map<string, Tracked>();
  private queue: Queued[] = [];
  private pendingCount = 0;
  written = 0;

  constructor(
    private readonly store: SqliteEventStore,
    private readonly clock: SimClock,
    private readonly dice: Dice,
    private readonly batchSize: number,
    private readonly onFlush: (written: number) => void = () => {},
  ) {}

  /** Decide, evolve and queue; a refused command is a bug in the story, so it throws. */
  async run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, stream: string, command: C, context: Context): Promise<{ state: S; events: readonly E[]; eventIds: readonly string[] }> {
    let tracked = this.streams.get(stream);
    if (!tracked) {
      tracked = { state: decider.initialState, revision: -1n };
      this.streams.set(stream, tracked);
    }
    const decision = decider.decide(command, tracked.state as S);
    if (decision instanceof DomainError) throw new Error(`seed: ${stream} refused ${(command as { type?: string }).type}: ${decision.message}`);
    let state = tracked.state as S;
    const eventIds: string[] = [];
    if (decision.length > 0) {
      let last = this.queue[this.queue.length - 1];
      if (last?.stream !== stream) {
        last = { stream, expected: tracked.revision, events: [] };
        this.queue.push(last);
      }
      for (const event of decision) {
        state = decider.evolve(state, event);
        const occurredAt = this.clock.tick();
        const eventId = this.dice.uuid(this.clock.now);
        eventIds.push(eventId);
        last.events.push({ type: event.type, data: event.data, metadata: { ...context, occurredAt, eventId } });
      }
      tracked.revision += BigInt(decision.length);
    }
    tracked.state = state;
    this.pendingCount += decision.length;
    if (this.pendingCount >= this.batchSize) await this.flush();
    return { state, events: decision, eventIds };
  }

  stateOf<S>(stream: string): S | undefined {
    return this.streams.get(stream)?.state as S | undefined;
  }

  /** Drop a stream nothing will write again, so memory stays flat over ten years. */
  forget(stream: string): void {
    this.streams.delete(stream);
  }

  async flush(): Promise<void> {
    if (this.pendingCount === 0) return;
    const { db } = this.store;
    db.exec('BEGIN IMMEDIATE');
    const appends: Promise<unknown>[] = [];
    try {
      for (const { stream, expected, events } of this.queue) {
        // The store's append runs synchronously inside our transaction (as a savepoint).
        appends.push(this.store.append(stream, events, expected < 0n ? 'no_stream' : expected));
      }
      this.queue = [];
      await Promise.all(appends);
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
    this.written += this.pendingCount;
    this.pendingCount = 0;
    this.onFlush(this.written);
  }
}
