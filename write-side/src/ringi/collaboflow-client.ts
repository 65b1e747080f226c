import {
  WorkflowError,
  type ApprovalStep,
  type ApproverStatus,
  type DocumentSummary,
  type DraftListItem,
  type DraftRequest,
  type FiledDocument,
  type FileToUpload,
  type FormValues,
  type Page,
  type PageRequest,
  type RequestListItem,
  type WorkflowAction,
  type WorkflowNotification,
  type WorkflowPort,
  type WorkflowStatus,
} from '@sss/contracts/ports/workflow';
import { DEFAULT_RETRY, realRetryDeps, withRetry, type RetryDeps, type RetryPolicy } from './collaboflow-retry.ts';
import type { FormDirectory, TenantPart, TenantRoute } from './form-directory.ts';
import { shortenTitle } from './title.ts';

/**
 * The workflow port on CollaboFlow's REST API (`{base}/{instance}/api/index.cfm/v1/...`), on global
 * `fetch`, and the reader of its route webhooks. This is the only file that knows the vendor's
 * field names.
 *
 * Filing never happens twice: `submit` saves a draft carrying our correlation key, then requests
 * it. A POST that fails ambiguously (timeout, 5xx, lost connection) is retried only after looking
 * for the draft it may have created; a request that fails ambiguously is retried only while the
 * document still reads `draft`.
 */

export interface CollaboflowClientOptions {
  /** e.g. `https://cloud.collaboflow.com`, or the simulator's address. */
  readonly baseUrl: string;
  /** The contracted environment name (the path segment before `/api`). */
  readonly instance: string;
  /** Key issued under システム管理 > REST API; with a login id it acts as that user. */
  readonly apiKey: string;
  readonly appCd?: number;
  /** Per HTTP attempt. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /** Text part where the correlation key is stored on every route's form. */
  readonly correlationPartId?: string;
  readonly retryDeps?: RetryDeps;
}

type Json = Record<string, unknown>;

interface CallOptions {
  readonly actAs: string;
  readonly query?: Record<string, string | number>;
  readonly json?: unknown;
  readonly form?: FormData;
  /** The API documents no body for this answer (PUT): an empty or non-JSON 2xx is success. */
  readonly noBody?: boolean;
}

const STATUSES: readonly WorkflowStatus[] = ['draft', 'flow', 'decision', 'reject', 'remand', 'takeback'];
const APPROVER_STATUS: Record<string, ApproverStatus> = {
  undeterm: 'waiting',
  '': 'scheduled',
  accept: 'accept',
  reject: 'reject',
  remand: 'remand',
  skip: 'skip',
  stay: 'saved',
  confirm: 'confirm',
  unconfirm: 'unconfirm',
  deny: 'deny',
};
const DRAFT_SCAN_PAGE = 100;
/** Pages of `determs` and other lists read to the end (the API's maximum is 500). */
const LIST_PAGE = 100;
/** The cloud edition's upload limit (docs/collaboflow.md). */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const dateOrNull = (v: unknown): string | null => (str(v) === '' ? null : str(v)); // unset dates come as ""
const records = (body: Json): Json[] => (Array.isArray(body.records) ? (body.records as Json[]) : []);

function flowStatus(v: unknown): WorkflowStatus {
  const s = str(v) as WorkflowStatus;
  if (!STATUSES.includes(s)) throw new WorkflowError('protocol', `CollaboFlow returned an unknown flow_status "${str(v)}"`, { retryable: false });
  return s;
}

function errorFor(status: number, messages: readonly string[]): WorkflowError {
  const text = messages.length > 0 ? messages.join(' ') : `HTTP ${status}`;
  const options = { httpStatus: status, vendorMessages: messages };
  if (status >= 500 || status === 408 || status === 429) return new WorkflowError('unavailable', `CollaboFlow is unavailable: ${text}`, { ...options, retryable: true });
  if (status === 401) return new WorkflowError('unauthorized', `CollaboFlow refused the credentials: ${text}`, { ...options, retryable: false });
  if (status === 403) return new WorkflowError('forbidden', `CollaboFlow refused the action: ${text}`, { ...options, retryable: false });
  if (status === 404) return new WorkflowError('not_found', `CollaboFlow did not find it: ${text}`, { ...options, retryable: false });
  return new WorkflowError('invalid', `CollaboFlow rejected the request: ${text}`, { ...options, retryable: false });
}

