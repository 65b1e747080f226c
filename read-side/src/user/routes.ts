import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import { versionOn, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';
import { UserList, UserListQuery, UserView } from '@sss/contracts/user/schemas';
import type { Filter, ReadStore } from '@sss/contracts/ports/read-store';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { publicDoc, searchFilter } from '../http/query-helpers.ts';
import { ORG_UNITS } from '../organization/projection.ts';
import { USERS, userProjection } from './projection.ts';

/** Users for administrators, each with the name its org unit has today. */
export interface UserQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

export async function userQueries(fastify: FastifyInstance, deps: UserQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['認証・ユーザー'];

  const unitName = async (store: ReadStore, orgUnitId: unknown, today: string) => {
    if (typeof orgUnitId !== 'string') return null;
    const doc = await store.get(ORG_UNITS, orgUnitId);
    return doc ? (versionOn(doc.timeline as OrgUnitTimeline, today)?.name ?? null) : null;
  };
  // documents projected before sign-ins were recorded have no lastSignIn fields
  const view = async (store: ReadStore, doc: Record<string, unknown>, today: string) =>
    ({ lastSignInAt: null, lastSignInVia: null, ...publicDoc(doc), orgUnitName: await unitName(store, doc.orgUnitId, today) }) as UserView;

  app.get('/api/users', { schema: { tags, summary: 'ユーザー一覧', querystring: UserListQuery, response: { 200: UserList } } }, async (request) => {
    await awaitPosition(deps.readModels, request, userProjection.name);
    const store = storeFor(deps.readModels, request);
    const { q, active } = request.query;
    const and: Filter[] = [];
    const search = searchFilter(q);
    if (search) and.push(search);
    if (active !== undefined) and.push({ active });
    const today = businessDateOf(request, deps.clock);
    const docs = await store.find(USERS, and.length ? { $and: and } : {}, { sort: { email: 1 } });
    return { items: await Promise.all(docs.map((doc) => view(store, doc, today))) };
  });

  app.get('/api/users/:id', { schema: { tags, summary: 'ユーザー詳細', params: IdParams, response: { 200: UserView } } }, async (request) => {
    await awaitPosition(deps.readModels, request, userProjection.name);
    const store = storeFor(deps.readModels, request);
    const doc = await store.get(USERS, request.params.id);
    if (!doc) throw new DomainError('not_found', 'ユーザーが見つかりません。');
    return view(store, doc, businessDateOf(request, deps.clock));
  });
}
