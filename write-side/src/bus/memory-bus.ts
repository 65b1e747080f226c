/**
 * The in-process message bus of the embedded default. It behaves like Kafka where the port cares —
 * partitions by key, consumer groups with committed offsets, at-least-once, dead letters — so code
 * that passes against it is not surprised by Kafka. Nothing survives the process.
 */
import type { ConsumerOptions, IncomingMessage, MessageBus, OutgoingMessage, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { deadLetterTopicsOf, deliver } from './delivery.ts';

export interface MemoryBusOptions {
  /** Partitions of each topic that `ensureTopics` creates; more than one keeps per-key (not total) order honest. */
  readonly partitions?: number;
}

interface StoredMessage {
  readonly key: string;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

interface Member {
  readonly options: ConsumerOptions;
  active: boolean;
}

interface Group {
  /** Next offset to deliver, per `topic/partition`, as Kafka's committed offset. */
  readonly committed: Map<string, number>;
  readonly members: Member[];
  /** The handler running on a partition, so a new owner waits for it and per-key order holds across rebalances. */
  readonly inFlight: Map<string, Promise<unknown>>;
}

export function createMemoryBus(options: MemoryBusOptions = {}): MessageBus {
  return new MemoryBus(options.partitions ?? 3);
}

class MemoryBus implements MessageBus {
  private readonly topics = new Map<string, StoredMessage[][]>();
  private readonly groups = new Map<string, Group>();
  private readonly consumers = new Set<RunningConsumer>();
  private waiters: Array<() => void> = [];

  constructor(private readonly partitionCount: number) {}

  async ensureTopics(topics: readonly string[]): Promise<void> {
    for (const topic of topics) {
      if (!this.topics.has(topic)) this.topics.set(topic, Array.from({ length: this.partitionCount }, () => []));
    }
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    // Check everything first so a batch is all or nothing.
    const partitionsOf = messages.map((message) => this.partitionsOf(message.topic));
    messages.forEach((message, index) => {
      const partitions = partitionsOf[index]!;
      partitions[partitionFor(message.key, partitions.length)]!.push({
        key: message.key,
        // A round trip through JSON gives consumers what Kafka would: a copy, without functions or undefined.
        value: JSON.parse(JSON.stringify(message.value ?? null)) as unknown,
        headers: { ...message.headers },
      });
    });
    this.wakeAll();
  }

  async consume(options: ConsumerOptions): Promise<RunningConsumer> {
    options.topics.forEach((topic) => this.partitionsOf(topic));
    await this.ensureTopics(deadLetterTopicsOf(options));
    const group = this.groupOf(options.groupId);
    for (const topic of options.topics) {
      this.partitionsOf(topic).forEach((log, partition) => {
        const at = `${topic}/${partition}`;
        // Like auto.offset.reset: only a group that never committed starts at the beginning or the end.
        if (!group.committed.has(at)) group.committed.set(at, options.fromBeginning ? 0 : log.length);
      });
    }
    const member: Member = { options, active: true };
    group.members.push(member);
    const loops = options.topics.flatMap((topic) => this.partitionsOf(topic).map((_, partition) => this.run(group, member, topic, partition)));
    this.wakeAll();

    const consumer: RunningConsumer = {
      stop: async () => {
        if (!member.active) return;
        member.active = false;
        group.members.splice(group.members.indexOf(member), 1);
        this.consumers.delete(consumer);
        this.wakeAll();
        await Promise.all(loops);
      },
    };
    this.consumers.add(consumer);
    return consumer;
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<bigint> {
    const group = this.groups.get(groupId);
    let lag = 0;
    for (const topic of topics) {
      this.partitionsOf(topic).forEach((log, partition) => (lag += Math.max(0, log.length - (group?.committed.get(`${topic}/${partition}`) ?? 0))));
    }
    return BigInt(lag);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }

  private async run(group: Group, member: Member, topic: string, partition: number): Promise<void> {
    const at = `${topic}/${partition}`;
    const log = this.partitionsOf(topic)[partition]!;
    // Never deliver inside publish or consume: callers must not see their handler run before they return.
    await this.nextChange();
    while (member.active) {
      const offset = group.committed.get(at) ?? 0;
      const stored = log[offset];
      if (ownerOf(group, topic, partition) !== member || stored === undefined) {
        await this.nextChange();
        continue;
      }
      const previous = group.inFlight.get(at);
      if (previous !== undefined) {
        await previous;
        continue;
      }
      const message: IncomingMessage = { topic, partition, offset: String(offset), ...stored };
      const delivery = deliver(message, member.options, { isStopping: () => !member.active, publish: (messages) => this.publish(messages) });
      group.inFlight.set(at, delivery.catch(() => undefined));
      try {
        if ((await delivery) === 'committable') group.committed.set(at, offset + 1);
      } catch (error) {
        // Only the dead-letter publish can fail here; the message stays uncommitted and comes round again.
        console.error(`memory bus: ${at}@${offset} could not be dead-lettered`, error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      } finally {
        group.inFlight.delete(at);
      }
    }
  }

  private partitionsOf(topic: string): StoredMessage[][] {
    const partitions = this.topics.get(topic);
    // Kafka runs with auto-creation off; failing the same way here keeps a missing ensureTopics from hiding until production.
    if (partitions === undefined) throw new Error(`Unknown topic "${topic}": call ensureTopics first`);
    return partitions;
  }

  private groupOf(groupId: string): Group {
    let group = this.groups.get(groupId);
    if (group === undefined) {
      group = { committed: new Map(), members: [], inFlight: new Map() };
      this.groups.set(groupId, group);
    }
    return group;
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wakeAll(): void {
    const waiters = this.waiters;
    this.waiters = [];
    setImmediate(() => waiters.forEach((wake) => wake()));
  }
}

/** Round-robin over the members subscribed to the topic, in joining order — a stand-in for Kafka's assignor. */
function ownerOf(group: Group, topic: string, partition: number): Member | undefined {
  const candidates = group.members.filter((member) => member.options.topics.includes(topic));
  return candidates[partition % candidates.length];
}

/** FNV-1a: stable across processes, so a key always lands on the same partition. */
function partitionFor(key: string, partitionCount: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitionCount;
}
