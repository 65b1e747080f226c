import type { EventStore } from '@sss/contracts/ports/event-store';
import type { MessageBus } from '@sss/contracts/ports/message-bus';
import type { WorkflowPort } from '@sss/contracts/ports/workflow';
import { categoryOf } from '@sss/contracts/streams/names';
import { decorate } from '@sss/contracts/ports/decorate';
import { activeTraceparent, openSpan, TRACEPARENT, withSpan } from '@sss/contracts/tracing/spans';
import { boundMethods } from './bound-methods.ts';

/**
 * Spans taken at the ports, in the composition root, like the metrics beside them: every adapter
 * and every caller is traced alike (docs/architecture.md §Tracing).
 */

/** Each append is a span, and its events record that span's traceparent for their subscribers. */
export function tracedEventStore(store: EventStore): EventStore {
  return decorate(store, {
    append(streamName, events, expected) {
      return withSpan(`append ${categoryOf(streamName)}`, { attributes: { 'sss.stream': streamName, 'sss.events': events.length } }, () => {
        const traceparent = activeTraceparent();
        const traced = traceparent ? events.map((e) => (e.metadata.traceparent ? e : { ...e, metadata: { ...e.metadata, traceparent } })) : events;
        return store.append(streamName, traced, expected);
      });
    },
  });
}

/**
 * A producer span per message published, parented on the traceparent the publisher put in its
 * headers (the forwarder: the source event's) or else on the active span, and carried on in the
 * headers; a consumer span per message handled, parented on that header.
 */
export function tracedBus(bus: MessageBus): MessageBus {
  return decorate(bus, {
    async publish(messages) {
      const spans = messages.map((m) => openSpan(`publish ${m.topic}`, { kind: 'producer', ...(m.headers?.[TRACEPARENT] ? { parent: m.headers[TRACEPARENT] } : {}), attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': m.topic } }));
      const traced = messages.map((m, i) => (spans[i]!.traceparent ? { ...m, headers: { ...m.headers, [TRACEPARENT]: spans[i]!.traceparent } } : m));
      try {
        await bus.publish(traced);
        for (const span of spans) span.end();
      } catch (error) {
        for (const span of spans) span.end(error);
        throw error;
      }
    },
    consume(options) {
      return bus.consume({
        ...options,
        handle: (message) =>
          withSpan(
            `consume ${message.topic}`,
            {
              kind: 'consumer',
              parent: message.headers[TRACEPARENT] ?? null,
              attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': message.topic, 'messaging.consumer.group.name': options.groupId, 'messaging.destination.partition.id': String(message.partition), 'messaging.kafka.offset': message.offset },
            },
            () => options.handle(message),
          ),
      });
    },
  });
}

/** A client span for every CollaboFlow call, by the port method's name, inside whatever step made it. */
export function tracedWorkflow(workflow: WorkflowPort): WorkflowPort {
  const traced = {} as Record<string, unknown>;
  for (const [operation, method] of Object.entries(boundMethods(workflow))) {
    traced[operation] = (...args: unknown[]) => withSpan(`collaboflow ${operation}`, { kind: 'client', attributes: { 'sss.collaboflow.operation': operation } }, () => (method as (...a: unknown[]) => Promise<unknown>)(...args));
  }
  return traced as unknown as WorkflowPort;
}
