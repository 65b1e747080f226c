import type { EventStore } from '@sss/contracts/ports/event-store';
import type { SignInEvent } from '@sss/contracts/user/events';
import { streams } from '@sss/contracts/streams/names';

/**
 * Each sign-in is an event for the audit trail and the admin's 最終ログイン column. It goes to its own
 * stream (`signin-<userId>`), not the user's, so signing in never moves the revision an administrator
 * is editing against, and the per-request session check keeps reading a short stream.
 */
export async function recordSignIn(events: EventStore, userId: string, via: SignInEvent['data']['via'], address: string): Promise<void> {
  const event: SignInEvent = { type: 'UserSignedIn', data: { userId, via, address } };
  await events.append(streams.signIn(userId), [{ ...event, metadata: { actor: userId, correlationId: streams.signIn(userId) } }], 'any');
}