const isRetryable = (error: unknown) => error instanceof WorkflowError && error.retryable;

export class CollaboflowClient implements WorkflowPort, FormDirectory {
  private readonly root: string;
  private readonly appCd: number;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly deps: RetryDeps;
  private readonly correlationPartId: string;

  constructor(private readonly options: CollaboflowClientOptions) {
    this.root = `${options.baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(options.instance)}/api/index.cfm/v1`;
    this.appCd = options.appCd ?? 1;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.policy = { ...DEFAULT_RETRY, ...options.retry };
    this.deps = options.retryDeps ?? realRetryDeps;
    this.correlationPartId = options.correlationPartId ?? 'fidSssKey';
  }

  async createDraft(request: DraftRequest): Promise<FiledDocument> {
    return this.retrying(async (attempt) => {
      if (attempt > 0) {
        // The previous POST may have created the draft before its answer was lost.
        const existing = await this.findDraftByCorrelationKey(request.actAs, request.routeId, request.correlationKey);
        if (existing) return this.filed(request.actAs, existing.documentId);
      }
      const body = await this.call('POST', '/documents', {
        actAs: request.actAs,
        json: {
          processes_id: request.routeId,
          app_cd: this.appCd,
          title: shortenTitle(request.title),
          action: 'draft',
          document: this.documentValues(request),
          ...(request.groupCode ? { request_groupcode: request.groupCode } : {}),
        },
      });
      const documentId = Number(body.document_id);
      if (!Number.isSafeInteger(documentId) || documentId <= 0) {
        throw new WorkflowError('protocol', 'CollaboFlow accepted the draft but returned no document_id', { retryable: false });
      }
      return { documentId, documentNumber: str(body.document_number), link: str(body.link) };
    });
  }

  async request(actAs: string, documentId: number): Promise<void> {
    await this.retrying(async (attempt) => {
      if (attempt > 0 && (await this.getSummary(actAs, documentId)).status !== 'draft') return; // an earlier try went through
      await this.call('PUT', `/documents/${documentId}`, { actAs, query: { app_cd: this.appCd }, json: { action: 'request' }, noBody: true });
    });
  }

  async submit(request: DraftRequest): Promise<FiledDocument> {
    // A draft left by an earlier submit that failed after the POST (e.g. a missing part, now
    // fixed) is brought up to date and reused rather than filed again.
    const existing = await this.findDraftByCorrelationKey(request.actAs, request.routeId, request.correlationKey);
    const draft = existing ? await this.updateDraft(request, existing.documentId) : await this.createDraft(request);
    await this.request(request.actAs, draft.documentId);
    return this.filed(request.actAs, draft.documentId); // the number is issued on request
  }

  /** Overwrites a draft's title and parts; repeating it is harmless, so it retries like a read. */
  private async updateDraft(request: DraftRequest, documentId: number): Promise<FiledDocument> {
    await this.retrying(() =>
      this.call('PUT', `/documents/${documentId}`, {
        actAs: request.actAs,
        query: { app_cd: this.appCd },
        json: {
          action: 'draft',
          title: shortenTitle(request.title),
          document: this.documentValues(request),
          ...(request.groupCode ? { request_groupcode: request.groupCode } : {}),
        },
        noBody: true,
      }),
    );
    return this.filed(request.actAs, documentId);
  }

  async withdraw(actAs: string, documentId: number, comment: string): Promise<void> {
    await this.retrying(async (attempt) => {
      if (attempt > 0 && (await this.getSummary(actAs, documentId)).status === 'takeback') return;
      await this.call('PUT', `/documents/${documentId}`, { actAs, query: { app_cd: this.appCd }, json: { action: 'takeback', comment }, noBody: true });
    });
  }

