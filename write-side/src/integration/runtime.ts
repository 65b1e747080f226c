import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { NO_SUBSCRIBER_REPORT, type SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import { BehaviorSubject } from 'rxjs';
import { leasesOf } from '@sss/contracts/ports/leases';
import { lead } from '@sss/contracts/streams/leadership';
import { startForwarder, type ForwarderOptions, type RunningForwarder } from './forwarder.ts';
import type { Log } from '@sss/contracts/ports/log';
import { INTEGRATION_TOPICS } from './mapping.ts';
import { startCompanyCopyConsumer } from '../partner/company-copy-consumer.ts';
import { startPartnerCountConsumer } from '../company/partner-count-consumer.ts';
import type { ParkingLots } from '../ops/parking-lot.ts';
import { parkedConsumer } from '../ops/parked-consumer.ts';

/**
 * The write side's traffic between contexts, started together: topics ensured first (consumers
 * refuse topics nobody created), then the consumers, then the forwarder that feeds them. The same
 * code runs over Kafka and over the in-process bus; only `durableBus` differs.
 */
export interface IntegrationOptions {
  readonly events: EventStore;
  readonly bus: MessageBus;
  readonly durableBus: boolean;
  readonly log?: Log;
  /** Where the forwarder reports its position and failures (the consumers are reported by the bus they consume). */
  readonly subscribers?: SubscriberRegistry;
  /** Where the forwarder and the consumers park poison events and messages (ops/parking-lot.ts). */
  readonly parking?: ParkingLots;
  /** The forwarder's mapping (default `toIntegrationMessage`); a test injects a failing one. */
  readonly toMessage?: ForwarderOptions['toMessage'];
}

export interface RunningIntegration {
  readonly forwarder: RunningForwarder;
  /**
   * Resolves once everything in the event store has been forwarded and every message this process
   * published has been handled by its consumers (whose appends are then forwarded too), i.e. the
   * two contexts agree. For startup after seeding and for tests; a false answer means it timed out.
   */
  settled(timeoutMs?: number): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startIntegration(options: IntegrationOptions): Promise<RunningIntegration> {
  const { events } = options;
  const log = options.log ?? (() => {});
  let published = 0;
  let handled = 0;
  const bus: MessageBus = {
    publish: async (messages) => {
      await options.bus.publish(messages);
      published += messages.filter((m) => (INTEGRATION_TOPICS as readonly string[]).includes(m.topic)).length;
    },
    consume: (consumer) => options.bus.consume(options.parking ? parkedConsumer(consumer, options.parking) : consumer),
    ensureTopics: (topics) => options.bus.ensureTopics(topics),
    consumerLag: (groupId, topics) => options.bus.consumerLag(groupId, topics),
    close: () => options.bus.close(),
  };
  const onHandled = () => void handled++;
  await bus.ensureTopics([...INTEGRATION_TOPICS, ...INTEGRATION_TOPICS.map((t) => `${t}.dead-letter`)]);
  const consumers: RunningConsumer[] = [await startCompanyCopyConsumer({ events, bus, onHandled }), await startPartnerCountConsumer({ events, bus, onHandled })];
  const report = options.subscribers?.register('forwarder:integration', 'forwarder') ?? NO_SUBSCRIBER_REPORT;
  // What the forwarder reached, for its failure lines (read before startForwarder has answered, too).
  let reached: bigint | null = null;
  // What this process's forwarder reached, whichever run of it leads now.
  const position$ = new BehaviorSubject<bigint>(0n);
  const begin = async (token?: bigint) => {
    const running = await startForwarder({
      events,
      bus,
      durableBus: options.durableBus,
      ...(token === undefined ? {} : { token }),
      ...(options.parking ? { parking: options.parking } : {}),
      ...(options.toMessage ? { toMessage: options.toMessage } : {}),
      onError: (error, attempt) => (report.failed(error), log(`integration forwarder failed (attempt ${attempt}); retrying`, error, { subscriber: 'forwarder:integration', attempt, position: reached?.toString() ?? null })),
    });
    const mirrored = running.position$.subscribe((position) => {
      if (position > position$.value) position$.next(position);
    });
    return { stop: async () => (mirrored.unsubscribe(), await running.stop()) };
  };
  // One forwarder among the write instances: it runs only on the one holding the event store's
  // lease (docs/architecture.md §Leadership and checkpoints), with that lease's fencing token.
  const leases = leasesOf(events);
  const forwarding = leases
    ? lead({ leases, name: 'subscriber:forwarder-integration', start: begin, onRole: (role) => report.role(role), log: (message, error) => log(message, error) })
    : await begin();
  const forwarder: RunningForwarder = { position$, stop: () => forwarding.stop() };
  position$.subscribe((position) => (report.reached(position), (reached = position)));
  return {
    forwarder,
    async settled(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let quietSince: bigint | null = null;
      while (Date.now() < deadline) {
        const head = await events.headPosition();
        const idle = forwarder.position$.value >= head && handled >= published;
        // Idle twice at the same head: nothing was appended in between by a consumer.
        if (idle && quietSince === head) return true;
        quietSince = idle ? head : null;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return false;
    },
    async stop() {
      await forwarder.stop();
      for (const consumer of consumers) await consumer.stop();
    },
  };
}
