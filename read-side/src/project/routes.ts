import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Filter, ReadStore, SortSpec } from '@sss/contracts/ports/read-store';
import { IdParams } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import {
  EstimateListQuery,
  EstimatePage,
  EstimateView,
  OrderListQuery,
  OrderPage,
  OrderView,
  ProjectDetail,
  ProjectListQuery,
  ProjectPage,
  ProjectStaffList,
  ProjectStaffQuery,
  STAFF_ROLES,
  type EstimateListRow,
  type OrderSortKeys,
  type ProjectListRow,
  type ProjectSortKeys,
} from '@sss/contracts/project/views';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { storeFor } from '../http/as-of.ts';
import { escapeRegex, publicDoc, searchFilter, storedAs } from '../http/query-helpers.ts';
import { projectProjection } from './projection.ts';
import { PROJECTS, type ProjectDoc } from './project-doc.ts';
import { ESTIMATES, type EstimateDoc } from './estimate-doc.ts';
import { ORDERS } from './order-doc.ts';
import { projectSummary } from './summary.ts';
import { PROJECT_PEOPLE } from './copies.ts';
import { renderBalanceSheet } from './balance-sheet.ts';
import { quotationFilename, renderQuotationPdf, renderQuotationXlsx } from './quotation.ts';
import { orderListCsv, orderListXlsx, projectListCsv } from './exports.ts';
import { download } from '../http/download.ts';
import { allRows } from '../http/all-rows.ts';

/**
 * 案件一覧・案件詳細, 見積, 受注一覧 and their documents. Every query honours X-SSS-Min-Position
 * against the one `projects` projection, so a screen right after a save shows the save.
 */

export interface ProjectQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
  /** Printed on the 見積書; the composition root passes SSS_ISSUER_NAME. */
  readonly issuerName?: string;
}

const PROJECT_SORTS: Record<(typeof ProjectSortKeys)[number], SortSpec> = {
  projectNumber: { projectNumber: 1 }, '-projectNumber': { projectNumber: -1 }, name: { name: 1, projectNumber: 1 }, '-name': { name: -1, projectNumber: 1 },
  startDate: { startDate: 1, projectNumber: 1 }, '-startDate': { startDate: -1, projectNumber: 1 }, updatedAt: { updatedAt: 1 }, '-updatedAt': { updatedAt: -1 },
};
const ORDER_SORTS: Record<(typeof OrderSortKeys)[number], SortSpec> = {
  orderDate: { orderDate: 1, projectNumber: 1 }, '-orderDate': { orderDate: -1, projectNumber: 1 }, projectNumber: { projectNumber: 1 }, '-projectNumber': { projectNumber: -1 },
  orderAmount: { orderAmount: 1, projectNumber: 1 }, '-orderAmount': { orderAmount: -1, projectNumber: 1 },
};

/** The most rows one export holds; a person narrowing the filter is better than a file Excel chokes on. */

export function projectFilter(q: ProjectListQuery): Filter {
  const and: Filter[] = [];
  if (q.q?.trim()) {
    const pattern = escapeRegex(q.q.trim());
    and.push({ $or: ['name', 'projectNumber', 'customerKana', 'customer.name'].map((field) => ({ [field]: { $regex: pattern, $options: 'i' } })) });
  }
  if (q.status) and.push({ status: q.status });
  if (q.customerCompanyId) and.push({ customerCompanyId: q.customerCompanyId });
  if (q.supervisingOrgUnitId) and.push({ supervisingOrgUnitId: q.supervisingOrgUnitId });
  if (q.leaderEmployeeId) and.push({ leaderEmployeeId: q.leaderEmployeeId });
  if (q.activeOn) and.push({ startDate: { $lte: q.activeOn } }, { endDate: { $gte: q.activeOn } });
  // Overlap of [startDate, endDate] with [periodFrom, periodTo].
  if (q.periodTo) and.push({ startDate: { $lte: q.periodTo } });
  if (q.periodFrom) and.push({ endDate: { $gte: q.periodFrom } });
  return and.length ? { $and: and } : {};
}

export function orderFilter(q: OrderListQuery): Filter {
  const and: Filter[] = [];
  if (q.q?.trim()) {
    const pattern = escapeRegex(q.q.trim());
    and.push({ $or: ['projectName', 'projectNumber', 'customerPoNumber', 'customer.name'].map((field) => ({ [field]: { $regex: pattern, $options: 'i' } })) });
  }
  if (q.status) and.push({ status: q.status });
  if (q.customerCompanyId) and.push({ customerCompanyId: q.customerCompanyId });
  if (q.supervisingOrgUnitId) and.push({ supervisingOrgUnitId: q.supervisingOrgUnitId });
  if (q.orderDateFrom) and.push({ orderDate: { $gte: q.orderDateFrom } });
  if (q.orderDateTo) and.push({ orderDate: { $lte: q.orderDateTo } });
  return and.length ? { $and: and } : {};
}

