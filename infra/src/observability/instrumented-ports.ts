import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus } from '@sss/contracts/ports/message-bus';
import type { WorkflowPort } from '@sss/contracts/ports/workflow';
import type { SubscriberRegistry } from '@sss/contracts/ports/subscribers';
import { categoryOf } from '@sss/contracts/streams/names';
import { decorate } from '@sss/contracts/ports/decorate';
import type { Metrics } from './prometheus.ts';
import { boundMethods } from './bound-methods.ts';

/**
 * Metrics and subscriber reports taken at the ports, in the composition root: every adapter and
 * every caller is measured alike, and no domain or runtime code learns that it is observed.
 */

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

export function measuredEventStore(store: EventStore, metrics: Metrics): EventStore {
  return decorate(store, {
    async append(streamName, events, expected) {
      const started = process.hrtime.bigint();
      try {
        const result = await store.append(streamName, events, expected);
        metrics.append(categoryOf(streamName), events.length, seconds(started), true);
        return result;
      } catch (error) {
        metrics.append(categoryOf(streamName), 0, seconds(started), false);
        throw error;
      }
    },
  });
}

/** Counts publishes and handled messages, and registers each consumer group as a subscriber. */
export function measuredBus(bus: MessageBus, metrics: Metrics, subscribers: SubscriberRegistry): MessageBus {
  return decorate(bus, {
    async publish(messages) {
      await bus.publish(messages);
      const byTopic = new Map<string, number>();
      for (const m of messages) byTopic.set(m.topic, (byTopic.get(m.topic) ?? 0) + 1);
      for (const [topic, count] of byTopic) metrics.published(topic, count);
    },
    consume(options) {
      const report = subscribers.register(`consumer:${options.groupId}`, 'consumer', { lag: () => bus.consumerLag(options.groupId, options.topics) });
      return bus.consume({
        ...options,
        handle: async (message) => {
          try {
            await options.handle(message);
            metrics.consumed(message.topic, true);
            report.handled();
          } catch (error) {
            metrics.consumed(message.topic, false);
            report.failed(error);
            throw error;
          }
        },
      });
    },
  });
}

/** Latency and errors of every CollaboFlow call, by the port method's name. */
export function measuredWorkflow(workflow: WorkflowPort, metrics: Metrics): WorkflowPort {
  const measured = {} as Record<string, unknown>;
  for (const [operation, method] of Object.entries(boundMethods(workflow))) {
    measured[operation] = async (...args: unknown[]) => {
      const started = process.hrtime.bigint();
      try {
        const result: unknown = await (method as (...a: unknown[]) => Promise<unknown>)(...args);
        metrics.workflowCall(operation, seconds(started), true);
        return result;
      } catch (error) {
        metrics.workflowCall(operation, seconds(started), false);
        throw error;
      }
    };
  }
  return measured as unknown as WorkflowPort;
}
