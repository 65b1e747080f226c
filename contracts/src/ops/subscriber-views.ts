import { Type, type Static } from 'typebox';
import { SUBSCRIBER_KINDS, SUBSCRIBER_ROLES, SUBSCRIBER_STATES } from '../ports/subscribers.ts';
import { PARK_REASON_MAX } from './parked-events.ts';

/** What the subscriber console (GET /api/admin/subscribers) answers; positions are decimal strings. */
export const SubscriberStatusView = Type.Object({
  name: Type.String(),
  kind: Type.Enum(SUBSCRIBER_KINDS),
  state: Type.Enum(SUBSCRIBER_STATES),
  role: Type.Enum(SUBSCRIBER_ROLES),
  position: Type.Union([Type.String(), Type.Null()]),
  head: Type.String(),
  lagEvents: Type.Union([Type.String(), Type.Null()]),
  lagSeconds: Type.Union([Type.Number(), Type.Null()]),
  eventsPerSecond: Type.Number(),
  handled: Type.Integer(),
  lastProgressAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.Object({ message: Type.String(), at: Type.String() }), Type.Null()]),
});

export const ParkedEventView = Type.Object({
  subscriber: Type.String(),
  eventId: Type.String(),
  position: Type.String(),
  streamName: Type.String(),
  eventType: Type.String(),
  attempts: Type.Integer(),
  error: Type.String(),
  parkedAt: Type.String(),
});
export type ParkedEventView = Static<typeof ParkedEventView>;

export const SubscribersView = Type.Object({ subscribers: Type.Array(SubscriberStatusView), parked: Type.Array(ParkedEventView) });

/** `POST /api/admin/subscribers/:name/parked/:eventId/retry|skip`. */
export const ParkedEventParams = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', title: 'サブスクライバー' }),
    eventId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$', title: 'イベント' }),
  },
  { additionalProperties: false },
);
export const SettleParkedBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: PARK_REASON_MAX, pattern: '\\S', title: '理由' }) }, { additionalProperties: false });
export type SettleParkedBody = Static<typeof SettleParkedBody>;
export type SubscribersView = Static<typeof SubscribersView>;
