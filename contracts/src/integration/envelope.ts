import { Type, type Static, type TSchema } from 'typebox';

/**
 * The envelope every integration event travels in (topics `sss.<context>.v<major>`). The message id
 * is the id of the domain event it was made from, so a message published twice (the forwarder is
 * at-least-once) is recognisably the same message; `source.revision` is the revision of that event
 * in its stream, which a consumer keeps per key to apply each change exactly once and in order.
 */
export const IntegrationSource = Type.Object({
  stream: Type.String({ description: 'Event store stream the domain event was recorded in, e.g. company-<id>.' }),
  revision: Type.String({ pattern: '^\\d+$', description: 'Revision of that event in its stream (decimal; int64 in general).' }),
});

export const envelopeOf = <T extends string, P extends TSchema>(type: T, payload: P, version = 1) =>
  Type.Object(
    {
      messageId: Type.String({ minLength: 1, description: 'Id of the source domain event (UUIDv7).' }),
      type: Type.Literal(type),
      version: Type.Literal(version, { description: 'Payload schema version of this type; additive changes keep it.' }),
      occurredAt: Type.String({ description: 'ISO-8601 UTC instant the source event was recorded.' }),
      source: IntegrationSource,
      payload,
    },
    { additionalProperties: true },
  );

/** The part of every envelope a consumer can read before it knows the type. */
export const AnyEnvelope = Type.Object({
  messageId: Type.String({ minLength: 1 }),
  type: Type.String({ minLength: 1 }),
  version: Type.Integer({ minimum: 1 }),
  occurredAt: Type.String(),
  source: IntegrationSource,
  payload: Type.Unknown(),
});
export type AnyEnvelope = Static<typeof AnyEnvelope>;

/** Headers set on every message so tools can route and trace without parsing the value. */
export const INTEGRATION_HEADERS = { messageId: 'x-message-id', type: 'x-event-type', version: 'x-event-version' } as const;