  async getSummary(actAs: string, documentId: number): Promise<DocumentSummary> {
    const b = await this.retrying(() => this.call('GET', `/documents/${documentId}`, { actAs, query: { app_cd: this.appCd } }));
    return {
      documentId: Number(b.document_id),
      documentNumber: str(b.document_number),
      link: str(b.link),
      routeId: Number(b.processes_id),
      title: str(b.title),
      status: flowStatus(b.flow_status),
      applicantId: str(b.request_usercd),
      applicantName: str(b.request_username),
      requestedAt: dateOrNull(b.request_date),
      endedAt: dateOrNull(b.end_date),
    };
  }

  async getApprovals(actAs: string, documentId: number): Promise<readonly ApprovalStep[]> {
    const rows = await this.readAll(`/documents/${documentId}/determs`, actAs);
    return rows.map((r) => ({
      phase: Number(r.phase_number),
      phaseTitle: str(r.phase_title),
      approverId: str(r.determ_usercd),
      approverName: str(r.determ_username),
      status: APPROVER_STATUS[str(r.determ_status)] ?? 'scheduled',
      comment: str(r.comment),
      decidedAt: dateOrNull(r.determ_date),
      current: r.current === true,
    }));
  }

  async uploadFile(actAs: string, file: FileToUpload): Promise<string> {
    if (file.data.byteLength > MAX_UPLOAD_BYTES) {
      const mb = (file.data.byteLength / 1024 / 1024).toFixed(1);
      throw new WorkflowError('invalid', `「${file.fileName}」は ${mb} MB で、コラボフローの上限 30 MB を超えるため添付できません。`, { retryable: false });
    }
    // A repeated upload after an ambiguous failure only leaves an unattached file, which the
    // product deletes after 31 days; so uploads retry like reads.
    const b = await this.retrying(() => {
      const form = new FormData();
      const bytes = new Uint8Array(file.data); // a copy on a plain ArrayBuffer, which is what Blob accepts
      form.append('file', new Blob([bytes], { type: file.contentType }), file.fileName);
      return this.call('POST', '/files', { actAs, form });
    });
    const id = str(b.id ?? b.file_id);
    if (id === '' || id === '0') throw new WorkflowError('protocol', 'CollaboFlow accepted the upload but returned no file id', { retryable: false });
    return id;
  }

  async listMyDrafts(actAs: string, page: PageRequest = {}): Promise<Page<DraftListItem>> {
    const b = await this.list('/mydrafts', actAs, page);
    return this.page(b, (r) => ({ documentId: Number(r.document_id ?? r.id), title: str(r.title), modifiedAt: str(r.modified_date) }));
  }

  async listMyRequests(actAs: string, page: PageRequest = {}): Promise<Page<RequestListItem>> {
    const b = await this.list('/myrequests', actAs, page);
    return this.page(b, (r) => ({
      documentId: Number(r.document_id ?? r.id),
      documentNumber: str(r.document_number),
      title: str(r.title),
      status: flowStatus(r.flow_status),
      requestedAt: dateOrNull(r.request_date),
      link: str(r.link),
    }));
  }

  async findDraftByCorrelationKey(actAs: string, routeId: number, correlationKey: string): Promise<DraftListItem | null> {
    // Draft lists carry neither the route nor the parts, so each candidate's contents are read.
    // Drafts are few (SSS requests its drafts right away), so this stays cheap.
    for (let offset = 0; ; offset += DRAFT_SCAN_PAGE) {
      const drafts = await this.listMyDrafts(actAs, { offset, limit: DRAFT_SCAN_PAGE });
      for (const draft of drafts.items) {
        const c = await this.retrying(() => this.call('GET', `/documents/${draft.documentId}/contents`, { actAs, query: { app_cd: this.appCd } }));
        const part = ((c.contents ?? {}) as Record<string, Json | undefined>)[this.correlationPartId];
        if (str(part?.value) !== correlationKey) continue;
        if ((await this.getSummary(actAs, draft.documentId)).routeId === routeId) return draft;
      }
      if (drafts.items.length === 0 || offset + drafts.items.length >= drafts.total) return null;
    }
  }

