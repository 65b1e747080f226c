import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { RevisionConflictError, type EventStore, type NewEvent, type RecordedEvent } from '@sss/contracts/ports/event-store';
import type { IncomingMessage } from '@sss/contracts/ports/message-bus';
import { AnyEnvelope } from '@sss/contracts/integration/envelope';

/**
 * What every idempotent consumer of an integration topic shares. A consumer keeps, per message key,
 * a stream in the event store (its own copy of the other context's aggregate): each event in it
 * records the source revision it applied. A message whose source revision is not newer than the
 * last applied one is a repeat (the forwarder and the bus are at-least-once) and is skipped. The
 * append uses the copy stream's revision as the expected revision, so even two consumers racing on
 * one key apply a message once. The copy stream is also the history of what the context knew, when.
 *
 * A message that does not fit its schema throws `PoisonMessage`: the bus retries it, then moves it
 * to the dead-letter topic with this reason, and the consumer goes on with the next one.
 */

export class PoisonMessage extends Error {
  override readonly name = 'PoisonMessage';
}

export type Envelope = AnyEnvelope;
const anyEnvelope = Compile(AnyEnvelope);

export interface CopyHandler<C> {
  /** Stream of the copy for a message key, e.g. `companycopy-<companyId>`. */
  readonly streamOf: (key: string) => string;
  /** The schema of each message type this consumer understands; other types are skipped (additive topic evolution). */
  readonly schemas: Readonly<Record<string, TSchema>>;
  /** The copy as its last event left it (null before the first). */
  readonly current: (last: RecordedEvent | null) => C | null;
  /** The event to append for this message given the current copy, or null when it changes nothing the context keeps. */
  readonly apply: (envelope: Envelope, copy: C | null, key: string) => NewEvent['data'] | null;
  readonly eventType: string;
  readonly actor: string;
}

export type Outcome = 'applied' | 'duplicate' | 'ignored';

const validators = new WeakMap<TSchema, ReturnType<typeof Compile>>();
const validatorOf = (schema: TSchema) => {
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = Compile(schema)));
  return validator;
};

function firstError(validator: ReturnType<typeof Compile>, value: unknown): string {
  const [error] = validator.Errors(value);
  return error ? `${error.instancePath || '/'} ${error.message}` : 'invalid';
}

export function parseEnvelope(message: IncomingMessage, schemas: Readonly<Record<string, TSchema>>): Envelope | null {
  const value = message.value;
  if (!anyEnvelope.Check(value)) throw new PoisonMessage(`not an integration envelope: ${firstError(anyEnvelope, value)}`);
  const schema = schemas[value.type];
  if (!schema) return null;
  const envelope: Envelope = value;
  const validator = validatorOf(schema);
  if (!validator.Check(value)) throw new PoisonMessage(`${envelope.type} v${envelope.version} does not match its schema: ${firstError(validator, value)}`);
  return envelope;
}

export async function applyToCopy<C>(events: EventStore, message: IncomingMessage, handler: CopyHandler<C>): Promise<Outcome> {
  const envelope = parseEnvelope(message, handler.schemas);
  if (!envelope) return 'ignored';
  const sourceRevision = BigInt(envelope.source.revision);
  const stream = handler.streamOf(message.key);
  for (;;) {
    const [last] = await events.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const applied = last ? BigInt((last.data as { sourceRevision: string }).sourceRevision) : -1n;
    if (sourceRevision <= applied) return 'duplicate';
    const data = handler.apply(envelope, handler.current(last ?? null), message.key);
    if (data === null) return 'ignored';
    try {
      await events.append(
        stream,
        [{ type: handler.eventType, data: { ...(data as object), sourceRevision: envelope.source.revision, messageId: envelope.messageId }, metadata: { actor: handler.actor, correlationId: envelope.messageId, causationId: envelope.messageId } }],
        last ? last.revision : 'no_stream',
      );
      return 'applied';
    } catch (error) {
      // Someone applied something to this key meanwhile: look again, it may have been this very message.
      if (!(error instanceof RevisionConflictError)) throw error;
    }
  }
}
