import { SESSION_HOURS, type SessionClaims } from '@sss/contracts/http/auth';
import { SESSION_ENDING_EVENTS } from '@sss/contracts/user/events';
import { eventTypesIn, isEventOf } from '@sss/contracts/events/registry';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';

const USER_TYPES = [...eventTypesIn('user'), 'SessionEnded'] as const;

/**
 * What a user's events say about their sessions (docs/architecture.md §Sessions), from the user's
 * stream and their sign-in stream. Folding is order-insensitive and idempotent — the newest activity
 * change wins by position, endings only accumulate — so the cache can merge a cold read of both
 * streams and the live subscription in whatever order they arrive, and the same event twice.
 */
export interface SessionFacts {
  /** Whether the user exists and is active, and the position of the event that said so. */
  active: boolean;
  activeAt: bigint;
  /** Sessions issued before this instant (epoch ms) are over: password/role change, deactivation, sign out everywhere. */
  endedBefore: number;
  /** Sessions ended one by one (logout), with when, so entries older than any live session can be dropped. */
  readonly ended: Map<string, number>;
}

export const noFacts = (): SessionFacts => ({ active: false, activeAt: -1n, endedBefore: 0, ended: new Map() });

export function foldSessionEvent(facts: SessionFacts, event: RecordedEvent): void {
  if (!isEventOf(event, USER_TYPES)) return;
  const at = Date.parse(event.metadata.occurredAt);
  const { type } = event;
  if ((type === 'UserRegistered' || type === 'UserReactivated' || type === 'UserDeactivated') && event.position > facts.activeAt) {
    facts.active = type !== 'UserDeactivated';
    facts.activeAt = event.position;
  }
  if ((SESSION_ENDING_EVENTS as ReadonlySet<string>).has(type)) facts.endedBefore = Math.max(facts.endedBefore, at);
  if (event.type === 'SessionEnded') {
    if (event.data.reason === 'everywhere') facts.endedBefore = Math.max(facts.endedBefore, at);
    else facts.ended.set(event.data.sessionId, at);
  }
  // A logout older than the longest session can no longer matter: keep the set small in long-running processes.
  if (facts.ended.size > 32) for (const [sid, when] of facts.ended) if (when < at - SESSION_HOURS * 3_600_000) facts.ended.delete(sid);
}

/** Why a signed, unexpired session is refused, or null when it still speaks for its user. */
export function sessionRefusal(facts: SessionFacts, claims: SessionClaims, now: number, idleMs: number): 'inactive' | 'ended' | 'idle' | null {
  if (!facts.active) return 'inactive';
  // Cookies from before sessions had ids cannot be logged out: they are refused, and the person signs in once more.
  if (typeof claims.sid !== 'string' || typeof claims.seen !== 'number' || typeof claims.iat !== 'number') return 'ended';
  if (claims.iat < facts.endedBefore || facts.ended.has(claims.sid)) return 'ended';
  if (now - claims.seen > idleMs) return 'idle';
  return null;
}
