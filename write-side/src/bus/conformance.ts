/**
 * What every MessageBus adapter must do, as one uvu suite: run it against each adapter so the
 * embedded default and Kafka cannot drift apart. Each test uses fresh topics and groups, so tests
 * neither see each other's messages nor depend on order.
 */
import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConsumerOptions, IncomingMessage, MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { waitUntil } from '@sss/contracts/testing/wait-until';

interface Sequenced {
  readonly seq: number;
  readonly poison?: boolean;
}

export function busConformance(name: string, makeBus: () => Promise<MessageBus>): void {
  const spec = (title: string, body: (bus: MessageBus) => Promise<void>): void =>
    test(`${name}: ${title}`, async () => {
      const bus = await makeBus();
      try {
        await body(bus);
      } finally {
        await bus.close();
      }
    });

  spec('delivers keyed messages with their value, headers, partition and offset to a group', async (bus) => {
    const topic = unique('delivery');
    await bus.ensureTopics([topic]);
    const value = { projectId: 'p-1', amountYen: 1_200_000, name: '基幹システム更改', lines: [{ month: '2026-04', effort: '0.3' }] };
    await bus.publish([{ topic, key: 'p-1', value, headers: { 'x-correlation-id': 'c-1' } }]);
    const received: IncomingMessage[] = [];
    await bus.consume(group({ topics: [topic], handle: async (message) => void received.push(message) }));
    await bus.publish([{ topic, key: 'p-2', value: { projectId: 'p-2' } }]);
    await waitFor(() => received.length === 2, 'both messages');

    const first = received.find((message) => message.key === 'p-1');
    assert.ok(first, 'the message published before the consumer started is delivered (fromBeginning)');
    assert.equal(first.value, value);
    assert.is(first.topic, topic);
    assert.is(first.headers['x-correlation-id'], 'c-1');
    assert.ok(Number.isInteger(first.partition) && first.partition >= 0, `partition ${first.partition}`);
    assert.match(first.offset, /^\d+$/);
    assert.equal(received.find((message) => message.key === 'p-2')?.value, { projectId: 'p-2' });
  });

  spec('keeps per-key order across many keys while two members of a group share the work', async (bus) => {
    const topic = unique('order');
    await bus.ensureTopics([topic]);
    const keys = Array.from({ length: 30 }, (_, index) => `project-${index}`);
    const rounds = 10;
    const highest = new Map<string, number>();
    const outOfOrder: string[] = [];
    const handledBy = [0, 0];
    const member = (index: number): ConsumerOptions =>
      group({
        groupId: `order-${topic}`,
        topics: [topic],
        handle: async (message) => {
          handledBy[index]!++;
          const { seq } = message.value as Sequenced;
          const seen = highest.get(message.key) ?? -1;
          // At-least-once allows a message again, never one from the future.
          if (seq > seen + 1) outOfOrder.push(`${message.key}: ${seq} after ${seen}`);
          highest.set(message.key, Math.max(seen, seq));
        },
      });
    await bus.consume(member(0));
    await bus.consume(member(1));
    for (let seq = 0; seq < rounds; seq++) {
      await bus.publish(keys.map((key) => ({ topic, key, value: { seq } })));
    }
    await waitFor(() => keys.every((key) => highest.get(key) === rounds - 1), 'the last message of every key');
    assert.equal(outOfOrder, []);
    assert.ok(handledBy.every((count) => count > 0), `both members handle messages: ${handledBy.join(' / ')}`);
  });

  spec('retries a message whose handler threw, before any later message of its key', async (bus) => {
    const topic = unique('retry');
    await bus.ensureTopics([topic]);
    const attempts: number[] = [];
    await bus.consume(
      group({
        topics: [topic],
        handle: async (message) => {
          const { seq } = message.value as Sequenced;
          attempts.push(seq);
          if (seq === 2 && attempts.filter((attempt) => attempt === 2).length === 1) throw new Error('transient');
        },
      }),
    );
    await bus.publish(sequence(topic, 'p-1', 5));
    await waitFor(() => attempts.includes(4), 'the last message');
    assert.equal(attempts, [0, 1, 2, 2, 3, 4]);
  });

  spec('redelivers to the next member of the group what a crashed consumer did not commit', async (bus) => {
    const topic = unique('crash');
    const groupId = unique('crash-group');
    await bus.ensureTopics([topic]);
    await bus.publish(sequence(topic, 'p-1', 5));

    const seenByFirst: number[] = [];
    let stopped: Promise<void> | undefined;
    const first = deferred<RunningConsumer>();
    first.resolve(
      await bus.consume(
        group({
          groupId,
          topics: [topic],
          handle: async (message) => {
            const { seq } = message.value as Sequenced;
            seenByFirst.push(seq);
            if (seq < 2) return;
            // The process "dies" mid-message: it is stopping and the handler never finishes its work.
            stopped = (await first.promise).stop();
            throw new Error('crashed');
          },
        }),
      ),
    );
    await waitFor(() => stopped !== undefined, 'the first consumer to crash');
    await stopped;

    const seenBySecond: number[] = [];
    await bus.consume(group({ groupId, topics: [topic], handle: async (message) => void seenBySecond.push((message.value as Sequenced).seq) }));
    await waitFor(() => seenBySecond.includes(4), 'the second consumer to reach the last message');
    assert.equal(seenByFirst, [0, 1, 2]);
    assert.equal(seenBySecond, [2, 3, 4], 'resumes at the uncommitted message, not before and not after');
  });

  spec('moves a poison message to the dead-letter topic with the reason, then goes on', async (bus) => {
    const topic = unique('poison');
    const deadLetterTopic = `${topic}.dlt`;
    await bus.ensureTopics([topic, deadLetterTopic]);
    const handled: number[] = [];
    const poisonOffsets = new Set<string>();
    let poisonAttempts = 0;
    await bus.consume(
      group({
        topics: [topic],
        deadLetterTopic,
        maxAttempts: 3,
        handle: async (message) => {
          const value = message.value as Sequenced;
          if (value.poison) {
            poisonAttempts++;
            poisonOffsets.add(message.offset);
            throw new Error(`cannot apply seq ${value.seq}`);
          }
          handled.push(value.seq);
        },
      }),
    );
    const deadLetters: IncomingMessage[] = [];
    await bus.consume(group({ topics: [deadLetterTopic], handle: async (message) => void deadLetters.push(message) }));
    await bus.publish([
      { topic, key: 'p-1', value: { seq: 0 } },
      { topic, key: 'p-1', value: { seq: 1, poison: true }, headers: { 'x-correlation-id': 'c-9' } },
      { topic, key: 'p-1', value: { seq: 2 } },
    ]);
    await waitFor(() => handled.includes(2) && deadLetters.length > 0, 'the message after the poison and the dead letter');

    assert.equal(handled, [0, 2]);
    assert.is(poisonAttempts, 3);
    const [dead] = deadLetters;
    assert.ok(dead);
    assert.is(dead.key, 'p-1');
    assert.equal(dead.value, { seq: 1, poison: true });
    assert.match(dead.headers['x-dead-letter-reason'] ?? '', 'cannot apply seq 1');
    assert.is(dead.headers['x-original-topic'], topic);
    assert.equal(new Set([dead.headers['x-original-offset']]), poisonOffsets);
    assert.is(dead.headers['x-correlation-id'], 'c-9', 'the original headers travel with it');
  });

  spec('refuses to consume a topic nobody created, rather than wait on it forever', async (bus) => {
    const topic = unique('missing');
    let failure: unknown;
    try {
      const consumer = await bus.consume(group({ topics: [topic], handle: async () => undefined }));
      await consumer.stop();
    } catch (error) {
      failure = error;
    }
    assert.instance(failure, Error);
  });

  spec('tells a consumer group\'s lag: messages not yet committed, all of them for a group that never consumed', async (bus) => {
    const topic = unique('lag');
    await bus.ensureTopics([topic]);
    await bus.publish(sequence(topic, 'p-1', 3));
    assert.is(await bus.consumerLag(unique('never-joined'), [topic]), 3n);
    let handled = 0;
    const groupId = unique('group');
    await bus.consume(group({ groupId, topics: [topic], handle: async () => void handled++ }));
    await waitFor(() => handled === 3, 'the three messages');
    // Offsets are committed after the handler (at-least-once), so the lag reaches 0 just after.
    await waitUntil('the group to commit them', async () => (await bus.consumerLag(groupId, [topic])) === 0n, { timeoutMs: 30_000 });
    await bus.publish(sequence(topic, 'p-2', 2));
    await waitUntil('the two new messages to be handled and committed', async () => handled === 5 && (await bus.consumerLag(groupId, [topic])) === 0n, { timeoutMs: 30_000 });
  });

  spec('gives every message to each consumer group', async (bus) => {
    const topic = unique('fan-out');
    await bus.ensureTopics([topic]);
    const byGroup = [new Set<number>(), new Set<number>()];
    for (const seen of byGroup) {
      await bus.consume(group({ topics: [topic], handle: async (message) => void seen.add((message.value as Sequenced).seq) }));
    }
    const messages = Array.from({ length: 20 }, (_, seq) => ({ topic, key: `p-${seq % 7}`, value: { seq } }));
    await bus.publish(messages);
    await waitFor(() => byGroup.every((seen) => seen.size === messages.length), 'both groups to see every message');
    const all = messages.map((message) => message.value.seq);
    for (const seen of byGroup) assert.equal([...seen].sort((x, y) => x - y), all);
  });
}

function group(options: Omit<ConsumerOptions, 'groupId'> & { groupId?: string }): ConsumerOptions {
  return { fromBeginning: true, ...options, groupId: options.groupId ?? unique('group') };
}

function sequence(topic: string, key: string, count: number) {
  return Array.from({ length: count }, (_, seq) => ({ topic, key, value: { seq } }));
}

function unique(label: string): string {
  return `conformance.${label}.${randomUUID().slice(0, 8)}`;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  await waitUntil(what, condition, { timeoutMs });
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((ok) => (resolve = ok));
  return { promise, resolve };
}
