import { createHash } from 'node:crypto';
import type { ConsumerOptions, IncomingMessage } from '@sss/contracts/ports/message-bus';
import type { ParkedSource, ParkingLots } from './parking-lot.ts';

/**
 * A bus consumer under the write side's poison rule (parking-lot.ts): a message its handler fails
 * on as many times as the bus tries it is parked in `parked-consumer:<group>` with the message
 * itself, and still goes to `<topic>.dead-letter` as before (whoever reads that topic keeps
 * working). The console's retry hands the stored message to the same handler, which applies a
 * message once (its source revision, integration/applied-copy.ts).
 */
export function parkedConsumer(consumer: ConsumerOptions, lots: ParkingLots): ConsumerOptions {
  const lot = lots.open(`consumer:${consumer.groupId}`, async (entry) => {
    if (!entry.message) throw new Error(`parked entry ${entry.eventId} carries no message`);
    await consumer.handle({ ...entry.message, headers: { ...entry.message.headers } });
  });
  return {
    ...consumer,
    // The bus gives up (dead-letters) on the very attempt the lot parks it.
    maxAttempts: lots.maxAttempts,
    handle: async (message) => {
      if ((await lot.guard(sourceOfMessage(message), () => consumer.handle(message))) === 'parked') {
        throw new Error(`message ${message.topic}/${message.partition}@${message.offset} parked after ${lots.maxAttempts} failures`);
      }
    },
  };
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

/** An integration message is known by its messageId (the same on every re-publish); anything else by where it sits. */
function sourceOfMessage(message: IncomingMessage): ParkedSource {
  const value = (typeof message.value === 'object' && message.value !== null ? message.value : {}) as { messageId?: unknown; type?: unknown };
  const messageId = typeof value.messageId === 'string' && ID.test(value.messageId) ? value.messageId : null;
  const where = `${message.topic}/${message.partition}`;
  return {
    eventId: messageId ?? createHash('sha256').update(`${where}@${message.offset}`).digest('hex').slice(0, 32),
    position: message.offset,
    streamName: where,
    eventType: typeof value.type === 'string' ? value.type.slice(0, 100) : 'message',
    correlationId: messageId ?? undefined,
    message: { topic: message.topic, key: message.key, value: message.value, headers: { ...message.headers }, partition: message.partition, offset: message.offset },
  };
}
