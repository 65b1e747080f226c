import type { EventStore } from '@sss/contracts/ports/event-store';
import { SESSION_HOURS, type SessionClaims } from '@sss/contracts/http/auth';
import { SESSION_ENDING_EVENTS } from '@sss/contracts/user/events';
import { eventTypesIn, isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';

const USER_TYPES = eventTypesIn('user');

/**
 * Whether a signed session still speaks for its user. The cookie carries roles, so deactivation, a
 * role change or a password change must end sessions issued before it. We read the user's own
 * stream (a handful of events, one indexed read) on each authenticated request: the effect is
 * immediate on every API instance, with no subscription to keep and nothing to warm up at start.
 * A cache in front of this is the first thing to add if request rates ever make it matter.
 */
export function sessionValidity(events: EventStore): (claims: SessionClaims) => Promise<boolean> {
  return async (claims) => {
    const stream = await events.readStream(streams.user(claims.sub));
    if (stream.length === 0) return false;
    const issuedAt = claims.iat ?? claims.exp - SESSION_HOURS * 3_600_000;
    let active = false;
    let endedAt = 0;
    for (const event of stream) {
      if (!isEventOf(event, USER_TYPES)) continue;
      const { type } = event;
      if (type === 'UserRegistered' || type === 'UserReactivated') active = true;
      if (type === 'UserDeactivated') active = false;
      if (SESSION_ENDING_EVENTS.has(type)) endedAt = Date.parse(event.metadata.occurredAt);
    }
    return active && issuedAt >= endedAt;
  };
}
