import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Doc, Filter } from '@sss/contracts/ports/read-store';
import { IdParams } from '@sss/contracts/common';
import { RingiDetailView, RingiListQuery, RingiPage, type RingiDetailView as Detail, type RingiSummaryView } from '@sss/contracts/ringi/views';
import { DomainError } from '@sss/contracts/http/problem';
import { sessionOf } from '@sss/http-kit/server-kit';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { storeFor } from '../http/as-of.ts';
import { RINGIS, ringiProjection } from './projection.ts';

export interface RingiQueryDeps {
  readonly readModels: ReadModels;
}

const summary = (d: Doc): RingiSummaryView => ({
  id: d.id as string, kind: d.kind as RingiSummaryView['kind'], status: d.status as RingiSummaryView['status'], title: d.title as string,
  projectId: d.projectId as string, projectNumber: d.projectNumber as string, projectName: d.projectName as string, month: (d.month as string | null) ?? null,
  requestedBy: d.requestedBy as string, applicant: d.applicant as string, requestedAt: d.requestedAt as string, documentId: (d.documentId as number | null) ?? null,
  documentNumber: d.documentNumber as string, link: d.link as string, waitingFor: d.waitingFor as string[], stuck: (d.stuck as string | null) ?? null, effect: (d.effect as string | null) ?? null,
  failures: d.failures as number, updatedAt: d.updatedAt as string,
});

export async function ringiQueries(fastify: FastifyInstance, deps: RingiQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['稟議'];

  app.get('/api/ringis', { schema: { tags, summary: '稟議一覧（自分の申請・承認待ち・状態別）', querystring: RingiListQuery, response: { 200: RingiPage } } }, async (request) => {
    await awaitPosition(deps.readModels, request, ringiProjection.name);
    const store = storeFor(deps.readModels, request);
    const { view = 'all', status, kind, projectId, page = 1, pageSize = 20 } = request.query;
    const and: Filter[] = [];
    if (view === 'mine') and.push({ requestedBy: sessionOf(request).sub });
    if (view === 'waiting') and.push({ status: { $in: ['filing', 'in_flow'] } });
    if (status) and.push({ status });
    if (kind) and.push({ kind });
    if (projectId) and.push({ projectId });
    const filter = and.length ? { $and: and } : {};
    const [items, total] = await Promise.all([
      store.find(RINGIS, filter, { sort: { requestedAt: -1 }, skip: (page - 1) * pageSize, limit: pageSize }),
      store.count(RINGIS, filter),
    ]);
    return { items: items.map(summary), total, page, pageSize };
  });

  app.get('/api/ringis/:id', { schema: { tags, summary: '稟議の経過（承認者ごとの判断とコメント、再試行、結果）', params: IdParams, response: { 200: RingiDetailView } } }, async (request): Promise<Detail> => {
    await awaitPosition(deps.readModels, request, ringiProjection.name);
    const store = storeFor(deps.readModels, request);
    const doc = await store.get(RINGIS, request.params.id);
    if (!doc) throw new DomainError('not_found', '稟議が見つかりません。');
    return { ...summary(doc), approvers: doc.approvers as Detail['approvers'], timeline: doc.timeline as Detail['timeline'] };
  });
}
