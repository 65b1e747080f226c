/**
 * The message bus over Apache Kafka, through kafkajs. The only file that knows kafkajs: values are
 * JSON, keys and headers strings, and offsets are committed by hand after the handler has finished
 * (at-least-once). Retries and dead letters are shared with the memory bus (`delivery.ts`).
 */
import { Kafka, Partitioners, logLevel, type EachBatchPayload, type IHeaders, type KafkaMessage, type LogEntry, type Producer } from 'kafkajs';
import type { ConsumerOptions, IncomingMessage, MessageBus, OutgoingMessage, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { deadLetter, deadLetterTopicsOf, deliver, type DeliveryOutcome } from './delivery.ts';

export interface KafkaBusOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Partitions of each topic that `ensureTopics` creates: the ceiling on consumers sharing a topic in one group. */
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** kafkajs chatter below this level is dropped; it logs every rebalance and reconnect at INFO. */
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

const commitEvery = { messages: 100, ms: 1_000 } as const;
const levels = { error: logLevel.ERROR, warn: logLevel.WARN, info: logLevel.INFO, debug: logLevel.DEBUG } as const;

export async function createKafkaBus(options: KafkaBusOptions): Promise<MessageBus> {
  const kafka = new Kafka({
    clientId: options.clientId ?? 'sss',
    brokers: [...options.brokers],
    logLevel: levels[options.logLevel ?? 'error'],
    logCreator: (threshold) => (entry) => {
      if (levelOf(entry) <= threshold) logLine(entry);
    },
  });
  // Naming the partitioner is what silences kafkajs's v2 partitioner warning; it is Java's murmur2, so
  // Java and Node producers put a key on the same partition.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  return new KafkaBus(kafka, producer, admin, options);
}

interface PendingPublish {
  readonly messages: readonly OutgoingMessage[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Messages per produce request when queued publishes are sent together. */
const MAX_SEND = 1_000;

class KafkaBus implements MessageBus {
  private readonly consumers = new Set<RunningConsumer>();
  private pending: PendingPublish[] = [];
  private sending = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly admin: ReturnType<Kafka['admin']>,
    private readonly options: KafkaBusOptions,
  ) {}

  /**
   * Batched publishing: while one produce request is in flight, whatever is published meanwhile
   * (the forwarder's next batches, dead letters, other callers) waits and goes out together in the
   * next request — one acks=all round trip for all of it instead of one each. One request at a time
   * (the idempotent producer's order guarantee), so messages keep their publish order; each caller
   * is answered once its own messages are acknowledged, and a failed request fails its callers only.
   */
  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await new Promise<void>((resolve, reject) => {
      this.pending.push({ messages, resolve, reject });
      if (!this.sending) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.sending = true;
    try {
      while (this.pending.length > 0) {
        const batch: PendingPublish[] = [];
        let size = 0;
        while (this.pending.length > 0 && (batch.length === 0 || size + this.pending[0]!.messages.length <= MAX_SEND)) {
          const next = this.pending.shift()!;
          batch.push(next);
          size += next.messages.length;
        }
        try {
          await this.send(batch.flatMap((p) => p.messages));
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.sending = false;
    }
  }

  private async send(messages: readonly OutgoingMessage[]): Promise<void> {
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const message of messages) {
      const batch = byTopic.get(message.topic) ?? [];
      batch.push({ key: message.key, value: JSON.stringify(message.value ?? null), headers: { ...message.headers } });
      byTopic.set(message.topic, batch);
    }
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, batch]) => ({ topic, messages: batch })) });
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const existing = new Set(await this.admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    await this.admin.createTopics({
      // kafkajs's own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a fresh broker answers for a moment.
      waitForLeaders: false,
      topics: missing.map((topic) => ({ topic, numPartitions: this.options.partitions ?? 3, replicationFactor: this.options.replicationFactor ?? 1 })),
    });
    await this.waitForLeaders(missing, 30_000);
  }

  private async waitForLeaders(topics: string[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics });
        if (metadata.every(({ partitions }) => partitions.length > 0 && partitions.every(({ leader }) => leader >= 0))) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    await this.ensureTopics(deadLetterTopicsOf(options));
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      // The broker's minimum session; short heartbeats and fetch waits make joins, rebalances and stop() quick.
      sessionTimeout: 6_000,
      rebalanceTimeout: 10_000,
      heartbeatInterval: 500,
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    let stopping = false;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? false });
      await consumer.run({
        autoCommit: false,
        // Partitions in parallel, each in order: per-key order holds and one slow key does not stall the rest.
        partitionsConsumedConcurrently: this.options.partitions ?? 3,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload, options, () => stopping),
      });
      // Resolving only once in the group means a message published next is one this consumer will see.
      await withTimeout(joined, 30_000, `consumer of group ${options.groupId} did not join within 30 s`);
    } catch (error) {
      stopping = true;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }

    const running: RunningConsumer = {
      stop: async () => {
        if (stopping) return;
        stopping = true;
        this.consumers.delete(running);
        await consumer.disconnect();
      },
    };
    this.consumers.add(running);
    return running;
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<bigint> {
    const [committed, ends] = await Promise.all([
      this.admin.fetchOffsets({ groupId, topics: [...topics] }),
      Promise.all(topics.map(async (topic) => ({ topic, partitions: await this.admin.fetchTopicOffsets(topic) }))),
    ]);
    let lag = 0n;
    for (const { topic, partitions } of ends) {
      const ofGroup = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const { partition, high, low } of partitions) {
        const offset = ofGroup.find((p) => p.partition === partition)?.offset ?? '-1';
        // -1: the group never committed here and would start from the oldest retained message.
        const from = BigInt(offset) >= 0n ? BigInt(offset) : BigInt(low);
        if (BigInt(high) > from) lag += BigInt(high) - from;
      }
    }
    return lag;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    await Promise.all([this.producer.disconnect(), this.admin.disconnect()]);
  }

  /**
   * One partition's batch, in order. Progress is committed when the batch ends, when the consumer
   * stops or a message is abandoned, and every `commitEvery` messages or ms in between: a commit
   * per message would cap a partition at the broker's commit round trip (a few ms each).
   */
  private async handleBatch(payload: EachBatchPayload, options: ConsumerOptions, isStopping: () => boolean): Promise<void> {
    const { batch, heartbeat, isStale, isRunning } = payload;
    const { topic, partition } = batch;
    let uncommitted: string | undefined;
    let lastCommitAt = Date.now();
    let sinceCommit = 0;
    const commit = async (): Promise<void> => {
      if (uncommitted === undefined) return;
      const offset = uncommitted;
      uncommitted = undefined;
      lastCommitAt = Date.now();
      sinceCommit = 0;
      try {
        // The payload's commit, unlike consumer.commitOffsets, still works while stop() waits for this batch.
        await payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      } catch (error) {
        // A rebalance can reject the commit; the messages then come again, which at-least-once allows.
        console.warn(`kafka bus: commit of ${topic}/${partition}@${offset} failed, they will be redelivered: ${String(error)}`);
      }
    };
    try {
      for (const message of batch.messages) {
        // Whatever is left of the batch after a stop or a lost partition belongs to the group's next member.
        if (isStopping() || !isRunning() || isStale()) break;
        const outcome = await this.handleOne(topic, partition, message, options, isStopping, heartbeat);
        if (outcome === 'abandoned') break;
        // Tells kafkajs where this partition's next fetch starts, also after an error in this batch.
        payload.resolveOffset(message.offset);
        uncommitted = (BigInt(message.offset) + 1n).toString();
        if (++sinceCommit >= commitEvery.messages || Date.now() - lastCommitAt >= commitEvery.ms) await commit();
        await heartbeat();
      }
    } finally {
      await commit();
    }
  }

  private async handleOne(
    topic: string,
    partition: number,
    message: KafkaMessage,
    options: ConsumerOptions,
    isStopping: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<DeliveryOutcome> {
    const decoded = decode(topic, partition, message);
    if (decoded.value instanceof Error) {
      await this.publish([deadLetter(decoded.message, options, decoded.value)]);
      return 'committable';
    }
    return deliver(decoded.message, options, { isStopping, publish: (messages) => this.publish(messages), whileWaiting: heartbeat });
  }
}

