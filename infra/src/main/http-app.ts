import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { frameworkErrors, installAuthGate, installProblemHandlers, installRequestLog, installValidation, loggerOptions, createLogger, type RequestObservation, type SssLogger } from '@sss/http-kit/server-kit';
import { installJsonBody } from '@sss/http-kit/json-body';
import { installRequestSpans } from '@sss/http-kit/request-spans';
import { installSameOriginCommands } from '@sss/http-kit/same-origin';
import { withProblemResponses } from '@sss/http-kit/openapi-problems';
import { writeApi } from '@sss/write-side/http/write-api';
import { startSessionRegistry } from '@sss/write-side/auth/session-registry';
import { slideSession } from '@sss/write-side/auth/session-cookie';
import type { OidcSettings } from '@sss/write-side/auth/oidc-client';
import { readApi } from '@sss/read-side/http/read-api';
import type { ReadModels } from '@sss/read-side/projector/runtime';
import type { RunningAuditIndex } from '@sss/read-side/audit/audit-indexer';
import type { Invoicing } from '@sss/write-side/sales/invoicing';
import { installSecurityHeaders } from './security-headers.ts';
import { auditRoutes } from '@sss/write-side/ledger/audit-routes';
import type { LedgerAudit } from '@sss/write-side/ledger/ledger-audit';
import { setupCheckRoutes, type UserForCheck } from '@sss/write-side/ringi/setup-check-route';
import type { SetupReport } from '@sss/write-side/ringi/setup-check';
import { USERS } from '@sss/read-side/user/projection';
import { opsRoutes } from './ops-routes.ts';
import type { RunningSubscriberRegistry } from '../subscribers/registry.ts';
import type { ParkingLots } from '@sss/write-side/ops/parking-lot';
import type { Metrics } from '../observability/prometheus.ts';

/**
 * One HTTP surface for SSS: the write-side commands and the read-side queries behind the same
 * validation, problem details and authorization gate. The embedded default serves both (and the
 * UI) from one process; the real stack runs each side as its own process with the same pieces.
 */
export interface AppParts {
  readonly events?: EventStore;
  readonly readModels?: ReadModels;
  readonly sessionSecret: string;
  readonly secureCookies?: boolean;
  readonly uiDir?: string;
  readonly logLevel?: string;
  /** Where the JSON log lines go (stdout by default; tests read them). */
  readonly logStream?: { write(line: string): void };
  /** The process's logger, shared with its subscribers (instead of logLevel and logStream). */
  readonly logger?: SssLogger;
  readonly clock?: () => Date;
  /** Where sessions are checked against their user's streams (defaults to `events`; the read service passes its store). */
  readonly sessionEvents?: EventStore;
  /** Minutes of inactivity after which a session is refused (Settings.sessionIdleMinutes; default 30). */
  readonly sessionIdleMinutes?: number;
  /** OpenID Connect sign-in (Settings.oidc). */
  readonly oidc?: OidcSettings | undefined;
  /** Qualified-invoice issuer and tax rounding (Settings.invoicing). */
  readonly invoicing?: Invoicing;
  /** The 監査 ledger API (signed checkpoints, whole-store verification); where the signer runs. */
  readonly ledger?: LedgerAudit;
  /** The correlation key's part id on the tenant's forms (Settings.collaboflow.formMapping). */
  readonly collaboflowKeyPartId?: string;
  /**
   * The CollaboFlow setup check (the 稟議 gate's report) for the admin screen; served where the
   * read models are too (it lists users without a CollaboFlow login).
   */
  readonly collaboflowCheck?: (force: boolean) => Promise<SetupReport | null>;
  /** Where the check finds the users read model: the read models here, or a shared MongoDB in the write service. */
  readonly collaboflowUsers?: ReadStore | undefined;
  /** This process's subscribers, for /readyz and the console. */
  readonly subscribers?: RunningSubscriberRegistry;
  /** Where the write-side subscribers of this process park poison events (the console lists, retries and skips them). */
  readonly parking?: ParkingLots;
  readonly metrics?: Metrics;
  /** METRICS_TOKEN (Settings.metricsToken). */
  readonly metricsToken?: string | undefined;
  /** READY_MAX_LAG_SECONDS (Settings.readyMaxLagSeconds); default 60. */
  readonly readyMaxLagSeconds?: number;
  /** The 監査 event index, served beside the read models (docs/audit.md). */
  readonly audit?: RunningAuditIndex;
  /** What `/api/openapi.json` serves, from this app's own document (the write service adds the read side's: api-document.ts). */
  readonly apiDocument?: (own: Record<string, unknown>) => Record<string, unknown>;
}

/** The built app, by our name: the demo seeders and the composition roots drive it without naming fastify. */
export type HttpApp = FastifyInstance;

