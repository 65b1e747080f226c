import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { authRoutes } from '../auth/routes.ts';
import { oidcRoutes } from '../auth/oidc-routes.ts';
import type { OidcSettings } from '../auth/oidc-client.ts';
import { companyRoutes } from '../company/routes.ts';
import { organizationRoutes } from '../organization/routes.ts';
import { userRoutes } from '../user/routes.ts';
import { partnerRoutes } from '../partner/routes.ts';
import { projectRoutes } from '../project/routes.ts';
import { salesRoutes } from '../sales/routes.ts';
import type { Invoicing } from '../sales/invoicing.ts';
import { collaboflowWebhookRoutes } from '../ringi/webhook-route.ts';
import { ringiRetryRoutes } from '../ringi/retry-route.ts';
import { historyRoutes } from '../history/routes.ts';
import { financeRoutes } from '../finance/routes.ts';
import { periodRoutes } from '../finance/period-routes.ts';
import { parseCollaboflowWebhook } from '../ringi/collaboflow-client.ts';

/** Every write-side route, as one fastify plugin; the composition root decides where it runs. */
export interface WriteApiDeps {
  readonly events: EventStore;
  readonly clock?: () => Date;
  readonly secureCookies?: boolean;
  /** OpenID Connect sign-in; unset: passwords only. */
  readonly oidc?: OidcSettings;
  /** Issuer and tax rounding of qualified invoices (unset: invoices cannot be issued). */
  readonly invoicing?: Invoicing;
  /** The form part carrying SSS's correlation key (the tenant's form mapping; default `fidSssKey`). */
  readonly collaboflowKeyPartId?: string;
}

export async function writeApi(app: FastifyInstance, deps: WriteApiDeps): Promise<void> {
  const clock = deps.clock ?? (() => new Date());
  await app.register(authRoutes, { events: deps.events, clock, secureCookies: deps.secureCookies ?? false });
  await app.register(oidcRoutes, { events: deps.events, clock, secureCookies: deps.secureCookies ?? false, oidc: deps.oidc });
  await app.register(companyRoutes, { events: deps.events, clock });
  await app.register(organizationRoutes, { events: deps.events });
  await app.register(userRoutes, { events: deps.events });
  await app.register(partnerRoutes, { events: deps.events, clock });
  await app.register(projectRoutes, { events: deps.events, clock });
  await app.register(salesRoutes, { events: deps.events, clock, issuer: deps.invoicing?.issuer ?? null, roundingMode: deps.invoicing?.roundingMode ?? 'floor' });
  // Public, but it only records a hint in the 稟議's inbox: the process manager confirms with CollaboFlow.
  await app.register(collaboflowWebhookRoutes, { events: deps.events, clock, parse: (body: unknown) => parseCollaboflowWebhook(body, deps.collaboflowKeyPartId) });
  await app.register(ringiRetryRoutes, { events: deps.events, clock });
  await app.register(historyRoutes, { events: deps.events });
  await app.register(financeRoutes, { events: deps.events, clock });
  await app.register(periodRoutes, { events: deps.events });
}
