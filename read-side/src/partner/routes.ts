import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Doc, Filter, ReadStore, SortSpec } from '@sss/contracts/ports/read-store';
import { IdParams } from '@sss/contracts/common';
import { PartnerCompanyOptions, PartnerCompanyQuery, PartnerListQuery, PartnerPage, PartnerView, type PartnerAffiliationView, type PartnerSortKeys } from '@sss/contracts/partner/schemas';
import { DomainError } from '@sss/contracts/http/problem';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { searchFilter } from '../http/query-helpers.ts';
import { PARTNER_COMPANIES, PARTNERS, partnerProjection } from './projection.ts';

export interface PartnerQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

const SORTS: Record<(typeof PartnerSortKeys)[number], SortSpec> = {
  kana: { kana: 1 }, '-kana': { kana: -1 }, name: { name: 1 }, '-name': { name: -1 }, registeredOn: { registeredOn: 1 }, '-registeredOn': { registeredOn: -1 },
};

export async function partnerQueries(fastify: FastifyInstance, deps: PartnerQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['パートナー要員'];

  /** Company names come from the partner context's copy, looked up once per page. */
  async function views(store: ReadStore, docs: Doc[], today: string): Promise<PartnerView[]> {
    const ids = [...new Set(docs.flatMap((doc) => doc.companyIds as string[]))];
    const companies = new Map((ids.length ? await store.find(PARTNER_COMPANIES, { _id: { $in: ids } }) : []).map((c) => [c._id, c]));
    return docs.map((doc) => {
      const retiredOn = doc.retiredOn as string | null;
      const affiliations: PartnerAffiliationView[] = (doc.companyIds as string[]).map((companyId) => {
        const company = companies.get(companyId);
        const abolishedOn = company?.abolishedOn as string | null | undefined;
        return { companyId, code: (company?.code as string) ?? '', name: (company?.name as string) ?? companyId, formalName: (company?.formalName as string) ?? '', companyAbolished: !!abolishedOn && abolishedOn <= today };
      });
      return {
        id: doc.id as string, revision: doc.revision as string, name: doc.name as string, kana: doc.kana as string,
        registeredOn: doc.registeredOn as string, retiredOn, active: !retiredOn || retiredOn > today, affiliations, updatedAt: doc.updatedAt as string,
      };
    });
  }

  app.get('/api/partners', { schema: { tags, summary: 'パートナー要員一覧', querystring: PartnerListQuery, response: { 200: PartnerPage } } }, async (request) => {
    await awaitPosition(deps.readModels, request, partnerProjection.name);
    const store = storeFor(deps.readModels, request);
    const { q, companyId, active, sort = 'kana', page = 1, pageSize = 20 } = request.query;
    const today = businessDateOf(request, deps.clock);
    const and: Filter[] = [];
    const search = searchFilter(q);
    if (search) {
      // by the partner's own name or kana, or by a company it belongs to (so 「ヤマダ」 finds 山田システムの要員)
      const companyIds = (await store.find(PARTNER_COMPANIES, search, { limit: 1000 })).map((c) => c._id);
      and.push(companyIds.length ? { $or: [search, { companyIds: { $in: companyIds } }] } : search);
    }
    if (companyId) and.push({ companyIds: companyId });
    if (active === true) and.push({ $or: [{ retiredOn: null }, { retiredOn: { $gt: today } }] });
    if (active === false) and.push({ retiredOn: { $lte: today } });
    const filter = and.length ? { $and: and } : {};
    const [items, total] = await Promise.all([
      store.find(PARTNERS, filter, { sort: SORTS[sort], skip: (page - 1) * pageSize, limit: pageSize }),
      store.count(PARTNERS, filter),
    ]);
    return { items: await views(store, items, today), total, page, pageSize };
  });

  app.get('/api/partners/:id', { schema: { tags, summary: 'パートナー要員詳細', params: IdParams, response: { 200: PartnerView } } }, async (request) => {
    await awaitPosition(deps.readModels, request, partnerProjection.name);
    const store = storeFor(deps.readModels, request);
    const doc = await store.get(PARTNERS, request.params.id);
    if (!doc) throw new DomainError('not_found', 'パートナー要員が見つかりません。');
    return (await views(store, [doc], businessDateOf(request, deps.clock)))[0]!;
  });

  app.get('/api/partner-companies', { schema: { tags, summary: '所属会社の候補（協力会社）', querystring: PartnerCompanyQuery, response: { 200: PartnerCompanyOptions } } }, async (request) => {
    await awaitPosition(deps.readModels, request, partnerProjection.name);
    const store = storeFor(deps.readModels, request);
    const today = businessDateOf(request, deps.clock);
    const search = searchFilter(request.query.q);
    const docs = await store.find(PARTNER_COMPANIES, search ? { $and: [{ isPartner: true }, search] } : { isPartner: true }, { sort: { code: 1 } });
    return { items: docs.map((d) => ({ id: d._id, code: d.code as string, name: d.name as string, formalName: d.formalName as string, abolished: !!d.abolishedOn && (d.abolishedOn as string) <= today })) };
  });
}