  private documentValues(request: DraftRequest): FormValues {
    const values: Record<string, FormValues[string]> = { ...request.values, [this.correlationPartId]: request.correlationKey };
    for (const a of request.attachments ?? []) values[a.partId] = a.fileId;
    return values;
  }

  private async filed(actAs: string, documentId: number): Promise<FiledDocument> {
    const s = await this.getSummary(actAs, documentId);
    return { documentId: s.documentId, documentNumber: s.documentNumber, link: s.link };
  }

  /** Every record of a paginated list: the API answers 10 at a time unless asked for more. */
  private async readAll(path: string, actAs: string): Promise<Json[]> {
    const all: Json[] = [];
    for (let offset = 0; ; offset += LIST_PAGE) {
      const b = await this.retrying(() => this.call('GET', path, { actAs, query: { app_cd: this.appCd, offset, limit: LIST_PAGE } }));
      const page = records(b);
      all.push(...page);
      const total = Number(b.total_count);
      // An answer without total_count is one complete list (nothing to page through).
      if (page.length === 0 || !Number.isSafeInteger(total) || all.length >= total) return all;
    }
  }

  async listRoutes(actAs: string): Promise<readonly TenantRoute[]> {
    const rows = await this.readAll('/myprocesses', actAs);
    return rows.map((r) => {
      const form = (r.form ?? {}) as Json;
      return { routeId: Number(r.id), title: str(r.title), formId: Number(form.id), formName: str(form.name) };
    });
  }

  async getFormParts(actAs: string, formId: number): Promise<readonly TenantPart[]> {
    const b = await this.retrying(() => this.call('GET', `/forms/${formId}/versions/latest/parts`, { actAs, query: { app_cd: this.appCd, detail: 'true' } }));
    const parts = (b.parts ?? {}) as Record<string, Json>;
    const scalar = Object.entries(parts).map(([partId, p]) => ({ partId, name: str(p.name), type: str(p.type), required: p.required === true, table: null }));
    const tables = Array.isArray(b.tables) ? (b.tables as Json[]) : [];
    const rows = tables.flatMap((t) =>
      Object.entries((t.parts ?? {}) as Record<string, Json>).map(([partId, p]) => ({ partId, name: str(p.name), type: str(p.type), required: p.required === true, table: str(t.title) })),
    );
    return [...scalar, ...rows];
  }

  private list(path: string, actAs: string, page: PageRequest): Promise<Json> {
    const query = { app_cd: this.appCd, offset: page.offset ?? 0, limit: page.limit ?? 10 };
    return this.retrying(() => this.call('GET', path, { actAs, query }));
  }

  private page<T>(b: Json, map: (r: Json) => T): Page<T> {
    return { items: records(b).map(map), offset: Number(b.offset ?? 0), limit: Number(b.limit ?? 0), total: Number(b.total_count ?? 0) };
  }

  private retrying<T>(attempt: (n: number) => Promise<T>): Promise<T> {
    return withRetry(attempt, isRetryable, this.policy, this.deps);
  }

  private authorization(actAs: string): string {
    return `Basic ${Buffer.from(`${actAs}/apikey:${this.options.apiKey}`, 'utf8').toString('base64')}`;
  }

  /** One HTTP exchange; every failure becomes a WorkflowError that says whether to retry. */
  private async call(method: string, path: string, options: CallOptions): Promise<Json> {
    const url = new URL(`${this.root}${path}`);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { 'x-collaboflow-authorization': this.authorization(options.actAs), accept: 'application/json' };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
        throw new WorkflowError('timeout', `CollaboFlow did not answer ${method} ${path} within ${this.timeoutMs} ms`, { retryable: true, cause });
      }
      throw new WorkflowError('unavailable', `CollaboFlow could not be reached for ${method} ${path}`, { retryable: true, cause });
    }
    let body: Json = {};
    try {
      const parsed: unknown = text === '' ? {} : JSON.parse(text);
      body = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Json) : {};
    } catch {
      // Where the API documents no body, what came is irrelevant: the status says it worked.
      if (response.ok && !options.noBody) throw new WorkflowError('protocol', `CollaboFlow answered ${method} ${path} with something other than JSON`, { retryable: false, httpStatus: response.status });
    }
    const messages = Array.isArray(body.messages) ? body.messages.map(str) : [];
    if (!response.ok) throw errorFor(response.status, messages);
    if (body.error === true) throw errorFor(400, messages); // defensive: an error body on a 2xx
    return body;
  }
}

