import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin-routes.ts';
import { registerApiRoutes } from './api-routes.ts';
import { registerApproverPage } from './approver-page.ts';
import { systemClock, type Clock } from './clock.ts';
import { errorBody, MSG, SimError } from './errors.ts';
import { loadStateFile, saveStateFile } from './persistence.ts';
import { SimulatorState } from './state.ts';
import type { TenantShape } from './tenant-shape.ts';

export interface CollaboflowSimulatorOptions {
  /** The instance created at start (more can be added through `POST /_sim/tenants`). Default `sss`. */
  readonly instance?: string;
  /** API key of that instance; random when absent. */
  readonly apiKey?: string;
  /** Route id → webhook URLs for the first instance. */
  readonly webhooks?: Readonly<Record<number, readonly string[]>>;
  readonly clock?: Clock;
  readonly logger?: boolean;
  /** JSON file that keeps documents and files across restarts; memory only when absent. */
  readonly stateFile?: string;
  /** How the first instance's forms and routes differ from the seed (part ids, app_cd, long routes). */
  readonly shape?: TenantShape;
}

export type CollaboflowSimulator = FastifyInstance & { readonly simulator: SimulatorState };

/** Node's fetch sends JSON parse failures nowhere useful; the product answers them with 500 (docs/architecture.md §Transport and errors). */
const PARSE_ERRORS = new Set(['FST_ERR_CTP_INVALID_JSON_BODY', 'FST_ERR_CTP_EMPTY_JSON_BODY']);

export function createCollaboflowSimulator(options: CollaboflowSimulatorOptions = {}): CollaboflowSimulator {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 35 * 1024 * 1024 });
  const state = new SimulatorState(options.clock ?? systemClock);
  const instance = options.instance ?? 'sss';
  if (options.stateFile) loadStateFile(state, options.stateFile);
  const first = state.tenants.get(instance) ?? state.addTenant(instance, options.apiKey, options.shape);
  if (options.apiKey) first.tenant.apiKey = options.apiKey;
  for (const [routeId, urls] of Object.entries(options.webhooks ?? {})) {
    const route = first.tenant.routes.get(Number(routeId));
    if (!route) throw new Error(`no seeded route ${routeId}`);
    route.webhooks = [...urls];
  }

  app.register(multipart);
  app.register(formbody);

  app.setErrorHandler((err: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (err instanceof SimError) return reply.code(err.status).send(errorBody(err.messages));
    if (err.code && PARSE_ERRORS.has(err.code)) return reply.code(500).send(errorBody(['JSONの解析に失敗しました。']));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return reply.code(err.statusCode).send(errorBody([err.message]));
    request.log.error(err);
    return reply.code(500).send(errorBody(['システムエラーが発生しました。']));
  });

  app.setNotFoundHandler((request, reply) => {
    // Under the API root the product answers any unknown path with 400 "Unkown API".
    if (/^\/[^/]+\/api\/index\.cfm(\/|$|\?)/.test(request.url)) return reply.code(400).send(errorBody([MSG.unknownApi]));
    return reply.code(404).send(errorBody(['Not Found']));
  });

  if (options.stateFile) persistAfterChanges(app, state, options.stateFile);

  registerApiRoutes(app, state);
  registerAdminRoutes(app, state, instance);
  registerApproverPage(app, state);
  app.get('/', async (_request, reply) => reply.redirect('/_sim/'));

  return Object.assign(app, { simulator: state });
}

/** Saves shortly after any request that may have changed something, and once more on close. */
function persistAfterChanges(app: FastifyInstance, state: SimulatorState, path: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    try {
      saveStateFile(state, path);
    } catch (err) {
      app.log.error(err, 'could not save the simulator state');
    }
  };
  app.addHook('onResponse', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || timer) return;
    timer = setTimeout(save, 50);
  });
  app.addHook('onClose', async () => {
    if (timer) clearTimeout(timer);
    save();
  });
}
