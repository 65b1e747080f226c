import { randomUUID } from 'node:crypto';
import AjvModule from 'ajv';
import { pino, type Logger } from 'pino';
import type {} from '@fastify/cookie';
import { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { RevisionConflictError } from '@sss/contracts/ports/event-store';
import { accessOf, mayCall } from '@sss/contracts/http/authorization';
import { HEADERS, SESSION_COOKIE, type SessionClaims } from '@sss/contracts/http/auth';
import { DomainError, PROBLEM_CONTENT_TYPE, problemOf, type ErrorCode, type ProblemDetails } from '@sss/contracts/http/problem';
import { fieldErrors, type SchemaIssue } from '@sss/contracts/http/validation-messages';
import { checkText, type TextKind } from '@sss/contracts/domain/text-policy';
import { isCalendarDate } from '@sss/contracts/domain/dates';
import { TEXT_KEYWORD, withTextPolicy } from '@sss/contracts/http/text-keyword';
import { traceparentOf } from './request-spans.ts';

/**
 * The server half of the HTTP protocol both sides speak: how requests are validated, how every
 * failure becomes an RFC 9457 problem in Japanese, and how the one authorization table is enforced.
 * Both the write-side and the read-side APIs install exactly this, so they behave as one API.
 */

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionClaims | null;
  }
  interface FastifyContextConfig {
    /**
     * Called by another system, never by a browser with our session (the CollaboFlow webhook): its
     * body is that system's shape, read and checked by the route itself, so the browser-facing rules
     * (JSON-only same-origin commands, no body without a schema) do not apply to it.
     */
    externalCaller?: boolean;
  }
}

/**
 * Bodies are validated strictly (a string where a number belongs is an error, unknown fields are
 * refused); query strings and params are coerced, since everything arrives there as text.
 */
export function installValidation(app: FastifyInstance): void {
  const options = { allErrors: true, verbose: true, strict: false, useDefaults: true, removeAdditional: false } as const;
  // ajv is CommonJS: its class is `module.exports.default` for TypeScript and at run time alike.
  const Ajv = AjvModule.default;
  const strict = new Ajv({ ...options, coerceTypes: false });
  const coercing = new Ajv({ ...options, coerceTypes: 'array' });
  for (const ajv of [strict, coercing]) {
    ajv.addKeyword({ keyword: TEXT_KEYWORD, type: 'string', modifying: true, errors: true, validate: textPolicy });
    ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  }
  // Every string of every request gets the text policy, declared or not: a new field is safe without thought.
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(withTextPolicy(schema)));
}

interface TextPolicyValidate {
  (kind: TextKind, data: string, parentSchema?: Record<string, unknown>, context?: { parentData: Record<string | number, unknown>; parentDataProperty: string | number }): boolean;
  errors?: Array<{ keyword: string; message: string; params: Record<string, unknown>; parentSchema?: Record<string, unknown> }>;
}

/** Ajv keyword: refuses what the policy refuses, and stores the NFC form it returns. */
const textPolicy: TextPolicyValidate = (kind, data, parentSchema, context) => {
  const verdict = checkText(data, kind);
  if (!verdict.ok) {
    // Ajv's verbose mode does not add the schema to a custom keyword's errors: the message needs its title.
    textPolicy.errors = [{ keyword: TEXT_KEYWORD, message: verdict.reason, params: { reason: verdict.reason }, parentSchema }];
    return false;
  }
  if (verdict.value !== data && context) context.parentData[context.parentDataProperty] = verdict.value;
  return true;
};

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export function problemFor(error: unknown, instance?: string): ProblemDetails {
  if (error instanceof DomainError) {
    // Extensions are facts for the client; problemOf keeps type, title and status from the catalogue.
    return problemOf(error.code, error.message, { ...error.extensions, ...(error.errors.length ? { errors: error.errors } : {}), ...(instance ? { instance } : {}) });
  }
  if (error instanceof RevisionConflictError) {
    return problemOf('revision_conflict', '他の人がこのデータを先に更新しました。最新の内容を確認してから、もう一度操作してください。', {
      currentRevision: error.actual === 'no_stream' ? null : error.actual.toString(),
      ...(instance ? { instance } : {}),
    });
  }
  const fastifyError = error as Omit<FastifyError, 'validation'> & { validation?: Array<SchemaIssue & { parentSchema?: SchemaIssue['schema'] }> };
  if (fastifyError.validation) {
    const issues = fastifyError.validation.map((v) => ({ ...v, schema: v.parentSchema }));
    const errors = fieldErrors(issues).map((e) => ({ ...e, field: fastifyError.validationContext === 'body' ? e.field : `${fastifyError.validationContext ?? ''}.${e.field}`.replace(/^\./, '') }));
    return problemOf('validation_failed', errors.map((e) => e.message).join(' '), { errors, ...(instance ? { instance } : {}) });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const byStatus: Record<number, ErrorCode> = { 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'too_many_attempts' };
    const code = byStatus[fastifyError.statusCode] ?? 'validation_failed';
    return { ...problemOf(code, requestErrorMessage(fastifyError)), status: fastifyError.statusCode };
  }
  return problemOf('internal', 'システムエラーが発生しました。時間をおいて再度お試しください。解決しない場合は管理者に連絡してください。');
}

