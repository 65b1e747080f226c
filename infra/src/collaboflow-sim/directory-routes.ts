import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SimError } from './errors.ts';
import type { SimForm, SimPart, SimUser, Tenant } from './model.ts';
import { paged } from './views.ts';

/**
 * Read-only directory endpoints: users, groups, forms and their parts. The product guards them with
 * admin / settings permission; here the auditor (システム管理者) has it. They let a deployment check
 * that the part ids SSS is configured with exist on the tenant's forms.
 */

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined> }>;

export interface DirectoryDeps {
  readonly caller: (request: FastifyRequest) => { readonly tenant: Tenant; readonly user: SimUser };
}

const requireAdmin = (user: SimUser) => {
  if (!user.auditor) throw new SimError(403, 'この操作を行う権限がありません。');
};

const page = <T>(all: readonly T[], query: Record<string, string | undefined>, defaultLimit = 10) => {
  const p = paged(all, query, defaultLimit);
  if (!p) throw new SimError(400, 'offset または limit が不正です。');
  return p;
};

const partDefinition = (p: SimPart, order: number) => ({ name: p.name, type: p.type, required: p.required, hint: '', comment: '', default: '', order, display: true });

function formParts(form: SimForm) {
  const parts: Record<string, unknown> = {};
  form.parts.forEach((p, i) => (parts[p.id] = partDefinition(p, i + 1)));
  const tables = Object.entries(form.tables).map(([title, rowParts], i) => ({
    title,
    order: form.parts.length + i + 1,
    parts: Object.fromEntries(rowParts.map((p, j) => [p.id, partDefinition(p, j + 1)])),
  }));
  return { parts, tables };
}

export function registerDirectoryRoutes(api: FastifyInstance, deps: DirectoryDeps): void {
  api.get('/users', async (request: Req) => {
    const { tenant, user } = deps.caller(request);
    requireAdmin(user);
    const p = page([...tenant.users.values()], request.query);
    const records = p.records.map((u) => ({ id: u.id, loginid: u.loginid, name: u.name, email: u.email, groups: [tenant.groups.get(u.groupCode)].filter(Boolean), title: u.titleName }));
    return { error: false, messages: [], ...p, records };
  });

  api.get('/groups', async (request: Req) => {
    const { tenant, user } = deps.caller(request);
    requireAdmin(user);
    const p = page([...tenant.groups.values()], request.query);
    return { error: false, messages: [], ...p };
  });

  api.get('/forms', async (request: Req) => {
    const { tenant, user } = deps.caller(request);
    requireAdmin(user);
    const forms = [...tenant.routes.values()].map((r) => r.form);
    const p = page(forms, request.query);
    return { error: false, messages: [], ...p, records: p.records.map((f) => ({ id: f.id, name: f.name, version: f.version, type: 'normal' })) };
  });

  api.get('/forms/:formId/versions/:version/parts', async (request: Req) => {
    const { tenant, user } = deps.caller(request);
    requireAdmin(user);
    const form = [...tenant.routes.values()].map((r) => r.form).find((f) => f.id === Number(request.params.formId));
    const version = request.params.version;
    if (!form || (version !== 'latest' && Number(version) !== form.version)) throw new SimError(404, 'フォームが見つかりませんでした。');
    return { error: false, messages: [], form_id: form.id, form_version: form.version, ...formParts(form) };
  });
}
