import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Filter, SortSpec } from '@sss/contracts/ports/read-store';
import { IdParams } from '@sss/contracts/common';
import { CompanyExportQuery, CompanyListQuery, CompanyPage, CompanyView, type CompanySortKeys } from '@sss/contracts/company/schemas';
import { DomainError } from '@sss/contracts/http/problem';
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { publicDoc, searchFilter } from '../http/query-helpers.ts';
import { COMPANIES, companyProjection } from './projection.ts';
import { download } from '../http/download.ts';
import { companyListCsv } from './export.ts';
import { allRows } from '../http/all-rows.ts';

export interface CompanyQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

const SORTS: Record<(typeof CompanySortKeys)[number], SortSpec> = {
  code: { code: 1 }, '-code': { code: -1 }, name: { name: 1 }, '-name': { name: -1 },
  kana: { kana: 1 }, '-kana': { kana: -1 }, registeredOn: { registeredOn: 1 }, '-registeredOn': { registeredOn: -1 },
};


/** The list's filters, shared by the page and the CSV so both always show the same companies. */
function companyFilter(query: CompanyExportQuery, today: string): Filter {
  const { q, customer, partner, active } = query;
  const and: Filter[] = [];
  const search = searchFilter(q);
  if (search) and.push(search);
  if (customer !== undefined) and.push({ isCustomer: customer });
  if (partner !== undefined) and.push({ isPartner: partner });
  if (active === true) and.push({ $or: [{ abolishedOn: null }, { abolishedOn: { $gt: today } }] });
  if (active === false) and.push({ abolishedOn: { $lte: today } });
  return and.length ? { $and: and } : {};
}

export async function companyQueries(fastify: FastifyInstance, deps: CompanyQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['会社'];
  const view = (doc: Record<string, unknown>, today: string) => {
    const abolishedOn = doc.abolishedOn as string | null;
    // A document (or an as-of version of one) projected by a build before the billing fields has none: 未設定.
    return { ...publicDoc(doc), billing: doc.billing ?? UNSET_BILLING, active: !abolishedOn || abolishedOn > today } as CompanyView;
  };

  app.get('/api/companies', { schema: { tags, summary: '会社一覧', querystring: CompanyListQuery, response: { 200: CompanyPage } } }, async (request) => {
    await awaitPosition(deps.readModels, request, companyProjection.name);
    const store = storeFor(deps.readModels, request);
    const { sort = 'kana', page = 1, pageSize = 20 } = request.query;
    const today = businessDateOf(request, deps.clock);
    const filter = companyFilter(request.query, today);
    const [items, total] = await Promise.all([
      store.find(COMPANIES, filter, { sort: SORTS[sort], skip: (page - 1) * pageSize, limit: pageSize }),
      store.count(COMPANIES, filter),
    ]);
    return { items: items.map((doc) => view(doc, today)), total, page, pageSize };
  });

  app.get('/api/companies/export.csv', { schema: { tags, summary: '会社一覧のCSV（Excel で開けるUTF-8 BOM付き）', querystring: CompanyExportQuery } }, async (request, reply) => {
    await awaitPosition(deps.readModels, request, companyProjection.name);
    const store = storeFor(deps.readModels, request);
    const today = businessDateOf(request, deps.clock);
    const docs = await allRows(store, COMPANIES, companyFilter(request.query, today), SORTS[request.query.sort ?? 'kana']);
    return download(reply, { body: companyListCsv(docs.map((doc) => view(doc, today))), contentType: 'text/csv; charset=utf-8', filename: '会社一覧.csv' });
  });

  app.get('/api/companies/:id', { schema: { tags, summary: '会社詳細', params: IdParams, response: { 200: CompanyView } } }, async (request) => {
    await awaitPosition(deps.readModels, request, companyProjection.name);
    const store = storeFor(deps.readModels, request);
    const doc = await store.get(COMPANIES, request.params.id);
    if (!doc) throw new DomainError('not_found', '会社が見つかりません。');
    return view(doc, businessDateOf(request, deps.clock));
  });
}