function requestErrorMessage(error: Pick<FastifyError, 'code' | 'message'>): string {
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Content-Type は application/json で送ってください。';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return '送信内容が大きすぎます。添付や入力を減らしてください。';
  if (error.code?.startsWith('FST_ERR_CTP')) return 'リクエストの本文を JSON として読み取れません。';
  return error.message;
}

/**
 * For Fastify's `frameworkErrors` option: a malformed URL or header is answered before routing, and
 * without this its answer is not a problem document.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = error.code === 'FST_ERR_BAD_URL' ? problemOf('not_found', 'URL の形式が正しくありません。') : problemFor(error);
  return sendProblem(reply, { ...problem, instance: request.url });
}

/** Codes of answered problems, for the request log's level; weak, so a finished request leaves nothing behind. */
const problemCodes = new WeakMap<FastifyRequest, ErrorCode>();
/** 5xx answers that are part of the protocol, not faults: logged at info, never with a stack. */
const EXPECTED_5XX: ReadonlySet<ErrorCode> = new Set(['read_model_lagging']);

export interface ProblemHandlerOptions {
  /** Answers unmatched requests that are not API calls (e.g. the UI's client-side routes). */
  readonly pageFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;
}

export function installProblemHandlers(app: FastifyInstance, options: ProblemHandlerOptions = {}): void {
  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error, request.url);
    problemCodes.set(request, problem.code);
    // Only the unexpected gets a stack: a lagging read model is a normal answer, logged with the request.
    if (problem.status >= 500 && !EXPECTED_5XX.has(problem.code)) request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.pageFallback && request.method === 'GET' && !request.url.startsWith('/api/')) return options.pageFallback(request, reply);
    return sendProblem(reply, problemOf('not_found', `${request.method} ${request.url} はありません。`));
  });
}

export interface AuthGateOptions {
  /** Reads the session from a request (signed cookie by default). */
  readonly readSession?: (request: FastifyRequest) => SessionClaims | null;
  /** Whether a well-signed, unexpired session still speaks for its user (not ended, not idle, user active). */
  readonly sessionStillValid?: (claims: SessionClaims) => Promise<boolean>;
  /** Called once a session passed the gate, e.g. to slide its idle expiry on the reply. */
  readonly sessionUsed?: (claims: SessionClaims, reply: FastifyReply) => void;
}

/** Reads the signed session cookie set at login (requires @fastify/cookie with a secret). */
export function sessionFromCookie(request: FastifyRequest): SessionClaims | null {
  const raw = request.cookies?.[SESSION_COOKIE];
  if (!raw) return null;
  const claims = verifiedCookies(request.server).get(raw) ?? verifyCookie(request, raw);
  return claims && claims.exp > Date.now() ? claims : null;
}

/**
 * Cookies this app already verified, by their exact signed text: the HMAC and the JSON parse were a
 * twentieth of a list request, and the same text always verifies the same way under the app's
 * secret (per app, so two apps with different secrets never share an answer). Expiry is checked per
 * request; the session cache decides the rest. Bounded: emptied when full; only good ones are kept.
 */
const verified = new WeakMap<FastifyInstance, Map<string, SessionClaims>>();
const VERIFIED_MAX = 10_000;
function verifiedCookies(app: FastifyInstance): Map<string, SessionClaims> {
  let known = verified.get(app);
  if (!known) verified.set(app, (known = new Map()));
  return known;
}
function verifyCookie(request: FastifyRequest, raw: string): SessionClaims | null {
  const unsigned = request.unsignCookie(raw);
  let claims: SessionClaims | null = null;
  if (unsigned.valid && unsigned.value) {
    try {
      // Frozen: one verified object answers every request that carries the cookie.
      claims = Object.freeze(JSON.parse(unsigned.value) as SessionClaims);
    } catch {
      claims = null;
    }
  }
  if (claims) {
    const known = verifiedCookies(request.server);
    if (known.size >= VERIFIED_MAX) known.clear();
    known.set(raw, claims);
  }
  return claims;
}

/**
 * Every route must appear in the authorization table, or the gate refuses it (fail closed) —
 * and startup reports routes the table misses, so a new route cannot ship unprotected unnoticed.
 */
