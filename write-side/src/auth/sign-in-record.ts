import type { EventStore } from '@sss/contracts/ports/event-store';
import { streams } from '@sss/contracts/streams/names';

/**
 * Each sign-in is an event for the audit trail and the admin's 最終ログイン column. It goes to its own
 * stream (`signin-<userId>`), not the user's, so signing in never moves the revision an administrator
 * is editing against, and the per-request session check keeps reading a short stream.
 */
export async function recordSignIn(events: EventStore, userId: string, via: 'password' | 'oidc', address: string): Promise<void> {
  await events.append(streams.signIn(userId), [{ type: 'UserSignedIn', data: { userId, via, address }, metadata: { actor: userId, correlationId: `signin-${userId}` } }], 'any');
}
