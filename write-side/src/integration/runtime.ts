import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus, RunningConsumer } from '@sss/contracts/ports/message-bus';
import { startForwarder, type RunningForwarder } from './forwarder.ts';
import { INTEGRATION_TOPICS } from './mapping.ts';
import { startCompanyCopyConsumer } from '../partner/company-copy-consumer.ts';
import { startPartnerCountConsumer } from '../company/partner-count-consumer.ts';

/**
 * The write side's traffic between contexts, started together: topics ensured first (consumers
 * refuse topics nobody created), then the consumers, then the forwarder that feeds them. The same
 * code runs over Kafka and over the in-process bus; only `durableBus` differs.
 */
export interface IntegrationOptions {
  readonly events: EventStore;
  readonly bus: MessageBus;
  readonly durableBus: boolean;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface RunningIntegration {
  readonly forwarder: RunningForwarder;
  stop(): Promise<void>;
}

export async function startIntegration(options: IntegrationOptions): Promise<RunningIntegration> {
  const { events, bus } = options;
  const log = options.log ?? (() => {});
  await bus.ensureTopics([...INTEGRATION_TOPICS, ...INTEGRATION_TOPICS.map((t) => `${t}.dead-letter`)]);
  const consumers: RunningConsumer[] = [await startCompanyCopyConsumer({ events, bus }), await startPartnerCountConsumer({ events, bus })];
  const forwarder = await startForwarder({ events, bus, durableBus: options.durableBus, onError: (error, attempt) => log(`integration forwarder failed (attempt ${attempt}); retrying`, error) });
  return {
    forwarder,
    async stop() {
      await forwarder.stop();
      for (const consumer of consumers) await consumer.stop();
    },
  };
}