/**
 * Splits a configured address such as `https://cloud.collaboflow.com/example/api/index.cfm` (or
 * without `/api/index.cfm`) into the client's `baseUrl` and `instance`.
 */
export function splitCollaboflowUrl(url: string): { baseUrl: string; instance: string } {
  const parsed = new URL(url);
  const segments = parsed.pathname.replace(/\/api\/index\.cfm\/?$/, '').split('/').filter(Boolean);
  const instance = segments.pop();
  if (!instance) throw new Error(`CollaboFlow URL has no instance: ${url} (expected https://host/{instance}/api/index.cfm)`);
  return { baseUrl: `${parsed.origin}${segments.length ? `/${segments.join('/')}` : ''}`, instance: decodeURIComponent(instance) };
}

const jsonObject = (v: unknown): Json | null => {
  if (typeof v === 'string') {
    try {
      return jsonObject(JSON.parse(v));
    } catch {
      return null;
    }
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
};

/**
 * The vendor does not publish the webhook's content type (docs/collaboflow.md), so a JSON body, a
 * form whose fields are the payload's (nested ones as JSON text), and a form carrying the whole
 * payload as JSON in one field all read the same.
 */
function webhookObject(body: unknown): Json | null {
  const b = jsonObject(body);
  if (!b || 'document_id' in b) return b;
  const values = Object.values(b);
  return values.length === 1 ? jsonObject(values[0]) : b;
}

const WEBHOOK_ACTIONS: Record<string, WorkflowAction> = {
  request: 'request',
  accept: 'accept',
  confirm: 'accept', // a circulation (回覧) step confirmed
  reject: 'reject',
  remand: 'remand',
  takeback: 'takeback',
  end: 'end',
};

/**
 * Reads a route webhook's JSON body (docs/architecture.md §Route webhooks) into our notification. Webhooks carry no
 * signature, so this only checks shape; the caller confirms by reading the document.
 */
export function parseCollaboflowWebhook(body: unknown, correlationPartId = 'fidSssKey'): WorkflowNotification {
  const invalid = (why: string) => new WorkflowError('invalid', `Not a CollaboFlow webhook: ${why}`, { retryable: false });
  const b = webhookObject(body);
  if (!b) throw invalid('the body is neither a JSON object nor a form');
  const documentId = Number(b.document_id);
  const routeId = Number(b.process_id); // sic: `process_id` in webhooks, `processes_id` in REST
  if (str(b.id) === '') throw invalid('no id');
  if (!Number.isSafeInteger(documentId) || documentId <= 0) throw invalid('no document_id');
  if (!Number.isSafeInteger(routeId)) throw invalid('no process_id');
  let status: WorkflowStatus;
  try {
    status = flowStatus(b.flow_status);
  } catch {
    throw invalid(`unknown flow_status "${str(b.flow_status)}"`);
  }
  const contents = (jsonObject(b.contents) ?? {}) as Record<string, Json | undefined>;
  const key = str(contents[correlationPartId]?.value);
  return {
    notificationId: str(b.id),
    action: WEBHOOK_ACTIONS[str(b.action_type)] ?? 'other',
    status,
    routeId,
    documentId,
    documentNumber: str(b.document_number),
    title: str(b.document_title),
    correlationKey: key === '' ? null : key,
    requestedAt: dateOrNull(b.request_date),
    endedAt: dateOrNull(b.end_date),
  };
}
