import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AuditEventExportQuery, AuditEventPage, AuditEventQuery } from '@sss/contracts/audit/event-search';
import { HEADERS } from '@sss/contracts/http/auth';
import { DomainError } from '@sss/contracts/http/problem';
import { formatDateTimeJst, instantOfJapaneseMoment } from '@sss/contracts/domain/dates';
import { InvoiceView, type InvoiceView as InvoiceViewType } from '@sss/contracts/sales/views';
import { toCsv } from '../documents/csv.ts';
import { awaitPosition, READ_YOUR_WRITES_TIMEOUT_MS } from '../http/read-your-writes.ts';
import { ALL_ROWS_MAX, beyondBound } from '../http/all-rows.ts';
import type { ReadModels } from '../projector/runtime.ts';
import { publicDoc } from '../http/query-helpers.ts';
import { INVOICES, salesProjection } from '../sales/projection.ts';
import { IssuedDocumentQuery, IssuedDocumentResults } from '@sss/contracts/audit/document-search';
import { storeFor } from '../http/as-of.ts';
import { searchIssuedDocuments } from './document-search.ts';
import { projectProjection } from '../project/projection.ts';
import type { AuditCriteria, IndexedEvent } from './audit-index.ts';
import type { RunningAuditIndex } from './audit-indexer.ts';
import { entityLabels, labelProjections } from './entity-labels.ts';

/** The 監査 workspace's searches (docs/audit.md): every event, and an invoice's whole correction history. */
export interface AuditQueryDeps {
  readonly audit: RunningAuditIndex;
  readonly readModels: ReadModels;
}

const tags = ['監査'];
const EXPORT_PAGE = 5_000;
const InvoiceParams = Type.Object({ invoiceNumber: Type.String({ maxLength: 20, pattern: '^INV-\\d{6,}$', title: '請求書番号' }) });

type Search = Omit<AuditEventQuery, 'page' | 'pageSize'>;

function criteriaOf(query: Search): AuditCriteria {
  const instant = (field: 'from' | 'to') => {
    const moment = query[field];
    if (!moment) return undefined;
    const value = instantOfJapaneseMoment(moment, field === 'to');
    if (!value) throw DomainError.field('validation_failed', field, `${field === 'from' ? '期間（から）' : '期間（まで）'}には実在する日付・時刻を指定してください（例: 2026-03-31 または 2026-03-31T23:59）。`);
    return value;
  };
  const fromInstant = instant('from');
  let toInstant = instant('to');
  if (fromInstant && toInstant && fromInstant > toInstant) throw DomainError.field('validation_failed', 'to', '期間（まで）は期間（から）以降にしてください。');
  let toPosition: bigint | undefined;
  if (query.asOf && /^\d+$/.test(query.asOf)) toPosition = BigInt(query.asOf);
  else if (query.asOf) {
    const asOf = Date.parse(query.asOf);
    if (Number.isNaN(asOf)) throw DomainError.field('validation_failed', 'asOf', '時点には event の position（数字）か、オフセット付きの日時を指定してください。');
    const asOfInstant = new Date(asOf).toISOString();
    if (!toInstant || asOfInstant < toInstant) toInstant = asOfInstant;
  }
  return {
    ...(fromInstant ? { fromInstant } : {}), ...(toInstant ? { toInstant } : {}),
    ...(query.actor?.trim() ? { actor: query.actor.trim() } : {}), ...(query.category ? { category: query.category } : {}),
    ...(query.entityId?.trim() ? { entityId: query.entityId.trim() } : {}), ...(query.type ? { type: query.type } : {}),
    ...(query.q?.trim() ? { text: query.q.trim() } : {}), ...(toPosition !== undefined ? { toPosition } : {}),
  };
}

const view = (e: IndexedEvent, entityLabel: string) => ({ ...e, entityLabel, position: e.position.toString(), revision: e.revision.toString() });

