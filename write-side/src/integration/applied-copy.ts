import { Compile } from 'typebox/compile';
import type { Static, TSchema } from 'typebox';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import type { IncomingMessage } from '@sss/contracts/ports/message-bus';
import { AnyEnvelope } from '@sss/contracts/integration/envelope';
import { isEventOf, type EventOfType, type RecordedOf } from '@sss/contracts/events/registry';

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

/** The copy events a consumer records: each carries the source revision and message it applied. */
export type CopyEventType = 'CompanyCopyUpdated' | 'PartnerAffiliationsCopied';

/** One of the envelopes the schemas describe, told apart by `type` (they were checked against their schema). */
export type EnvelopeOf<S extends Readonly<Record<string, TSchema>>> = { [K in keyof S]: Static<S[K]> }[keyof S];

export interface CopyHandler<C, S extends Readonly<Record<string, TSchema>>, T extends CopyEventType> {
  /** Stream of the copy for a message key, e.g. `companycopy-<companyId>`. */
  readonly streamOf: (key: string) => string;
  /** The schema of each message type this consumer understands; other types are skipped (additive topic evolution). */
  readonly schemas: S;
  /** The copy as its last event left it (null before the first). */
  readonly current: (last: RecordedOf<T> | null) => C | null;
  /** The event to append for this message given the current copy, or null when it changes nothing the context keeps. */
  readonly apply: (envelope: EnvelopeOf<S>, copy: C | null, key: string) => Omit<EventOfType<T>['data'], 'sourceRevision' | 'messageId'> | null;
  readonly eventType: T;
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

export function parseEnvelope<S extends Readonly<Record<string, TSchema>>>(message: IncomingMessage, schemas: S): (EnvelopeOf<S> & Envelope) | null {
  const value = message.value;
  if (!anyEnvelope.Check(value)) throw new PoisonMessage(`not an integration envelope: ${firstError(anyEnvelope, value)}`);
  const schema = schemas[value.type];
  if (!schema) return null;
  const envelope: Envelope = value;
  const validator = validatorOf(schema);
  if (!validator.Check(value)) throw new PoisonMessage(`${envelope.type} v${envelope.version} does not match its schema: ${firstError(validator, value)}`);
  return value as EnvelopeOf<S> & Envelope; // checked against schemas[value.type] just above; TypeScript cannot follow a lookup by a runtime key
}

export async function applyToCopy<C, S extends Readonly<Record<string, TSchema>>, T extends CopyEventType>(events: EventStore, message: IncomingMessage, handler: CopyHandler<C, S, T>): Promise<Outcome> {
  const envelope = parseEnvelope(message, handler.schemas);
  if (!envelope) return 'ignored';
  const { source, messageId } = envelope;
  const sourceRevision = BigInt(source.revision);
  const stream = handler.streamOf(message.key);
  for (;;) {
    const [found] = await events.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const last = found && isEventOf(found, [handler.eventType]) ? found : null;
    const applied = last ? BigInt(last.data.sourceRevision) : -1n;
    if (sourceRevision <= applied) return 'duplicate';
    const data = handler.apply(envelope, handler.current(last), message.key);
    if (data === null) return 'ignored';
    try {
      await events.append(
        stream,
        [{ type: handler.eventType, data: { ...data, sourceRevision: source.revision, messageId }, metadata: { actor: handler.actor, correlationId: messageId, causationId: messageId } }],
        found ? found.revision : 'no_stream',
      );
      return 'applied';
    } catch (error) {
      // Someone applied something to this key meanwhile: look again, it may have been this very message.
      if (!(error instanceof RevisionConflictError)) throw error;
    }
  }
}