export function listRowOf(doc: ProjectDoc): ProjectListRow {
  return {
    id: doc.id, revision: doc.revision, projectNumber: doc.projectNumber, name: doc.name, customer: doc.customer, supervisingOrgUnit: doc.supervisingOrgUnit,
    accountingUnit: doc.accountingUnit, leader: doc.leader, contractType: doc.salesInfo.contractType, serviceType: doc.salesInfo.serviceType,
    startDate: doc.startDate, endDate: doc.endDate, status: doc.status, statusLabel: doc.statusLabel, pendingApproval: doc.pendingApproval,
    revenue: doc.revenue, cost: doc.cost, grossProfit: doc.grossProfit, grossMarginPercent: doc.grossMarginPercent, orderRingiNumber: doc.orderRingiNumber, updatedAt: doc.updatedAt,
  };
}

export function detailOf(doc: ProjectDoc): ProjectDetail {
  const { customerKana: _k, leaderEmployeeId: _l, customerCompanyId: _c, supervisingOrgUnitId: _s, pendingApproval: _p, orderRingiNumber: _o, revenue: _r, cost: _co, grossProfit: _g, grossMarginPercent: _m, ...rest } =
    publicDoc(doc) as ProjectDoc;
  return { ...rest, summary: projectSummary(doc) } as ProjectDetail;
}

const estimateRowOf = (doc: EstimateDoc): EstimateListRow => {
  const latest = doc.versions[0]!;
  return {
    id: doc.id, projectId: doc.projectId, projectNumber: doc.projectNumber, projectName: doc.projectName, latestVersion: latest.version, status: latest.status,
    estimateNumber: latest.estimateNumber, subject: latest.subject, addressee: latest.addressee, total: latest.total, updatedAt: doc.updatedAt,
  };
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

async function getOr404<T>(store: ReadStore, collection: string, id: string, what: string): Promise<T> {
  const doc = await store.get(collection, id);
  if (!doc) throw new DomainError('not_found', `${what}が見つかりません。`);
  return storedAs<T>(doc);
}

const ExportProjectQuery = Type.Omit(ProjectListQuery, ['page', 'pageSize']);
const ExportOrderQuery = Type.Omit(OrderListQuery, ['page', 'pageSize']);
const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, title: '版' })) }, { additionalProperties: false });

