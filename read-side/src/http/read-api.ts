import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger';
import type { ReadModels } from '../projector/runtime.ts';
import { declareAsOf } from './as-of.ts';
import { companyQueries } from '../company/routes.ts';
import { organizationQueries } from '../organization/routes.ts';
import { userQueries } from '../user/routes.ts';
import { partnerQueries } from '../partner/routes.ts';
import { projectQueries } from '../project/routes.ts';
import { salesQueries } from '../sales/routes.ts';
import { ringiQueries } from '../ringi/routes.ts';
import { auditQueries } from '../audit/routes.ts';
import { financeQueries } from '../finance/routes.ts';
import { periodQueries } from '../finance/period-routes.ts';
import type { RunningAuditIndex } from '../audit/audit-indexer.ts';

/** Every read-side route, as one fastify plugin; the composition root decides where it runs. */
export interface ReadApiDeps {
  readonly readModels: ReadModels;
  readonly clock?: () => Date;
  /** 見積書の発行者名 (SSS_ISSUER_NAME). */
  readonly issuerName?: string;
  /** The 監査 event index (docs/audit.md); its routes are served where it runs. */
  readonly audit?: RunningAuditIndex;
}

export async function readApi(app: FastifyInstance, deps: ReadApiDeps): Promise<void> {
  const clock = deps.clock ?? (() => new Date());
  // Before the routes: it declares `asOf` on each of them as they are registered.
  declareAsOf(app, deps.readModels);
  await app.register(companyQueries, { readModels: deps.readModels, clock });
  await app.register(organizationQueries, { readModels: deps.readModels, clock });
  await app.register(userQueries, { readModels: deps.readModels, clock });
  await app.register(partnerQueries, { readModels: deps.readModels, clock });
  await app.register(projectQueries, { readModels: deps.readModels, clock, ...(deps.issuerName ? { issuerName: deps.issuerName } : {}) });
  await app.register(salesQueries, { readModels: deps.readModels, clock });
  await app.register(ringiQueries, { readModels: deps.readModels });
  await app.register(financeQueries, { readModels: deps.readModels, clock });
  await app.register(periodQueries, { readModels: deps.readModels });
  if (deps.audit) await app.register(auditQueries, { audit: deps.audit, readModels: deps.readModels });
}
