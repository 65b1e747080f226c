import { RevisionConflictError, type EventStore, type RecordedEvent } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { fold, type Decider, type DomainEvent } from './decider.ts';
import { DEFAULT_CONFLICT_RETRY, type ConflictRetry } from './conflict-retry.ts';
import { assertStreamWhole, streamLossError } from '../history/recorded-end.ts';
import { isVoidedOwner } from './voided-owner.ts';

/**
 * Load → decide → append with the expected revision. When the caller saw a revision (If-Match),
 * a mismatch is a conflict the person must see. When it did not, a concurrent writer is retried
 * against fresh state: the command's intent did not depend on what it had read.
 */

export interface CommandContext {
  /** User id (or `system:<component>`) on whose behalf the command runs. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /**
   * Runs right before the command appends its first event, and only if it appends any: the
   * bookkeeping a command needs only when it changes something (the Idempotency-Key, a unique
   * key) is recorded here, so a refused command appends nothing at all (issue #11 item 9).
   */
  readonly beforeAppend?: () => Promise<void>;
}

export interface CommandResult<E extends DomainEvent> {
  readonly streamName: string;
  /** Revision after the command; -1n for a stream that still has no events. */
  readonly revision: bigint;
  /** Position of the last event appended (or of the stream's last event when nothing happened). */
  readonly position: bigint;
  readonly events: readonly E[];
}

export interface HandleOptions<C, E extends DomainEvent, S> {
  readonly streamName: string;
  readonly decider: Decider<C, E, S>;
  readonly command: C;
  readonly context: CommandContext;
  /** The revision the client saw (If-Match); undefined to decide against the latest state. */
  readonly expectedRevision?: bigint;
  /** Refuse when the stream does not exist yet (every command but creation). */
  readonly mustExist?: boolean;
  /** How a lost race is retried when no revision was pinned; bounded, with jittered back-off. */
  readonly retry?: ConflictRetry;
}

export async function loadStream<E extends DomainEvent>(store: EventStore, streamName: string): Promise<{ events: RecordedEvent[]; domain: E[]; revision: bigint }> {
  const events = await store.readStream(streamName);
  return {
    events,
    domain: events.map((e) => ({ type: e.type, data: e.data }) as E),
    revision: events.length === 0 ? -1n : events[events.length - 1]!.revision,
  };
}

export async function handleCommand<C, E extends DomainEvent, S>(store: EventStore, options: HandleOptions<C, E, S>): Promise<CommandResult<E>> {
  const retry = options.retry ?? DEFAULT_CONFLICT_RETRY;
  for (let attempt = 1; ; attempt++) {
    const { events, domain, revision } = await loadStream<E>(store, options.streamName);
    // Fenced by a unique-key take-over (unique-key.ts): this aggregate can never come into being.
    if (isVoidedOwner(events[0])) throw new DomainError('not_found', `${options.streamName} は存在しません。`);
    if (options.mustExist && events.length === 0) throw new DomainError('not_found', `${options.streamName} は存在しません。`);
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      // A client that saw a later revision than the stream now has saw events since deleted.
      if (options.expectedRevision > revision) assertStreamWhole(store, options.streamName, revision);
      throw new RevisionConflictError(options.streamName, options.expectedRevision, revision < 0n ? 'no_stream' : revision);
    }
    const decision = options.decider.decide(options.command, fold(options.decider, domain));
    if (decision instanceof DomainError) throw decision;
    const lastPosition = events.length === 0 ? 0n : events[events.length - 1]!.position;
    if (decision.length === 0) return { streamName: options.streamName, revision, position: lastPosition, events: [] };
    await options.context.beforeAppend?.();
    try {
      const appended = await store.append(
        options.streamName,
        decision.map((event) => ({
          type: event.type,
          data: event.data,
          metadata: {
            actor: options.context.actor,
            correlationId: options.context.correlationId,
            causationId: options.context.causationId ?? null,
          },
        })),
        revision < 0n ? 'no_stream' : revision,
      );
      return { streamName: options.streamName, revision: appended.nextExpectedRevision, position: appended.position, events: decision };
    } catch (error) {
      if (error instanceof RevisionConflictError && typeof error.actual === 'bigint' && error.actual > revision) {
        // The store says the stream is longer than what it just read: unless a writer raced us, events were deleted.
        const fresh = await loadStream<E>(store, options.streamName);
        if (fresh.revision < error.actual) throw streamLossError(options.streamName, fresh.revision, error.actual);
      }
      const retryable = error instanceof RevisionConflictError && options.expectedRevision === undefined && attempt < retry.attempts;
      if (!retryable) throw error;
      await retry.sleep(retry.delay(attempt));
    }
  }
}
