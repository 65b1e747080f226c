import type { SssEventType } from './registry.ts';

/**
 * One step of an event type's schema evolution: the `data` of version `from` turned into version
 * `from + 1`. Pure, total on every event ever stored at `from`, and never inventing facts: a field
 * the old event did not know is filled with an explicit "unknown" (未設定), not a guess
 * (docs/schema-evolution.md).
 */
export interface Upcaster {
  readonly type: SssEventType;
  readonly from: number;
  readonly up: (data: unknown) => unknown;
}

/** Typed at the definition: `Old` is the stored shape at `from`, `New` the next version's. */
export const upcaster = <Old, New>(type: SssEventType, from: number, up: (old: Old) => New): Upcaster => ({ type, from, up: up as (data: unknown) => unknown });
