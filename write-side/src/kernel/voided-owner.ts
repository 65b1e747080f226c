import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { SssEventType } from '@sss/contracts/events/registry';

export const VOIDED_OWNER = 'UniqueKeyOwnerVoided' satisfies SssEventType;

/**
 * Whether `first`, an owner stream's first event, is a unique-key take-over's fence (unique-key.ts):
 * such a stream never becomes an aggregate, so the command handler refuses every command on it. The
 * fence lies outside its owner stream's category (company-…, user-…), so it is matched by type alone
 * rather than by `isEventOf`, which also checks the category; its data is never read.
 */
export const isVoidedOwner = (first: RecordedEvent | undefined): boolean => first?.type === VOIDED_OWNER;
