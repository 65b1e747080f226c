import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { HEADERS } from '@sss/contracts/http/auth';
import { sessionOf } from '@sss/http-kit/server-kit';
import type { CommandContext, CommandResult } from '../kernel/command-handler.ts';
import { withIdempotency } from '../kernel/idempotency.ts';
import type { DomainEvent } from '../kernel/decider.ts';

/**
 * The HTTP shape of every command: who is asking, which revision they saw (If-Match), the
 * Idempotency-Key, and one answer — `{ id, revision, position }` — whose position the client
 * passes to queries for read-your-writes.
 */

export interface CommandAnswer {
  readonly id: string;
  readonly revision: string;
  readonly position: string;
}

export function contextOf(request: FastifyRequest): CommandContext {
  const correlation = request.headers[HEADERS.correlationId];
  return { actor: sessionOf(request).sub, correlationId: typeof correlation === 'string' && correlation.length <= 100 ? correlation : request.id, causationId: null };
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3n; absent → undefined. */
export function expectedRevisionOf(request: FastifyRequest): bigint | undefined {
  const header = request.headers[HEADERS.ifMatch];
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(-?\d+)"?$/.exec(String(header).trim());
  if (!match) throw DomainError.field('validation_failed', 'If-Match', 'If-Match には画面で表示したリビジョン番号を指定してください。');
  return BigInt(match[1]!);
}

export async function answerCommand<E extends DomainEvent>(
  store: EventStore,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string | (() => string),
  run: (context: CommandContext) => Promise<CommandResult<E>>,
  successStatus = 200,
): Promise<FastifyReply> {
  const context = contextOf(request);
  const key = request.headers[HEADERS.idempotencyKey];
  const answer = await withIdempotency(
    store,
    { actor: context.actor, key: typeof key === 'string' ? key : undefined, request: { method: request.method, url: request.url, body: request.body ?? null }, correlationId: context.correlationId },
    async (beforeAppend) => {
      const result = await run(beforeAppend ? { ...context, beforeAppend } : context);
      const body: CommandAnswer = { id: typeof id === 'function' ? id() : id, revision: result.revision.toString(), position: result.position.toString() };
      return { status: successStatus, body };
    },
  );
  const body = answer.body as CommandAnswer;
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(answer.status).header(HEADERS.position, body.position).header('etag', `"${body.revision}"`).send(body);
}
