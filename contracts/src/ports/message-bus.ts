/**
 * The message bus port for integration events between bounded contexts. Adapters: in-process
 * (embedded default) and Kafka via kafkajs. Conformance: `write-side/src/bus/conformance.ts`.
 * Delivery is at-least-once with per-key order; consumers must be idempotent.
 */

export interface OutgoingMessage {
  readonly topic: string;
  /** Aggregate id: messages with the same key keep their order. */
  readonly key: string;
  /** JSON-serializable payload. */
  readonly value: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface IncomingMessage extends OutgoingMessage {
  readonly partition: number;
  /** Offset within the partition as a decimal string (Kafka offsets are int64). */
  readonly offset: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Start at the earliest retained message when the group has no committed offset. */
  readonly fromBeginning?: boolean;
  /**
   * Called once per message, in order per key. Resolving commits the message; throwing retries it
   * a few times, after which it goes to `deadLetterTopic` with the reason in headers and the
   * consumer moves on.
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  readonly deadLetterTopic?: string;
  readonly maxAttempts?: number;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

export interface MessageBus {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Make sure topics exist (Kafka: create if missing). */
  ensureTopics(topics: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
