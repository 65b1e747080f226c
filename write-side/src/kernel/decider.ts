import type { DomainError } from '@sss/contracts/http/problem';

/**
 * A decider is the whole behaviour of one aggregate as three pure parts (docs/architecture.md §Write side):
 * `decide(command, state)` answers the events that happen, or an error as a value;
 * `evolve(state, event)` folds an event into state; `initialState` is the state of no events.
 */
export interface DomainEvent {
  readonly type: string;
  readonly data: unknown;
}

export type Decision<E extends DomainEvent> = readonly E[] | DomainError;

export interface Decider<C, E extends DomainEvent, S> {
  decide(command: C, state: S): Decision<E>;
  evolve(state: S, event: E): S;
  readonly initialState: S;
}

export function fold<E extends DomainEvent, S>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState);
}
