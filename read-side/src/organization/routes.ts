import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { IdParams } from '@sss/contracts/common';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { foldForSearch, searchKeyOf } from '@sss/contracts/domain/search-key';
import { DomainError } from '@sss/contracts/http/problem';
import { AsOfQuery, OrgDraftView, OrgTreeQuery, OrgTree, OrgUnitView, ReorganizationList } from '@sss/contracts/organization/schemas';
import { isActiveOn, pathOn, versionOn, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { publicDoc } from '../http/query-helpers.ts';
import { DRAFT_ID, ORG_DRAFT, ORG_REORGANIZATIONS, ORG_UNITS, organizationProjection } from './projection.ts';

/**
 * The org tree as of any date (default: today in Japan). A whole company's tree is a few hundred
 * documents, so the as-of view is computed from the timelines in memory rather than indexed.
 */
export interface OrganizationQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

const tags = ['組織'];

function viewOn(units: ReadonlyMap<string, OrgUnitTimeline>, unit: OrgUnitTimeline, date: string): OrgUnitView | null {
  const version = versionOn(unit, date);
  if (!version) return null;
  const { from, to: _to, ...attributes } = version;
  return { id: unit.unitId, ...attributes, establishedOn: unit.establishedOn, dissolvedOn: unit.dissolvedOn, active: isActiveOn(unit, date), path: pathOn(units, unit.unitId, date), versionFrom: from };
}

export async function organizationQueries(fastify: FastifyInstance, deps: OrganizationQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  const timelines = async (store: ReadStore) => new Map((await store.find(ORG_UNITS)).map((doc) => [doc._id, doc.timeline as OrgUnitTimeline]));
  const revision = async (store: ReadStore) => ((await store.get(ORG_DRAFT, DRAFT_ID))?.revision as string | undefined) ?? '-1';

  app.get('/api/org-units', { schema: { tags, summary: '組織ツリー（基準日時点、検索語で絞り込み）', querystring: OrgTreeQuery, response: { 200: OrgTree } } }, async (request) => {
    await awaitPosition(deps.readModels, request, organizationProjection.name);
    const store = storeFor(deps.readModels, request);
    const asOf = businessDateOf(request, deps.clock);
    const activeOnly = request.query.activeOnly ?? true;
    const query = foldForSearch(request.query.q ?? '');
    const units = await timelines(store);
    const views = [...units.values()]
      .map((unit) => viewOn(units, unit, asOf))
      .filter((view): view is OrgUnitView => view !== null && (view.active || !activeOnly))
      // names are versioned by date, so the key is folded per answer rather than stored (a few hundred units)
      .filter((view) => !query || searchKeyOf(view.name, view.kana, view.code, ...view.path).includes(query))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    return { asOf, revision: await revision(store), units: views };
  });

  app.get('/api/org-units/:id', { schema: { tags, summary: '組織（基準日時点）', params: IdParams, querystring: AsOfQuery, response: { 200: OrgUnitView } } }, async (request) => {
    await awaitPosition(deps.readModels, request, organizationProjection.name);
    const store = storeFor(deps.readModels, request);
    const asOf = businessDateOf(request, deps.clock);
    const units = await timelines(store);
    const unit = units.get(request.params.id);
    if (!unit) throw new DomainError('not_found', '組織が見つかりません。');
    const view = viewOn(units, unit, asOf);
    if (!view) throw DomainError.field('not_found', 'asOf', `この組織は${asOf}時点ではまだ設立されていません（設立日 ${unit.establishedOn}）。`);
    return view;
  });

  app.get('/api/org-draft', { schema: { tags, summary: '組織改編の下書き', response: { 200: OrgDraftView } } }, async (request) => {
    await awaitPosition(deps.readModels, request, organizationProjection.name);
    const store = storeFor(deps.readModels, request);
    const draft = await store.get(ORG_DRAFT, DRAFT_ID);
    return draft ? (publicDoc(draft) as OrgDraftView) : { revision: '-1', lastEffectiveDate: null, changes: [] };
  });

  app.get('/api/org-reorganizations', { schema: { tags, summary: '組織改編の一覧', response: { 200: ReorganizationList } } }, async (request) => {
    await awaitPosition(deps.readModels, request, organizationProjection.name);
    const store = storeFor(deps.readModels, request);
    const items = await store.find(ORG_REORGANIZATIONS, {}, { sort: { effectiveDate: -1 } });
    return { items: items.map((doc) => publicDoc(doc) as Static<typeof ReorganizationList>['items'][number]) };
  });
}
