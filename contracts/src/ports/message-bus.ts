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
   * Called once per message, in order per key; messages of different keys (partitions) may be
   * handled concurrently. Resolving commits the message; throwing retries it a few times, after
   * which it goes to `deadLetterTopic` with the reason in headers (`x-dead-letter-reason`,
   * `x-original-topic`, `x-original-partition`, `x-original-offset`) and the consumer moves on.
   */
  readonly handle: (message: IncomingMessage) => Promise<void>;
  /** Default `<topic>.dead-letter`, so a poison message is never dropped; `consume` creates it. */
  readonly deadLetterTopic?: string;
  /** Attempts before dead-lettering, default 3. */
  readonly maxAttempts?: number;
}

export interface RunningConsumer {
  /**
   * Leaves the group once the message in hand is settled. A handler that fails while stopping is
   * treated as a crash: not retried, not dead-lettered, left uncommitted for the group's next
   * member. Never await it inside `handle` — it waits for that very handler.
   */
  stop(): Promise<void>;
}

export interface MessageBus {
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  /** Resolves once the consumer is a member of its group; the subscribed topics must exist. */
  consume(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Make sure topics exist (Kafka: create if missing). */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /**
   * Messages on `topics` the group has not committed yet, summed over partitions (Kafka: each
   * partition's high watermark minus the group's committed offset, or minus the low watermark
   * where it has none): the consumer group's lag the subscriber console shows.
   */
  consumerLag(groupId: string, topics: readonly string[]): Promise<bigint>;
  close(): Promise<void>;
}