export async function projectQueries(fastify: FastifyInstance, deps: ProjectQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const storeOf = (request: FastifyRequest) => storeFor(deps.readModels, request);
  const issuerName = deps.issuerName ?? '株式会社SSSデモ';
  const ryw = (request: Parameters<typeof awaitPosition>[1]) => awaitPosition(deps.readModels, request, projectProjection.name);
  const P = ['案件'];
  const E = ['見積'];
  const O = ['受注'];

  app.get('/api/projects', { schema: { tags: P, summary: '案件一覧', querystring: ProjectListQuery, response: { 200: ProjectPage } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    const { sort = '-projectNumber', page = 1, pageSize = 20 } = request.query;
    const filter = projectFilter(request.query);
    const [items, total] = await Promise.all([store.find(PROJECTS, filter, { sort: PROJECT_SORTS[sort], skip: (page - 1) * pageSize, limit: pageSize }), store.count(PROJECTS, filter)]);
    return { items: items.map((d) => listRowOf(d as ProjectDoc)), total, page, pageSize };
  });

  app.get('/api/projects/export.csv', { schema: { tags: P, summary: '案件一覧のCSV（Excel で開けるUTF-8 BOM付き）', querystring: ExportProjectQuery } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    const docs = await allRows(store, PROJECTS, projectFilter(request.query), PROJECT_SORTS[request.query.sort ?? '-projectNumber']);
    return download(reply, { body: projectListCsv(docs.map((d) => listRowOf(d as ProjectDoc))), contentType: CSV, filename: '案件一覧.csv' });
  });

  app.get('/api/projects/:id', { schema: { tags: P, summary: '案件詳細（基本属性・月毎明細・サマリー・ステータス履歴・稟議）', params: IdParams, response: { 200: ProjectDetail } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    return detailOf(await getOr404<ProjectDoc>(store, PROJECTS, request.params.id, '案件'));
  });

  app.get('/api/projects/:id/balance-sheet.xlsx', { schema: { tags: P, summary: '収支管理表（Excel）', params: IdParams } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    const project = detailOf(await getOr404<ProjectDoc>(store, PROJECTS, request.params.id, '案件'));
    return download(reply, { body: await renderBalanceSheet(project), contentType: XLSX, filename: `収支管理表_${project.projectNumber}.xlsx` });
  });

  app.get('/api/project-staff', { schema: { tags: P, summary: 'リーダー・社員の選択肢（ユーザーID・氏名）', querystring: ProjectStaffQuery, response: { 200: ProjectStaffList } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    const { q, page = 1, pageSize = 20 } = request.query;
    const search = searchFilter(q);
    const filter = { $and: [{ active: { $ne: false } }, { roles: { $in: STAFF_ROLES } }, ...(search ? [search] : [])] };
    const [people, total] = await Promise.all([store.find(PROJECT_PEOPLE, filter, { sort: { name: 1 }, skip: (page - 1) * pageSize, limit: pageSize }), store.count(PROJECT_PEOPLE, filter)]);
    const profile = (p: (typeof people)[number]) => (typeof p.employeeNo === 'string' ? { employeeNo: p.employeeNo, classRank: String(p.classRank), monthlyCost: Number(p.monthlyCost) } : {});
    return { items: people.map((p) => ({ id: p._id, name: String(p.name ?? ''), email: String(p.email ?? ''), ...profile(p) })), total, page, pageSize };
  });

  app.get('/api/estimates', { schema: { tags: E, summary: '見積一覧', querystring: EstimateListQuery, response: { 200: EstimatePage } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    const { projectId, q, page = 1, pageSize = 20 } = request.query;
    const and: Filter[] = [];
    if (projectId) and.push({ projectId });
    if (q?.trim()) and.push({ $or: ['projectName', 'projectNumber'].map((field) => ({ [field]: { $regex: escapeRegex(q.trim()), $options: 'i' } })) });
    const filter = and.length ? { $and: and } : {};
    const [items, total] = await Promise.all([store.find(ESTIMATES, filter, { sort: { updatedAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }), store.count(ESTIMATES, filter)]);
    return { items: items.map((d) => estimateRowOf(d as EstimateDoc)), total, page, pageSize };
  });

  const estimateOf = async (store: ReadStore, id: string) => storedAs<EstimateView>(publicDoc(await getOr404<EstimateDoc>(store, ESTIMATES, id, '見積')));

  app.get('/api/estimates/:id', { schema: { tags: E, summary: '見積詳細（全版、新しい順）', params: IdParams, response: { 200: EstimateView } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    return estimateOf(store, request.params.id);
  });

  const versionOf = (estimate: EstimateView, version: number | undefined) => {
    const v = version === undefined ? estimate.versions[0] : estimate.versions.find((x) => x.version === version);
    if (!v) throw DomainError.field('not_found', 'version', `見積の第${version}版はありません。`);
    return v;
  };

  app.get('/api/estimates/:id/quotation.xlsx', { schema: { tags: E, summary: '見積書（Excel）', params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    const estimate = await estimateOf(store, request.params.id);
    const v = versionOf(estimate, request.query.version);
    return download(reply, { body: await renderQuotationXlsx(estimate, v, issuerName), contentType: XLSX, filename: quotationFilename(estimate, v, 'xlsx') });
  });

  app.get('/api/estimates/:id/quotation.pdf', { schema: { tags: E, summary: '見積書（PDF、日本語フォント埋め込み）', params: IdParams, querystring: VersionQuery } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    const estimate = await estimateOf(store, request.params.id);
    const v = versionOf(estimate, request.query.version);
    return download(reply, { body: await renderQuotationPdf(estimate, v, issuerName), contentType: 'application/pdf', filename: quotationFilename(estimate, v, 'pdf') });
  });

  app.get('/api/orders', { schema: { tags: O, summary: '受注一覧', querystring: OrderListQuery, response: { 200: OrderPage } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    const { sort = '-orderDate', page = 1, pageSize = 20 } = request.query;
    const filter = orderFilter(request.query);
    // the totals row adds up every match in the store, so it is the same on every page
    const [items, [sums]] = await Promise.all([store.find(ORDERS, filter, { sort: ORDER_SORTS[sort], skip: (page - 1) * pageSize, limit: pageSize }), store.groupSum(ORDERS, filter, { by: [], sum: ['orderAmount'] })]);
    const total = sums?.count ?? 0;
    return { items: items.map((d) => publicDoc(d) as OrderView), total, page, pageSize, totals: { count: total, orderAmount: sums?.sums.orderAmount ?? 0 } };
  });

  const orderRows = async (store: ReadStore, query: Omit<OrderListQuery, 'page' | 'pageSize'>) =>
    (await allRows(store, ORDERS, orderFilter(query), ORDER_SORTS[query.sort ?? '-orderDate'])).map((d) => publicDoc(d) as OrderView);

  app.get('/api/orders/export.csv', { schema: { tags: O, summary: '受注一覧のCSV', querystring: ExportOrderQuery } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    return download(reply, { body: orderListCsv(await orderRows(store, request.query)), contentType: CSV, filename: '受注一覧.csv' });
  });

  app.get('/api/orders/export.xlsx', { schema: { tags: O, summary: '受注一覧（Excel、月別計画つき）', querystring: ExportOrderQuery } }, async (request, reply) => {
    await ryw(request);
    const store = storeOf(request);
    return download(reply, { body: await orderListXlsx(await orderRows(store, request.query)), contentType: XLSX, filename: '受注一覧.xlsx' });
  });

  app.get('/api/orders/:id', { schema: { tags: O, summary: '受注詳細（売上計画つき）', params: IdParams, response: { 200: OrderView } } }, async (request) => {
    await ryw(request);
    const store = storeOf(request);
    return publicDoc(await getOr404(store, ORDERS, request.params.id, '受注')) as OrderView;
  });
}
