import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, AUTH_HEADER } from './auth.ts';
import { canRead, pendingJudges, routeOf } from './document-rules.ts';
import { MSG, SimError } from './errors.ts';
import { registerDirectoryRoutes } from './directory-routes.ts';
import { takeHttpFault } from './faults.ts';
import type { SimDocument, SimUser } from './model.ts';
import type { SimulatorState, TenantRuntime } from './state.ts';
import { determRecords, documentContents, documentSummary, draftRecord, linksFor, listRecord, paged } from './views.ts';

/** The REST API under `/{instance}/api/index.cfm/v1`, in the product's paths and field names. */

export const API_PREFIX = '/:instance/api/index.cfm/v1';
const MAX_UPLOAD_BYTES = 30 * 1024 * 1024; // the cloud limit

interface Caller {
  readonly runtime: TenantRuntime;
  readonly user: SimUser;
}

type Req = FastifyRequest<{ Params: Record<string, string>; Querystring: Record<string, string | undefined>; Body: unknown }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** Path after `/v1`, for matching fault rules. */
const apiPath = (request: FastifyRequest) => request.url.replace(/^\/[^/]+\/api\/index\.cfm\/v1/, '').split('?')[0] ?? '';

export function registerApiRoutes(app: FastifyInstance, state: SimulatorState): void {
  const callers = new WeakMap<FastifyRequest, Caller>();
  /** Faults to play after the handler did its work (an answer lost in transit). */
  const lateDelays = new WeakMap<FastifyRequest, number>();

  const caller = (request: FastifyRequest): Caller => {
    const c = callers.get(request);
    if (!c) throw new SimError(401, MSG.unknownUser);
    return c;
  };

  const checkAppCd = (runtime: TenantRuntime, query: Record<string, string | undefined>) => {
    if (query.app_cd === undefined || Number(query.app_cd) !== runtime.tenant.appCd) throw new SimError(400, MSG.badAppCd);
  };

  const findDocument = (c: Caller, idText: string | undefined): SimDocument => {
    const id = Number(idText);
    if (!idText || !/^\d+$/.test(idText) || !Number.isSafeInteger(id)) throw new SimError(400, MSG.badDocumentId);
    const doc = c.runtime.tenant.documents.get(id);
    if (!doc) throw new SimError(404, MSG.documentNotFound, MSG.documentNotFoundCode);
    if (!canRead(routeOf(c.runtime.tenant, doc), doc, c.user)) throw new SimError(403, MSG.noReadPermission);
    return doc;
  };

  app.register(
    async (api) => {
      api.addHook('onRequest', async (request: Req) => {
        const runtime = state.runtime(request.params.instance ?? '');
        const fault = takeHttpFault(runtime.faults, request.method, apiPath(request));
        if (runtime.faults.latencyMs > 0) await sleep(runtime.faults.latencyMs);
        if (fault?.delayMs && fault.when === 'after') lateDelays.set(request, fault.delayMs);
        else if (fault?.delayMs) await sleep(fault.delayMs);
        if (fault?.status) throw new SimError(fault.status, 'シミュレーターが注入した障害です。');
      });
      api.addHook('preHandler', async (request: Req) => {
        const runtime = state.runtime(request.params.instance ?? '');
        callers.set(request, { runtime, user: authenticate(runtime.tenant, request.headers[AUTH_HEADER]) });
      });
      api.addHook('onSend', async (request) => {
        const delay = lateDelays.get(request);
        if (delay) await sleep(delay);
      });

      api.post('/documents', async (request: Req, reply: FastifyReply) => {
        const c = caller(request);
        const doc = state.create(c.runtime, c.user, (request.body ?? {}) as Record<string, unknown>, origin(request));
        const summary = documentSummary(c.runtime.tenant, doc, linksFor(origin(request), c.runtime.tenant.instance));
        reply.code(201).header('location', `${request.url.split('?')[0]}/${doc.id}`);
        return {
          error: false,
          messages: [],
          app_cd: doc.appCd,
          processes_id: doc.processesId,
          document_id: doc.id,
          document_number: doc.number,
          title: doc.title,
          request_username: summary.request_username,
          request_usercd: summary.request_usercd,
          request_groupname: summary.request_groupname,
          request_groupcd: summary.request_groupcd,
          represent_username: summary.represent_username,
          represent_usercd: summary.represent_usercd,
          request_date: doc.requestDate,
          link: summary.link,
        };
      });

      api.get('/documents/:id', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        return documentSummary(c.runtime.tenant, findDocument(c, request.params.id), linksFor(origin(request), c.runtime.tenant.instance));
      });

      api.put('/documents/:id', async (request: Req, reply: FastifyReply) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const doc = findDocument(c, request.params.id);
        const body = (request.body ?? {}) as Record<string, unknown>;
        // The urlencoded form carries `document` as JSON text.
        if (typeof body.document === 'string') {
          try {
            body.document = JSON.parse(body.document);
          } catch {
            throw new SimError(400, 'documentの形式が不正です。');
          }
        }
        state.act(c.runtime, doc, c.user, body, origin(request));
        // 200 with no body: the product documents none, so clients must not expect one.
        return reply.code(200).send();
      });

      api.get('/documents/:id/determs', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const doc = findDocument(c, request.params.id);
        // Paginated like every list (default 10): a long route does not fit one page.
        const p = page(determRecords(c.runtime.tenant, doc, request.query.current === 'true'), request.query);
        return { error: false, messages: [], ...p };
      });

      api.get('/documents/:id/contents', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        return documentContents(c.runtime.tenant, findDocument(c, request.params.id), linksFor(origin(request), c.runtime.tenant.instance));
      });

      api.post('/files', async (request: Req, reply: FastifyReply) => {
        const c = caller(request);
        if (!request.isMultipart()) throw new SimError(400, 'multipart/form-data で送信してください。');
        let file: { name: string; contentType: string; data: Buffer } | undefined;
        for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })) {
          if (part.type === 'file' && part.fieldname === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new SimError(400, 'ファイルサイズが上限（30MB）を超えています。');
            file = { name: part.filename, contentType: part.mimetype, data };
          }
        }
        if (!file) throw new SimError(400, '「file」は必須です。');
        const id = randomBytes(33).toString('base64url'); // 44 characters, like the product's file ids
        c.runtime.tenant.files.set(id, { id, ...file, uploadedBy: c.user.loginid, uploadedAt: state.clock().toISOString() });
        reply.code(201);
        return { error: false, messages: [], id, filename: file.name };
      });

      api.get('/files/:fileId/download', async (request: Req, reply: FastifyReply) => {
        const c = caller(request);
        const file = c.runtime.tenant.files.get(request.params.fileId ?? '');
        if (!file) throw new SimError(404, MSG.fileNotFound);
        reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        return file.data;
      });

      const docsOf = (c: Caller, pick: (d: SimDocument) => boolean) =>
        [...c.runtime.tenant.documents.values()].filter(pick).sort((a, b) => b.id - a.id);

      const page = <T>(all: readonly T[], query: Record<string, string | undefined>, defaultLimit = 10) => {
        const p = paged(all, query, defaultLimit);
        if (!p) throw new SimError(400, 'offset または limit が不正です。');
        return p;
      };

      api.get('/mydrafts', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const mine = docsOf(c, (d) => d.status === 'draft' && (d.requestUser === c.user.loginid || d.representUser === c.user.loginid));
        const p = page(mine, request.query);
        return { error: false, messages: [], ...p, records: p.records.map((d) => draftRecord(c.runtime.tenant, d)) };
      });

      api.get('/myrequests', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const links = linksFor(origin(request), c.runtime.tenant.instance);
        const route = (d: SimDocument) => routeOf(c.runtime.tenant, d);
        const mine = docsOf(c, (d) => d.status !== 'draft' && (d.requestUser === c.user.loginid || d.representUser === c.user.loginid));
        const p = page(mine, request.query);
        return {
          error: false,
          messages: [],
          decision_count: mine.filter((d) => d.status === 'decision').length,
          ...p,
          records: p.records.map((d) => ({ ...listRecord(c.runtime.tenant, d, links), takeback_after_decision: route(d).takebackAfterDecision })),
        };
      });

      api.get('/mydeterms', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const links = linksFor(origin(request), c.runtime.tenant.instance);
        const due = docsOf(c, (d) => pendingJudges(routeOf(c.runtime.tenant, d), d).includes(c.user.loginid));
        const p = page(due, request.query);
        return { error: false, messages: [], ...p, records: p.records.map((d) => listRecord(c.runtime.tenant, d, links)) };
      });

      registerDirectoryRoutes(api, {
        caller: (request) => {
          const c = caller(request);
          return { tenant: c.runtime.tenant, user: c.user };
        },
      });

      api.get('/myprocesses', async (request: Req) => {
        const c = caller(request);
        checkAppCd(c.runtime, request.query);
        const mine = [...c.runtime.tenant.routes.values()].filter((r) => r.applicants.length === 0 || r.applicants.includes(c.user.loginid));
        const p = page(mine, request.query, 100);
        return {
          error: false,
          messages: [],
          ...p,
          records: p.records.map((r) => ({
            id: r.id,
            title: r.title,
            description: r.description,
            category: r.category,
            form: { id: r.form.id, name: r.form.name, type: 'normal' },
            link: `${origin(request)}/_sim/${c.runtime.tenant.instance}/`,
          })),
        };
      });
    },
    { prefix: API_PREFIX },
  );
}