export async function auditQueries(fastify: FastifyInstance, deps: AuditQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Read-your-writes against the index's own checkpoint (docs/architecture.md §Read-your-writes).
  const wait = async (request: FastifyRequest) => {
    const header = request.headers[HEADERS.minPosition];
    if (header === undefined) return;
    if (typeof header !== 'string' || !/^\d{1,20}$/.test(header)) throw DomainError.field('validation_failed', HEADERS.minPosition, `${HEADERS.minPosition} には更新時に返された position（数字）を指定してください。`);
    if (!(await deps.audit.waitFor(BigInt(header), READ_YOUR_WRITES_TIMEOUT_MS))) {
      throw new DomainError('read_model_lagging', `監査用の索引がまだ最新の更新（position ${header}）に追いついていません。数秒後に再読み込みしてください。`, [], { retryAfterSeconds: 1 });
    }
  };
  // The entities of a page in words, from read models caught up to the position the caller waited for.
  const labelsOf = async (request: FastifyRequest, rows: readonly IndexedEvent[]) => {
    await Promise.all(labelProjections(rows.map((r) => r.category)).map((p) => awaitPosition(deps.readModels, request, p)));
    return entityLabels(deps.readModels.store, rows);
  };

  app.get('/api/audit/events', { schema: { tags, summary: 'イベント検索（期間・操作者・対象・種別・キーワード、新しい順）', querystring: AuditEventQuery, response: { 200: AuditEventPage } } }, async (request) => {
    await wait(request);
    const { page = 1, pageSize = 50, ...search } = request.query;
    const { items, total } = deps.audit.index.search(criteriaOf(search), { skip: (page - 1) * pageSize, limit: pageSize });
    const label = await labelsOf(request, items);
    return { items: items.map((e) => view(e, label(e.category, e.entityId))), total, page, pageSize };
  });

  app.get('/api/audit/events/export.csv', { schema: { tags, summary: 'イベント検索結果のCSV', querystring: AuditEventExportQuery } }, async (request, reply) => {
    await wait(request);
    const criteria = criteriaOf(request.query);
    const first = deps.audit.index.search(criteria, { skip: 0, limit: EXPORT_PAGE });
    // an export answers every matching row or refuses; it never cuts the list short without saying so
    if (first.total > ALL_ROWS_MAX) throw beyondBound(first.total);
    const rows = [...first.items];
    while (rows.length < first.total) {
      const next = deps.audit.index.search(criteria, { skip: rows.length, limit: EXPORT_PAGE }).items;
      if (!next.length) break;
      rows.push(...next);
    }
    const label = await labelsOf(request, rows);
    const body = toCsv(
      ['位置', '日時', '操作者', '操作者ID', '対象の種類', '対象ID', '対象', 'リビジョン', 'イベント種別', 'データ'],
      rows.map((e) => [e.position.toString(), formatDateTimeJst(new Date(e.occurredAt)), e.actorName, e.actor, e.category, e.entityId, label(e.category, e.entityId), e.revision.toString(), e.type, JSON.stringify(e.data)]),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sss-audit-events.csv"; filename*=UTF-8''${encodeURIComponent('監査_イベント検索.csv')}`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  // 電子帳簿保存法: 見積書 and 売上連絡票 by 取引年月日, 金額 and 取引先 (invoices: GET /api/invoices).
  app.get('/api/audit/documents', { schema: { tags, summary: '見積書・売上連絡票の検索（取引年月日・金額・取引先）', querystring: IssuedDocumentQuery, response: { 200: IssuedDocumentResults } } }, async (request) => {
    await Promise.all([awaitPosition(deps.readModels, request, projectProjection.name), awaitPosition(deps.readModels, request, salesProjection.name)]);
    const items = await searchIssuedDocuments(storeFor(deps.readModels, request), request.query);
    return { items, total: items.length };
  });

  // 電子帳簿保存法: an invoice's correction history is every version issued for its month, oldest first.
  app.get('/api/audit/invoices/:invoiceNumber/corrections', { schema: { tags, summary: '請求書の訂正履歴（発行・訂正・差し替えの全版）', params: InvoiceParams, response: { 200: Type.Object({ items: Type.Array(InvoiceView) }) } } }, async (request) => {
    await awaitPosition(deps.readModels, request, salesProjection.name);
    const { store } = deps.readModels;
    const invoice = await store.get(INVOICES, request.params.invoiceNumber);
    if (!invoice) throw DomainError.field('not_found', 'invoiceNumber', '請求書が見つかりません。');
    const versions = await store.find(INVOICES, { projectId: invoice.projectId as string, month: invoice.month as string }, { sort: { invoiceNumber: 1 }, limit: 1_000 });
    return { items: versions.map((d) => publicDoc(d) as InvoiceViewType) };
  });
}
