import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemOf } from '@sss/contracts/http/problem';
import { sendProblem } from './server-kit.ts';

/**
 * CSRF defence for a cookie session (docs/architecture.md §Edges and sessions). A page on another
 * port of the same host is "same-site", so SameSite cookies do not stop it; what a form or a no-cors
 * fetch cannot do is send `application/json`. So every command (bodiless too) must say JSON, and a
 * browser that tells us the request comes from another origin is refused outright.
 */

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const mediaTypeOf = (request: FastifyRequest) => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

function fromAnotherOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  // Host only: behind a TLS-terminating proxy the scheme we see is not the one the browser used.
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

export function installSameOriginCommands(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!COMMAND_METHODS.has(request.method) || !request.url.startsWith('/api/') || request.routeOptions.config?.externalCaller) return;
    if (fromAnotherOrigin(request)) return sendProblem(reply, problemOf('forbidden', '他のサイトから送られた操作は受け付けません。SSS の画面から操作してください。'));
    if (mediaTypeOf(request) !== 'application/json') return sendProblem(reply, problemOf('unsupported_media_type', 'Content-Type は application/json で送ってください。'));
  });
}
