import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { openSpan, runIn, TRACEPARENT, type OpenSpan } from '@sss/contracts/tracing/spans';

/**
 * A server span per API request (docs/architecture.md §Tracing), continuing the caller's W3C
 * `traceparent` header when it sent one. The route handler runs inside it, so the command's appends,
 * and through their events' metadata the projectors, the forwarder and the consumers, join its
 * trace. The handler is wrapped rather than the hook chain because fastify reads the body between the
 * two on the socket's own async context, which would lose the span.
 */
const spans = new WeakMap<FastifyRequest, OpenSpan>();

/** The request's span traceparent, for its log line (undefined when tracing is off). */
export const traceparentOf = (request: FastifyRequest): string | undefined => spans.get(request)?.traceparent;

export function installRequestSpans(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler as (this: unknown, ...args: Parameters<RouteHandlerMethod>) => unknown;
    route.handler = function (this: unknown, request, reply) {
      const span = spans.get(request);
      return span ? runIn(span, () => handler.call(this, request, reply)) : handler.call(this, request, reply);
    } as RouteHandlerMethod;
  });
  app.addHook('onRequest', async (request) => {
    const sent = request.headers[TRACEPARENT];
    const route = request.routeOptions.url ?? 'unmatched';
    spans.set(request, openSpan(`${request.method} ${route}`, { kind: 'server', parent: typeof sent === 'string' ? sent : null, attributes: { 'http.request.method': request.method, 'http.route': route, 'sss.correlation_id': request.id } }));
  });
  app.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (request.session) span.setAttribute('enduser.id', request.session.sub);
    span.end(reply.statusCode >= 500 ? new Error(`HTTP ${reply.statusCode}`) : undefined);
  });
}
