import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SubscriberStatus } from '@sss/contracts/ports/subscribers';

/**
 * SSS's metrics, and the only file that knows prom-client: everything else records through
 * `Metrics`, so the names and labels of every series live here, in one list an operator can read.
 * Each instance has its own registry, so two SSS in one process (the tests) never share counters.
 */

export type CommandOutcome = 'accepted' | 'rejected' | 'conflict' | 'failed';

export interface Metrics {
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  command(type: string, outcome: CommandOutcome): void;
  append(category: string, events: number, seconds: number, ok: boolean): void;
  published(topic: string, messages: number): void;
  consumed(topic: string, ok: boolean): void;
  workflowCall(operation: string, seconds: number, ok: boolean): void;
  /** Prometheus text exposition, subscriber gauges read fresh for this scrape; `parked`: each subscriber's parked (poison) events now. */
  render(parked?: ReadonlyMap<string, number>): Promise<{ readonly contentType: string; readonly body: string }>;
}

export function createMetrics(subscribers?: () => Promise<readonly SubscriberStatus[]>): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sss_' });
  const registers = [registry];
  const http = new Histogram({ name: 'sss_http_request_duration_seconds', help: 'HTTP requests by route pattern and status', labelNames: ['method', 'route', 'status'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers });
  const commands = new Counter({ name: 'sss_commands_total', help: 'Commands by type (route) and outcome', labelNames: ['command', 'outcome'], registers });
  const appendLatency = new Histogram({ name: 'sss_append_duration_seconds', help: 'Event store appends by stream category', labelNames: ['category', 'outcome'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1], registers });
  const appended = new Counter({ name: 'sss_events_appended_total', help: 'Events appended by stream category', labelNames: ['category'], registers });
  const published = new Counter({ name: 'sss_bus_published_total', help: 'Messages published to the bus (Kafka or in-process) by topic', labelNames: ['topic'], registers });
  const consumed = new Counter({ name: 'sss_bus_consumed_total', help: 'Messages handled by consumers by topic and outcome', labelNames: ['topic', 'outcome'], registers });
  const workflow = new Histogram({ name: 'sss_collaboflow_call_duration_seconds', help: 'CollaboFlow calls by operation and outcome', labelNames: ['operation', 'outcome'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers });
  const workflowErrors = new Counter({ name: 'sss_collaboflow_call_errors_total', help: 'Failed CollaboFlow calls by operation', labelNames: ['operation'], registers });
  const subscriberLabels = ['subscriber', 'kind'] as const;
  const position = new Gauge({ name: 'sss_subscriber_position', help: 'Log position each subscriber has handled', labelNames: subscriberLabels, registers });
  const lagEvents = new Gauge({ name: 'sss_subscriber_lag_events', help: 'Events between the log head and each subscriber', labelNames: subscriberLabels, registers });
  const lagSeconds = new Gauge({ name: 'sss_subscriber_lag_seconds', help: 'Age of the oldest event a subscriber has not handled', labelNames: subscriberLabels, registers });
  const throughput = new Gauge({ name: 'sss_subscriber_events_per_second', help: 'Events (messages) each subscriber handled per second over the last minute', labelNames: subscriberLabels, registers });
  const up = new Gauge({ name: 'sss_subscriber_state', help: '1 for the state each subscriber is in', labelNames: [...subscriberLabels, 'state'], registers });
  const parkedEvents = new Gauge({ name: 'sss_subscriber_parked', help: 'Poison events each subscriber has parked and nobody has retried or skipped yet', labelNames: ['subscriber'], registers });

  return {
    httpRequest: (method, route, status, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    command: (command, outcome) => commands.inc({ command, outcome }),
    append(category, events, seconds, ok) {
      appendLatency.observe({ category, outcome: ok ? 'ok' : 'error' }, seconds);
      if (ok) appended.inc({ category }, events);
    },
    published: (topic, messages) => published.inc({ topic }, messages),
    consumed: (topic, ok) => consumed.inc({ topic, outcome: ok ? 'ok' : 'error' }),
    workflowCall(operation, seconds, ok) {
      workflow.observe({ operation, outcome: ok ? 'ok' : 'error' }, seconds);
      if (!ok) workflowErrors.inc({ operation });
    },
    async render(parked) {
      for (const gauge of [position, lagEvents, lagSeconds, throughput, up, parkedEvents]) gauge.reset();
      for (const [subscriber, count] of parked ?? []) parkedEvents.set({ subscriber }, count);
      for (const s of (await subscribers?.()) ?? []) {
        const labels = { subscriber: s.name, kind: s.kind };
        if (s.position !== null) position.set(labels, Number(s.position));
        if (s.lagEvents !== null) lagEvents.set(labels, Number(s.lagEvents));
        if (s.lagSeconds !== null) lagSeconds.set(labels, s.lagSeconds);
        throughput.set(labels, s.eventsPerSecond);
        up.set({ ...labels, state: s.state }, 1);
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
