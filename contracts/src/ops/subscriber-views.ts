import { Type, type Static } from 'typebox';
import { SUBSCRIBER_KINDS, SUBSCRIBER_STATES } from '../ports/subscribers.ts';

/** What the subscriber console (GET /api/admin/subscribers) answers; positions are decimal strings. */
export const SubscriberStatusView = Type.Object({
  name: Type.String(),
  kind: Type.Enum(SUBSCRIBER_KINDS),
  state: Type.Enum(SUBSCRIBER_STATES),
  position: Type.Union([Type.String(), Type.Null()]),
  head: Type.String(),
  lagEvents: Type.Union([Type.String(), Type.Null()]),
  lagSeconds: Type.Union([Type.Number(), Type.Null()]),
  eventsPerSecond: Type.Number(),
  handled: Type.Integer(),
  lastProgressAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.Object({ message: Type.String(), at: Type.String() }), Type.Null()]),
});

export const SubscribersView = Type.Object({ subscribers: Type.Array(SubscriberStatusView) });
export type SubscribersView = Static<typeof SubscribersView>;
