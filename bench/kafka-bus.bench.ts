/**
 * Publish → consume throughput and latency of the message bus, over Kafka and in memory, with the
 * adapters' real settings (idempotent producer, acks=all, offsets committed by hand), beside raw
 * kafkajs producing and consuming the same messages in the same run (same producer settings, a
 * consumer counting them in `eachBatch`). Target (issue #14): bus ≥ 0.5 × raw. Runs alone with
 * `node --import tsx bench/kafka-bus.bench.ts`, starting its own Kafka when KAFKA_BROKERS is unset.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { MessageBus, OutgoingMessage } from '@sss/contracts/ports/message-bus';
import { startKafka } from '../infra/src/servers/kafka.ts';
import { createKafkaBus } from '../write-side/src/bus/kafka-bus.ts';
import { createMemoryBus } from '../write-side/src/bus/memory-bus.ts';

const messageCount = process.env.BENCH_QUICK === '1' ? 2_000 : 5_000;
const warmUpCount = 200;
const batchSize = 100;
const keyCount = 50;
const oneByOneCount = 200;

interface Figures {
  readonly messagesPerSecond: number;
  /** Under a flood, latency is mostly time spent queued behind earlier messages. */
  readonly floodP50Ms: number;
  readonly floodP99Ms: number;
  readonly publishMs: number;
  /** One message at a time, the next published only once the previous arrived: the bus's own delay. */
  readonly oneByOneP50Ms: number;
  readonly oneByOneP99Ms: number;
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = { messages: messageCount, batchSize, keys: keyCount };
  Object.assign(figures, prefixed('memory', await measure(createMemoryBus())));

  let brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  let ownKafka: Awaited<ReturnType<typeof startKafka>> | undefined;
  if (brokers === undefined || brokers.length === 0) {
    const startedAt = performance.now();
    ownKafka = await startKafka();
    figures['kafka.startMs'] = Math.round(performance.now() - startedAt);
    brokers = ownKafka.brokers;
  }
  try {
    const raw = await measureRaw(brokers);
    const bus = await measure(await createKafkaBus({ brokers }));
    Object.assign(figures, prefixed('kafka', bus), { 'kafkajs.raw.messagesPerSecond': raw, 'kafka.toRawRatio': Math.round((bus.messagesPerSecond / raw) * 100) / 100 });
  } finally {
    await ownKafka?.stop();
  }
  return figures;
}

async function measure(bus: MessageBus): Promise<Figures> {
  try {
    const topic = `bench.bus.${randomUUID().slice(0, 8)}`;
    await bus.ensureTopics([topic]);
    const latencies: number[] = [];
    let received = 0;
    let lastReceivedAt = 0;
    await bus.consume({
      groupId: `bench-${topic}`,
      topics: [topic],
      fromBeginning: true,
      handle: async (message) => {
        const { sentAt, warmUp } = message.value as { sentAt: number; warmUp: boolean };
        lastReceivedAt = performance.now();
        if (warmUp) return;
        latencies.push(lastReceivedAt - sentAt);
        received++;
      },
    });

    // Connections, metadata and JIT are paid before the clock starts.
    await publishAll(bus, topic, warmUpCount, true);
    const firstSentAt = performance.now();
    await publishAll(bus, topic, messageCount, false);
    const publishMs = performance.now() - firstSentAt;
    await until(() => received >= messageCount, 120_000);
    const messagesPerSecond = Math.round(messageCount / ((lastReceivedAt - firstSentAt) / 1_000));
    const flood = latencies.splice(0).sort((a, b) => a - b);

    for (let index = 0; index < oneByOneCount; index++) {
      await bus.publish([{ topic, key: `project-${index % keyCount}`, value: { index, sentAt: performance.now(), warmUp: false } }]);
      await until(() => received >= messageCount + index + 1, 30_000);
    }
    const oneByOne = latencies.sort((a, b) => a - b);

    return {
      messagesPerSecond,
      floodP50Ms: round(percentile(flood, 0.5)),
      floodP99Ms: round(percentile(flood, 0.99)),
      publishMs: Math.round(publishMs),
      oneByOneP50Ms: round(percentile(oneByOne, 0.5)),
      oneByOneP99Ms: round(percentile(oneByOne, 0.99)),
    };
  } finally {
    await bus.close();
  }
}

/** The same messages through kafkajs alone: produce in the same batches, consume and count. */
async function measureRaw(brokers: readonly string[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const topic = `bench.raw.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: `bench-${topic}`, maxWaitTimeInMs: 250 });
  await Promise.all([admin.connect(), producer.connect(), consumer.connect()]);
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    let received = 0;
    let lastReceivedAt = 0;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) JSON.parse(message.value?.toString('utf8') ?? 'null');
        received += batch.messages.length;
        lastReceivedAt = performance.now();
      },
    });
    await joined;
    const send = async (count: number, warmUp: boolean) => {
      for (let start = 0; start < count; start += batchSize) {
        const sentAt = performance.now();
        const messages = [];
        for (let index = start; index < Math.min(count, start + batchSize); index++) {
          messages.push({ key: `project-${index % keyCount}`, value: JSON.stringify({ index, sentAt, warmUp }), headers: {} });
        }
        await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages }] });
      }
    };
    await send(warmUpCount, true);
    await until(() => received >= warmUpCount, 60_000);
    const firstSentAt = performance.now();
    await send(messageCount, false);
    await until(() => received >= warmUpCount + messageCount, 120_000);
    return Math.round(messageCount / ((lastReceivedAt - firstSentAt) / 1_000));
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
  }
}

async function publishAll(bus: MessageBus, topic: string, count: number, warmUp: boolean): Promise<void> {
  for (let start = 0; start < count; start += batchSize) {
    const sentAt = performance.now();
    const batch: OutgoingMessage[] = [];
    for (let index = start; index < Math.min(count, start + batchSize); index++) {
      batch.push({ topic, key: `project-${index % keyCount}`, value: { index, sentAt, warmUp } });
    }
    await bus.publish(batch);
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`bench: not every message arrived within ${timeoutMs} ms`);
    // setImmediate, not a timer: a timer's 1 ms floor would dominate the in-memory one-by-one latency.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function prefixed(prefix: string, figures: Figures): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([name, value]) => [`${prefix}.${name}`, value]));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await run());
}
