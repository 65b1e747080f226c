import * as assert from 'uvu/assert';
import { DomainError, type ErrorCode } from '@sss/contracts/http/problem';
import { fold, type Decider, type DomainEvent } from './decider.ts';

/**
 * Given / when / then for deciders: `spec(decider).given(events).when(command).then(events)` or
 * `.thenFails(code, field?)`. Tests read as specifications of the business rules.
 */
export function spec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[] = []) {
      return {
        when(command: C) {
          const decision = decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly E[]) {
              if (decision instanceof DomainError) assert.unreachable(`expected events, got ${decision.code}: ${decision.message}`);
              assert.equal(decision, expected);
            },
            /** For events carrying generated values: assert on their shape yourself. */
            thenEvents(check: (events: readonly E[]) => void) {
              if (decision instanceof DomainError) assert.unreachable(`expected events, got ${decision.code}: ${decision.message}`);
              check(decision as readonly E[]);
            },
            thenFails(code: ErrorCode, field?: string) {
              if (!(decision instanceof DomainError)) {
                assert.unreachable(`expected ${code}, got events ${JSON.stringify(decision)}`);
                return;
              }
              assert.is(decision.code, code, decision.message);
              if (field !== undefined) assert.ok(decision.errors.some((e) => e.field === field), `expected field ${field}, got ${JSON.stringify(decision.errors)}`);
            },
            thenNothing() {
              assert.equal(decision, []);
            },
          };
        },
      };
    },
  };
}
