import type { EventStore } from '@sss/contracts/ports/event-store';
import { fold, type Decider, type DomainEvent } from './decider.ts';
import { handleCommand, loadStream, type CommandContext, type CommandResult } from './command-handler.ts';
import type { ConflictRetry } from './conflict-retry.ts';

/**
 * One way to run a command: an aggregate's decider, how its id names a stream, and which commands
 * need the stream to exist, bound once to a store. Routes and handlers then say only
 * `companies.run(id, command, context, expectedRevisionOf(request))`; conflicts are retried (or
 * answered as 409) by handleCommand, the same for every aggregate.
 */
export interface CommandHandlerSpec<Id, C, E extends DomainEvent, S> {
  readonly store: EventStore;
  readonly decider: Decider<C, E, S>;
  /** A builder from `@sss/contracts/streams/names`, e.g. `streams.company`. */
  readonly stream: (id: Id) => string;
  /**
   * Whether a command is refused (not_found) on a stream with no events. Usually every command
   * but the one that creates the aggregate; default false.
   */
  readonly mustExist?: boolean | ((command: C) => boolean);
  readonly retry?: ConflictRetry;
}

export interface LoadedAggregate<S> {
  readonly state: S;
  /** The stream has at least one event. */
  readonly exists: boolean;
  /** -1n for a stream with no events. */
  readonly revision: bigint;
}

export interface CommandHandlerFor<Id, C, E extends DomainEvent, S> {
  readonly streamName: (id: Id) => string;
  /** Load → decide → append. With `expectedRevision` (If-Match) a mismatch is a conflict; without it, a lost race is retried. */
  run(id: Id, command: C, context: CommandContext, expectedRevision?: bigint): Promise<CommandResult<E>>;
  /** The aggregate's current state, for checks a handler makes before it decides (a number, a precheck). */
  load(id: Id): Promise<LoadedAggregate<S>>;
}

export function commandHandlerFor<Id, C, E extends DomainEvent, S>(spec: CommandHandlerSpec<Id, C, E, S>): CommandHandlerFor<Id, C, E, S> {
  const { store, decider, stream, mustExist = false } = spec;
  return {
    streamName: stream,
    run: (id, command, context, expectedRevision) =>
      handleCommand(store, {
        streamName: stream(id),
        decider,
        command,
        context,
        mustExist: typeof mustExist === 'function' ? mustExist(command) : mustExist,
        ...(expectedRevision !== undefined ? { expectedRevision } : {}),
        ...(spec.retry !== undefined ? { retry: spec.retry } : {}),
      }),
    async load(id) {
      const { domain, revision } = await loadStream<E>(store, stream(id));
      return { state: fold(decider, domain), exists: domain.length > 0, revision };
    },
  };
}
