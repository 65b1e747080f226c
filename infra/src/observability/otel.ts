import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * The OpenTelemetry SDK, and the only file that knows it: everything else opens spans through
 * `@opentelemetry/api` (`contracts/src/tracing/spans.ts`), which does nothing until this registers
 * a tracer provider. Spans go to an OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT, the base URL
 * as the OpenTelemetry spec defines it: `/v1/traces` is appended) or, in tests, to memory.
 */

/** A finished span as the tests read it, without the SDK's types. */
export interface FinishedSpan {
  readonly name: string;
  readonly kind: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly links: readonly { readonly traceId: string; readonly spanId: string }[];
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly error: boolean;
}

export interface Tracing {
  /** Spans finished so far (memory only; empty for OTLP). */
  finished(): FinishedSpan[];
  /** Flushes what is pending and unregisters, so a later start in the same process begins anew. */
  shutdown(): Promise<void>;
}

export type TracingTarget = { readonly otlpEndpoint: string } | { readonly memory: true };

const KINDS = ['internal', 'server', 'client', 'producer', 'consumer'] as const;

export function startTracing(target: TracingTarget, serviceName = 'sss'): Tracing {
  const memory = 'memory' in target ? new InMemorySpanExporter() : null;
  const processor: SpanProcessor = memory
    ? new SimpleSpanProcessor(memory)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: `${(target as { otlpEndpoint: string }).otlpEndpoint.replace(/\/+$/, '')}/v1/traces` }));
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': serviceName }), spanProcessors: [processor] });
  // AsyncLocalStorage carries the active span across awaits: an append inside a request is its child.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  trace.setGlobalTracerProvider(provider);
  return {
    finished: () => (memory?.getFinishedSpans() ?? []).map(finishedSpan),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}

function finishedSpan(span: ReadableSpan): FinishedSpan {
  const { traceId, spanId } = span.spanContext();
  return {
    name: span.name,
    kind: KINDS[span.kind] ?? 'internal',
    traceId,
    spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    links: span.links.map((link) => ({ traceId: link.context.traceId, spanId: link.context.spanId })),
    attributes: { ...span.attributes },
    error: span.status.code === SpanStatusCode.ERROR,
  };
}
