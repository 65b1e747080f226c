import type { FastifyInstance } from 'fastify';
import { DomainError } from '@sss/contracts/http/problem';

/**
 * The JSON body parser both servers use. It refuses, before anything else sees the body, what would
 * hurt later stages: nesting deeper than any command needs (a 100,000-deep object crashed the hasher),
 * bytes that are not UTF-8 (they would become U+FFFD silently), and `__proto__` keys. An empty body
 * is no body, so bodiless commands can (and must) say `application/json` too.
 */

/** Deeper than any command schema nests (the deepest is 4); bounded before JSON.parse recurses. */
export const MAX_JSON_DEPTH = 16;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) max = depth;
      if (max > MAX_JSON_DEPTH) return max;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const refuse = (message: string) => DomainError.field('validation_failed', '(body)', message);

export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw refuse('リクエストの本文が UTF-8 ではありません。');
  }
  if (depthOf(text) > MAX_JSON_DEPTH) throw refuse(`リクエストの本文の入れ子が深すぎます（${MAX_JSON_DEPTH}段まで）。`);
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__') throw new SyntaxError('__proto__');
      return value;
    });
  } catch {
    throw refuse('リクエストの本文を JSON として読み取れません。');
  }
}

const isEmptyObject = (body: unknown) => typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;

export function installJsonBody(app: FastifyInstance): void {
  // A route without a body schema takes no body: whatever was sent would pass unvalidated.
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.schema?.body || request.routeOptions.config?.externalCaller || request.body === undefined || isEmptyObject(request.body)) return;
    throw refuse('この操作は本文を受け付けません。本文を付けずに送ってください。');
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
