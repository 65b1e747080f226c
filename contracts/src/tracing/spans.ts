import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Context, type Link, type Span, type SpanContext } from '@opentelemetry/api';

/**
 * How SSS code opens spans (docs/architecture.md §Operating the pipeline, Tracing). Only
 * `@opentelemetry/api` is used here: without a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset)
 * every span is a no-op and no traceparent is written anywhere. The SDK and exporter live in one
 * adapter, `infra/src/observability/otel.ts`.
 *
 * A trace crosses time and processes as a W3C `traceparent` string: in each event's metadata (the
 * append that recorded it) and in each Kafka message's headers. A subscriber handling an event starts
 * its span from that string, never from the context it happens to run in, which may belong to
 * whatever request made the store emit.
 */

export const TRACEPARENT = 'traceparent';

export type Kind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';
const kinds: Record<Kind, SpanKind> = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT, producer: SpanKind.PRODUCER, consumer: SpanKind.CONSUMER };

export interface SpanOptions {
  readonly kind?: Kind;
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
  /**
   * The parent as a traceparent (an event's, a message's). Absent: a child of the active span.
   * `null`: a new trace (the event or message carried none).
   */
  readonly parent?: string | null;
  /** Further causes, e.g. the other events of a batch that came from other traces. */
  readonly links?: readonly (string | undefined)[];
}

/** A span opened by `openSpan`: its traceparent to hand on, and `end`. */
export interface OpenSpan {
  /** undefined when tracing is off. */
  readonly traceparent: string | undefined;
  /** The context in which work belongs to this span. */
  readonly context: Context;
  setAttribute(key: string, value: string | number | boolean): void;
  end(error?: unknown): void;
}

const TRACEPARENT_PATTERN = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const MAX_LINKS = 32;

/** The span context a traceparent names, or undefined when it is absent or malformed. */
function spanContextOf(traceparent: string | undefined | null): SpanContext | undefined {
  const match = traceparent ? TRACEPARENT_PATTERN.exec(traceparent) : null;
  if (!match) return undefined;
  const spanContext: SpanContext = { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16) & TraceFlags.SAMPLED, isRemote: true };
  return trace.isSpanContextValid(spanContext) ? spanContext : undefined;
}

function traceparentOf(span: Span | undefined): string | undefined {
  const spanContext = span?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return undefined;
  return `00-${spanContext.traceId}-${spanContext.spanId}-${spanContext.traceFlags.toString(16).padStart(2, '0')}`;
}

/** The active span's traceparent: what an append records in its events' metadata. */
export function activeTraceparent(): string | undefined {
  return traceparentOf(trace.getActiveSpan());
}

function parentContext(parent: string | null | undefined): Context {
  if (parent === undefined) return context.active();
  const spanContext = spanContextOf(parent);
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}

export function openSpan(name: string, options: SpanOptions = {}): OpenSpan {
  const links: Link[] = [];
  const seen = new Set<string>(options.parent ? [options.parent] : []);
  for (const link of options.links ?? []) {
    const spanContext = spanContextOf(link);
    if (!spanContext || seen.has(link!) || links.length >= MAX_LINKS) continue;
    seen.add(link!);
    links.push({ context: spanContext });
  }
  const parent = parentContext(options.parent);
  const span = trace.getTracer('sss').startSpan(name, { kind: kinds[options.kind ?? 'internal'], ...(options.attributes ? { attributes: { ...options.attributes } } : {}), links }, parent);
  return {
    traceparent: traceparentOf(span),
    context: trace.setSpan(parent, span),
    setAttribute: (key, value) => void span.setAttribute(key, value),
    end(error) {
      if (error !== undefined) {
        span.recordException(error instanceof Error ? error : new Error(String(error)));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      }
      span.end();
    },
  };
}

/** Runs `work` with `span` active, so the spans it opens (an append) are its children. */
export function runIn<T>(span: OpenSpan, work: () => T): T {
  return context.with(span.context, work);
}

/**
 * Runs `work` as if inside the span a traceparent names (or outside any trace), without a span of
 * its own: a subscriber handing each event to its handler costs nothing per event, and whatever the
 * handler appends (a policy's command) still joins the trace of the event that caused it.
 */
export function continueTrace<T>(traceparent: string | undefined, work: () => T): T {
  return context.with(parentContext(traceparent ?? null), work);
}

/** Runs `work` inside a new span, ended when it settles (with the error, if it throws). */
export async function withSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
  const span = openSpan(name, options);
  try {
    const result = await runIn(span, work);
    span.end();
    return result;
  } catch (error) {
    span.end(error);
    throw error;
  }
}

/**
 * A batch of events (or messages) handled together: the span continues the first traced one's
 * trace and links the others, so a quiet system shows one trace per command end to end and a busy
 * one still leads from each command to the batch that handled it.
 */
export function batchSpanOptions(traceparents: readonly (string | undefined)[], options: Omit<SpanOptions, 'parent' | 'links'> = {}): SpanOptions {
  const first = traceparents.find((t) => spanContextOf(t) !== undefined);
  return { ...options, parent: first ?? null, links: traceparents };
}
