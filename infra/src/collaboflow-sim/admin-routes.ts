import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SimError } from './errors.ts';
import { parseFaults } from './faults.ts';
import { parseTenantShape } from './tenant-shape.ts';
import type { SimulatorState } from './state.ts';
import { documentSummary, linksFor } from './views.ts';

/**
 * `/_sim/...`: the simulator's own control surface for tests and demos (no such thing exists on
 * the real product). Not authenticated: the simulator is a development tool on a local port.
 */

type Req = FastifyRequest<{ Params: Record<string, string>; Body: unknown }>;

const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function registerAdminRoutes(app: FastifyInstance, state: SimulatorState, defaultInstance: string): void {
  /** A fresh, seeded tenant: lets each test file work on a private world of one running simulator. */
  app.post('/_sim/tenants', async (request: Req, reply) => {
    const body = (request.body ?? {}) as { instance?: unknown; apiKey?: unknown; shape?: unknown };
    const instance = typeof body.instance === 'string' ? body.instance : `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const runtime = state.addTenant(instance, typeof body.apiKey === 'string' ? body.apiKey : undefined, parseTenantShape(body.shape));
    reply.code(201);
    return { instance, apiKey: runtime.tenant.apiKey, apiBase: `${origin(request)}/${instance}/api/index.cfm` };
  });

  app.delete('/_sim/tenants/:instance', async (request: Req) => {
    const instance = request.params.instance ?? '';
    state.runtime(instance);
    state.tenants.delete(instance);
    return { ok: true };
  });

  /** Everything a test may want to assert on, without going through a user's permissions. */
  app.get('/_sim/:instance/state', async (request: Req) => {
    const { tenant, faults } = state.runtime(request.params.instance ?? '');
    const links = linksFor(origin(request), tenant.instance);
    return {
      instance: tenant.instance,
      users: [...tenant.users.values()].map(({ password: _password, ...u }) => u),
      groups: [...tenant.groups.values()],
      routes: [...tenant.routes.values()].map((r) => ({ id: r.id, title: r.title, phases: r.phases, webhooks: r.webhooks, takebackAfterDecision: r.takebackAfterDecision })),
      documents: [...tenant.documents.values()].map((d) => ({ ...documentSummary(tenant, d, links), values: d.values, current_phase: d.currentPhase })),
      faults,
    };
  });

  app.patch('/_sim/:instance/routes/:routeId', async (request: Req) => {
    const { tenant } = state.runtime(request.params.instance ?? '');
    const route = tenant.routes.get(Number(request.params.routeId));
    if (!route) throw new SimError(404, '経路が見つかりません。');
    const body = (request.body ?? {}) as { webhooks?: unknown; takebackAfterDecision?: unknown };
    if (body.webhooks !== undefined) {
      if (!Array.isArray(body.webhooks) || !body.webhooks.every((u) => typeof u === 'string' && /^https?:\/\//.test(u))) {
        throw new SimError(400, 'webhooks は URL の配列で指定してください。');
      }
      route.webhooks = [...body.webhooks] as string[];
    }
    if (body.takebackAfterDecision !== undefined) route.takebackAfterDecision = body.takebackAfterDecision === true;
    return { id: route.id, webhooks: route.webhooks, takebackAfterDecision: route.takebackAfterDecision };
  });

  // Faults live at `/_sim/{instance}/faults`; `/_sim/faults` is the simulator's first instance.
  const faultTenant = (request: Req) => state.runtime(request.params.instance ?? defaultInstance);
  for (const url of ['/_sim/:instance/faults', '/_sim/faults']) {
    /** Replaces the tenant's faults (PUT and POST alike, for convenience from curl). */
    app.route({
      method: ['PUT', 'POST'],
      url,
      handler: async (request: Req) => {
        const runtime = faultTenant(request);
        try {
          runtime.faults = parseFaults(request.body);
        } catch (err) {
          throw new SimError(400, err instanceof Error ? err.message : String(err));
        }
        return runtime.faults;
      },
    });
    app.get(url, async (request: Req) => faultTenant(request).faults);
    app.delete(url, async (request: Req) => {
      const runtime = faultTenant(request);
      runtime.faults = parseFaults({});
      return runtime.faults;
    });
  }

  /** The delivery log, once everything queued so far has been attempted. */
  app.get('/_sim/:instance/webhooks', async (request: Req) => {
    const runtime = state.runtime(request.params.instance ?? '');
    await runtime.webhooks.idle();
    return { deliveries: runtime.webhooks.log };
  });

  /** Sends notifications a reorder fault still holds. */
  app.post('/_sim/:instance/webhooks/release', async (request: Req) => {
    const runtime = state.runtime(request.params.instance ?? '');
    runtime.webhooks.releaseHeld();
    await runtime.webhooks.idle();
    return { deliveries: runtime.webhooks.log };
  });
}
