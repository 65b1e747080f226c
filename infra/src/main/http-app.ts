import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { frameworkErrors, installAuthGate, installProblemHandlers, installValidation } from '@sss/http-kit/server-kit';
import { installJsonBody } from '@sss/http-kit/json-body';
import { installSameOriginCommands } from '@sss/http-kit/same-origin';
import { withProblemResponses } from '@sss/http-kit/openapi-problems';
import { writeApi } from '@sss/write-side/http/write-api';
import { sessionValidity } from '@sss/write-side/auth/session-validity';
import type { OidcSettings } from '@sss/write-side/auth/oidc-client';
import { readApi } from '@sss/read-side/http/read-api';
import type { ReadModels } from '@sss/read-side/projector/runtime';
import type { RunningAuditIndex } from '@sss/read-side/audit/audit-indexer';
import type { Invoicing } from '@sss/write-side/sales/invoicing';
import { installSecurityHeaders } from './security-headers.ts';
import { auditRoutes } from '@sss/write-side/ledger/audit-routes';
import type { LedgerAudit } from '@sss/write-side/ledger/ledger-audit';

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
  readonly clock?: () => Date;
  /** Where sessions are checked against their user's stream (defaults to `events`; the read service passes its store). */
  readonly sessionEvents?: EventStore;
  /** OpenID Connect sign-in (Settings.oidc). */
  readonly oidc?: OidcSettings | undefined;
  /** Qualified-invoice issuer and tax rounding (Settings.invoicing). */
  readonly invoicing?: Invoicing;
  /** The 監査 ledger API (signed checkpoints, whole-store verification); where the signer runs. */
  readonly ledger?: LedgerAudit;
  /** The correlation key's part id on the tenant's forms (Settings.collaboflow.formMapping). */
  readonly collaboflowKeyPartId?: string;
  /** The 監査 event index, served beside the read models (docs/audit.md). */
  readonly audit?: RunningAuditIndex;
}

/** The built app, by our name: the demo seeders and the composition roots drive it without naming fastify. */
export type HttpApp = FastifyInstance;

export async function buildHttpApp(parts: AppParts): Promise<HttpApp> {
  const app = Fastify({ logger: parts.logLevel === 'silent' ? false : { level: parts.logLevel ?? 'info' }, bodyLimit: 2 * 1024 * 1024, frameworkErrors });
  await installSecurityHeaders(app, { secureCookies: parts.secureCookies ?? false });
  await app.register(cookie, { secret: parts.sessionSecret });
  installValidation(app);
  installJsonBody(app);
  installSameOriginCommands(app);
  const hasUi = !!parts.uiDir && existsSync(parts.uiDir);
  // The UI routes on the client: a page path that is neither an API nor a file gets index.html.
  installProblemHandlers(app, hasUi ? { pageFallback: (_request, reply) => reply.sendFile('index.html') } : {});
  const sessionEvents = parts.sessionEvents ?? parts.events;
  const gate = installAuthGate(app, sessionEvents ? { sessionStillValid: sessionValidity(sessionEvents) } : {});
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
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const projections = parts.readModels ? await parts.readModels.status() : [];
    const ready = projections.every((p) => p.caughtUp);
    const body = { status: ready ? 'ready' : 'catching_up', projections: projections.map((p) => ({ ...p, lag: (BigInt(p.head) - BigInt(p.position)).toString() })) };
    return reply.code(ready ? 200 : 503).send(body);
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (parts.events) await app.register(writeApi, { events: parts.events, secureCookies: parts.secureCookies ?? false, ...(parts.oidc ? { oidc: parts.oidc } : {}), ...(parts.clock ? { clock: parts.clock } : {}), ...(parts.invoicing ? { invoicing: parts.invoicing } : {}), ...(parts.collaboflowKeyPartId ? { collaboflowKeyPartId: parts.collaboflowKeyPartId } : {}) });
  if (parts.ledger) await app.register(auditRoutes, { ledger: parts.ledger });
  if (parts.readModels) await app.register(readApi, { readModels: parts.readModels, ...(parts.clock ? { clock: parts.clock } : {}), ...(parts.invoicing ? { issuerName: parts.invoicing.issuer.name } : {}), ...(parts.audit ? { audit: parts.audit } : {}) });

  // wildcard: files are looked up per request, so a rebuilt UI is served without a restart.
  if (hasUi) await app.register(fastifyStatic, { root: parts.uiDir!, wildcard: true });

  await app.ready();
  if (gate.unlisted.length) throw new Error(`Routes missing from the authorization table (contracts/src/http/authorization.ts): ${gate.unlisted.join(', ')}`);
  return app;
}
