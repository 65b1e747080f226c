import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { SessionEnded, UserSignedIn } from '@sss/contracts/user/events';
import { streams } from '@sss/contracts/streams/names';

/**
 * Each sign-in starts a session, recorded for the audit trail and the admin's 最終ログイン column;
 * each logout or "sign out everywhere" ends sessions for good (docs/architecture.md §Sessions). They
 * go to their own stream (`signin-<userId>`), not the user's, so signing in or out never moves the
 * revision an administrator is editing against. Returns the new session's id (the cookie's `sid`).
 */
export async function recordSignIn(events: EventStore, userId: string, via: UserSignedIn['data']['via'], address: string): Promise<string> {
  const sessionId = uuidv7();
  const event: UserSignedIn = { type: 'UserSignedIn', data: { userId, via, address, sessionId } };
  await events.append(streams.signIn(userId), [{ ...event, metadata: { actor: userId, correlationId: streams.signIn(userId) } }], 'any');
  return sessionId;
}

export async function recordSessionEnd(events: EventStore, userId: string, sessionId: string, reason: SessionEnded['data']['reason']): Promise<void> {
  const event: SessionEnded = { type: 'SessionEnded', data: { userId, sessionId, reason } };
  await events.append(streams.signIn(userId), [{ ...event, metadata: { actor: userId, correlationId: streams.signIn(userId) } }], 'any');
}