export function installAuthGate(app: FastifyInstance, options: AuthGateOptions = {}): { unlisted: string[] } {
  const readSession = options.readSession ?? sessionFromCookie;
  const unlisted: string[] = [];
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || route.url.startsWith('/documentation') || !route.url.startsWith('/api') && !['/healthz', '/readyz'].includes(route.url)) continue;
      if (!accessOf(method, route.url)) unlisted.push(`${method} ${route.url}`);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (!url || !(url.startsWith('/api') || url === '/healthz' || url === '/readyz')) return;
    const access = accessOf(request.method === 'HEAD' ? 'GET' : request.method, url);
    request.session = readSession(request);
    if (access === 'public') return;
    if (request.session && options.sessionStillValid && !(await options.sessionStillValid(request.session))) request.session = null;
    if (!request.session) return sendProblem(reply, problemOf('unauthenticated', 'ログインしてください。'));
    if (!access || !mayCall(access, request.session.roles)) {
      return sendProblem(reply, problemOf('forbidden', 'この操作を行う権限がありません。必要な場合は管理者に権限を依頼してください。'));
    }
    options.sessionUsed?.(request.session, reply);
  });
  return { unlisted };
}

/** The session of a request that passed the gate (routes that are not public). */
export function sessionOf(request: FastifyRequest): SessionClaims {
  if (!request.session) throw new DomainError('unauthenticated', 'ログインしてください。');
  return request.session;
}

/**
 * Fastify's logger options: pino JSON lines whose request id is the correlation id (the caller's
 * `X-Correlation-Id` when it sent a sane one, so a chain of work greps as one), and nothing secret:
 * cookies, authorization headers and every password-like field are censored wherever they appear.
 */
export function loggerOptions(logger: SssLogger) {
  return {
    // Fastify's own logger type, so the app keeps its default generics.
    loggerInstance: logger as FastifyBaseLogger,
    // installRequestLog writes one line per request, with its route, actor and level by outcome.
    logController: new LogController({ requestIdLogLabel: 'correlationId', disableRequestLogging: true }),
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const sent = request.headers[HEADERS.correlationId];
      return typeof sent === 'string' && /^[\w.:-]{1,100}$/.test(sent) ? sent : randomUUID();
    },
  } as const;
}

/**
 * The process's one pino logger: the HTTP app's request lines and the subscribers' lines alike are
 * JSON with the same redaction.
 */
export type SssLogger = Logger;

export function createLogger(level: string, stream?: { write(line: string): void }): SssLogger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return stream ? pino(options, stream) : pino(options);
}

const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'secret', 'token', 'apiKey', 'clientSecret'];
const REDACTED_PATHS = [
  'req.headers.cookie', 'req.headers.authorization', 'req.headers["x-collaboflow-authorization"]', 'res.headers["set-cookie"]',
  'headers.cookie', 'headers.authorization', 'cookie', 'authorization',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** The request's trace id, so a log line leads to its trace (nothing when tracing is off). */
function traceIdOf(request: FastifyRequest): { traceId?: string } {
  const traceparent = traceparentOf(request);
  return traceparent ? { traceId: traceparent.slice(3, 35) } : {};
}

/** What a finished request tells the metrics. */
export interface RequestObservation {
  readonly method: string;
  /** The route pattern (`/api/companies/:id`), or `unmatched`: never the raw URL, which would make unbounded series. */
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
  readonly problemCode: ErrorCode | null;
}

/**
 * One log line per finished request — route, status, actor, duration, and the log position a command
 * reached — at a level by outcome: 5xx error, an expected 503 and 4xx info; and one observation for
 * the metrics. Nothing of the body is logged.
 */
export function installRequestLog(app: FastifyInstance, observe?: (observation: RequestObservation) => void): void {
  const positions = new WeakMap<FastifyRequest, string>();
  app.addHook('onSend', async (request, _reply, payload) => {
    if (request.method !== 'GET' && typeof payload === 'string' && payload.includes('"position"')) {
      const position = /"position":"(\d+)"/.exec(payload)?.[1];
      if (position) positions.set(request, position);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const problemCode = problemCodes.get(request) ?? null;
    const route = request.routeOptions.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    observe?.({ method: request.method, route, status, seconds, problemCode });
    const line = { route, method: request.method, status, ms: Math.round(reply.elapsedTime * 10) / 10, actor: request.session?.sub ?? null, ...(problemCode ? { problem: problemCode } : {}), ...(positions.has(request) ? { position: positions.get(request) } : {}), ...traceIdOf(request) };
    // An expected 503 is the protocol working (the client retries), not something for an operator: info, like a 4xx.
    if (status >= 500 && !(problemCode && EXPECTED_5XX.has(problemCode))) request.log.error(line, 'request completed');
    else request.log.info(line, 'request completed');
  });
}
