import { DomainError } from '@sss/contracts/http/problem';
import { EMPTY_PARKED_LIST, evolveParkedList, type ParkedEventEvent, type ParkedList } from '@sss/contracts/ops/parked-events';
import type { Decider } from '../kernel/decider.ts';

/**
 * A person settles a parked (poison) event from the subscriber console: retried once it applied,
 * or skipped, each with who and why. Only an event still parked can be settled, so two admins
 * clicking at once record one outcome and the other gets a 404 that says it is done already.
 */
export type ParkedCommand =
  | { type: 'RecordRetry'; data: { subscriber: string; eventId: string; by: string; reason: string; at: string } }
  | { type: 'Skip'; data: { subscriber: string; eventId: string; by: string; reason: string; at: string } };

export const parkedDecider: Decider<ParkedCommand, ParkedEventEvent, ParkedList> = {
  initialState: EMPTY_PARKED_LIST,
  evolve: evolveParkedList,
  decide(command, state) {
    if (!state.parked.has(command.data.eventId)) return new DomainError('not_found', 'この保留イベントはありません。既に再試行またはスキップされています。');
    return [{ type: command.type === 'RecordRetry' ? 'ParkedEventRetried' : 'ParkedEventSkipped', data: command.data }];
  },
};
