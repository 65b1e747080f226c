/**
 * What both bus adapters do with one message: call the handler, retry it a few times, then move it
 * to the dead-letter topic — so the adapters differ only in how they fetch and commit.
 */
import type { ConsumerOptions, IncomingMessage, OutgoingMessage } from '@sss/contracts/ports/message-bus';

export const defaultMaxAttempts = 3;
const retryBackoffMs = 50;
const maxReasonLength = 1_000;

/** `committable`: handled or dead-lettered, the offset may move past it. `abandoned`: leave it for the group. */
export type DeliveryOutcome = 'committable' | 'abandoned';

export interface DeliveryContext {
  readonly isStopping: () => boolean;
  readonly publish: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Lets Kafka heartbeat while a message is backing off, so the group does not evict the consumer. */
  readonly whileWaiting?: () => Promise<void>;
}

/** A consumer without its own dead-letter topic still must not lose a poison message. */
export function deadLetterTopicFor(options: Pick<ConsumerOptions, 'deadLetterTopic'>, topic: string): string {
  return options.deadLetterTopic ?? `${topic}.dead-letter`;
}

export function deadLetterTopicsOf(options: Pick<ConsumerOptions, 'deadLetterTopic' | 'topics'>): string[] {
  return [...new Set(options.topics.map((topic) => deadLetterTopicFor(options, topic)))];
}

export async function deliver(message: IncomingMessage, options: ConsumerOptions, context: DeliveryContext): Promise<DeliveryOutcome> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? defaultMaxAttempts);
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await options.handle(message);
      return 'committable';
    } catch (error) {
      lastError = error;
      // A failure while stopping looks like a crash: nobody may retry or dead-letter it but the group's next member.
      if (context.isStopping()) return 'abandoned';
      if (attempt < maxAttempts) {
        await context.whileWaiting?.();
        await sleep(retryBackoffMs * 2 ** (attempt - 1));
      }
    }
  }
  await context.publish([deadLetter(message, options, lastError)]);
  return 'committable';
}

export function deadLetter(message: IncomingMessage, options: Pick<ConsumerOptions, 'deadLetterTopic'>, reason: unknown): OutgoingMessage {
  return {
    topic: deadLetterTopicFor(options, message.topic),
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      'x-dead-letter-reason': describe(reason).slice(0, maxReasonLength),
      'x-original-topic': message.topic,
      'x-original-partition': String(message.partition),
      'x-original-offset': message.offset,
    },
  };
}

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}`;
  return String(reason);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