function decode(topic: string, partition: number, message: KafkaMessage): { message: IncomingMessage; value: unknown } {
  const raw = message.value?.toString('utf8') ?? 'null';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    // Not ours to handle, and retrying cannot help: straight to the dead letters, raw text kept.
    value = new Error(`value is not JSON: ${(error as Error).message}`);
  }
  const incoming: IncomingMessage = {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: value instanceof Error ? raw : value,
    headers: headersOf(message.headers),
  };
  return { message: incoming, value };
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : value.toString();
  }
  return result;
}

/**
 * kafkajs reports every retriable broker answer (coordinator loading, leader moved) as an ERROR and
 * then retries it; what really fails reaches us as a thrown error.
 */
function levelOf({ namespace, level, log }: LogEntry): logLevel {
  const retried = (namespace === 'Connection' && log.message.startsWith('Response ')) || 'retryCount' in log;
  return retried ? Math.max(level, logLevel.WARN) : level;
}

function logLine({ namespace, level, log }: LogEntry): void {
  const { message, timestamp: _timestamp, logger: _logger, ...extra } = log;
  const line = `kafka ${namespace}: ${message} ${Object.keys(extra).length > 0 ? JSON.stringify(extra) : ''}`;
  if (level <= logLevel.ERROR) console.error(line);
  else console.warn(line);
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
