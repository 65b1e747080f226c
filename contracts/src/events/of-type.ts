import { filter, type OperatorFunction } from 'rxjs';
import type { RecordedEvent } from '../ports/event-store.ts';
import { eventOf, type RecordedOf, type SssEventType } from './registry.ts';

/** Keeps only the events a subscriber declared it handles, typed (see `isEventOf` for what "is" means). */
export const ofType = <T extends SssEventType>(types: readonly T[]): OperatorFunction<RecordedEvent, RecordedOf<T>> => filter(eventOf(types));