export async function buildHttpApp(parts: AppParts): Promise<HttpApp> {
  const app = Fastify({ ...loggerOptions(parts.logger ?? createLogger(parts.logLevel ?? 'info', parts.logStream)), bodyLimit: 2 * 1024 * 1024, frameworkErrors });
  installRequestSpans(app);
  installRequestLog(app, parts.metrics ? observeRequest(parts.metrics) : undefined);
  await installSecurityHeaders(app, { secureCookies: parts.secureCookies ?? false });
  await app.register(cookie, { secret: parts.sessionSecret });
  installValidation(app);
  installJsonBody(app);
  installSameOriginCommands(app);
  const hasUi = !!parts.uiDir && existsSync(parts.uiDir);
  // The UI routes on the client: a page path that is neither an API nor a file gets index.html.
  installProblemHandlers(app, hasUi ? { pageFallback: (_request, reply) => reply.sendFile('index.html') } : {});
  const sessionEvents = parts.sessionEvents ?? parts.events;
  const now = () => (parts.clock ? parts.clock() : new Date()).getTime();
  const secureCookies = parts.secureCookies ?? false;
  // docs/architecture.md §Sessions: checked from memory, kept current by a subscription to the store.
  const sessions = sessionEvents ? await startSessionRegistry(sessionEvents, { idleMinutes: parts.sessionIdleMinutes ?? 30, log: (message, error) => app.log.error({ err: error }, message) }) : null;
  if (sessions) app.addHook('onClose', async () => sessions.stop());
  const gate = installAuthGate(app, sessions ? {
    sessionStillValid: (claims) => sessions.stillValid(claims, now()),
    sessionUsed: (claims, reply) => slideSession(reply, claims, { now: now(), secure: secureCookies }),
  } : {});
  // The write API's own appends to user streams refresh the session cache before the command answers.
  const events = parts.events && sessions ? sessions.watching(parts.events) : parts.events;
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'SSS 営業支援システム API', version: '0.1.0', description: 'Commands answer { id, revision, position }; queries accept X-SSS-Min-Position for read-your-writes. Errors are RFC 9457 problem details.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sss_session' } } },
      security: [{ session: [] }],
    },
    transformObject: (documents) => withProblemResponses('openapiObject' in documents ? documents.openapiObject : documents.swaggerObject),
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  await app.register(opsRoutes, { readModels: parts.readModels, subscribers: parts.subscribers, parking: parts.parking, metrics: parts.metrics, metricsToken: parts.metricsToken, readyMaxLagSeconds: parts.readyMaxLagSeconds ?? 60, sessionStillValid: sessions ? (claims) => sessions.stillValid(claims, now()) : undefined, events: sessionEvents });
  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => (parts.apiDocument ? (document ??= parts.apiDocument(app.swagger() as unknown as Record<string, unknown>)) : app.swagger()));

  if (events) await app.register(writeApi, { events, secureCookies, ...(parts.oidc ? { oidc: parts.oidc } : {}), ...(parts.clock ? { clock: parts.clock } : {}), ...(parts.invoicing ? { invoicing: parts.invoicing } : {}), ...(parts.collaboflowKeyPartId ? { collaboflowKeyPartId: parts.collaboflowKeyPartId } : {}) });
  if (parts.ledger) await app.register(auditRoutes, { ledger: parts.ledger });
  const usersStore = parts.collaboflowUsers ?? parts.readModels?.store;
  if (parts.collaboflowCheck && usersStore) {
    const store = usersStore;
    await app.register(setupCheckRoutes, { report: parts.collaboflowCheck, users: async () => (await store.find(USERS, { active: true })) as unknown as UserForCheck[], clock: parts.clock ?? (() => new Date()) });
  }
  if (parts.readModels) await app.register(readApi, { readModels: parts.readModels, ...(parts.clock ? { clock: parts.clock } : {}), ...(parts.invoicing ? { issuerName: parts.invoicing.issuer.name } : {}), ...(parts.audit ? { audit: parts.audit } : {}) });

  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  if (hasUi) await app.register(fastifyStatic, { root: parts.uiDir!, wildcard: true });

  await app.ready();
  if (gate.unlisted.length) throw new Error(`Routes missing from the authorization table (contracts/src/http/authorization.ts): ${gate.unlisted.join(', ')}`);
  return app;
}

/** HTTP durations for every request; a command (any API call that is not a GET) also by outcome. */
function observeRequest(metrics: Metrics) {
  return ({ method, route, status, seconds, problemCode }: RequestObservation) => {
    metrics.httpRequest(method, route, status, seconds);
    if (method === 'GET' || method === 'HEAD' || !route.startsWith('/api/')) return;
    metrics.command(`${method} ${route}`, status < 400 ? 'accepted' : problemCode === 'revision_conflict' || status === 409 ? 'conflict' : status < 500 ? 'rejected' : 'failed');
  };
}
