import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History } from '@sss/contracts/common';
import { ChangeIdParams, ConfirmOrgChanges, StageOrgChange, type OrgChange } from '@sss/contracts/organization/schemas';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { organizationDecider } from './decider.ts';

/**
 * 組織改編: changes go into one shared draft, then one confirm applies them at an effective date.
 * Confirm honours If-Match, so an admin confirms exactly the draft they reviewed.
 */
export interface OrganizationRouteDeps {
  readonly events: EventStore;
}

const tags = ['組織'];

export async function organizationRoutes(fastify: FastifyInstance, deps: OrganizationRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const accepted = { 200: CommandAccepted, 201: CommandAccepted };
  // The whole organization is one stream, whose id is always 'main'.
  const organization = commandHandlerFor({ store: events, decider: organizationDecider, stream: (_id: 'main') => streams.organization });

  app.post('/api/org-draft/changes', { schema: { tags, summary: '組織の変更を下書きに追加する', body: StageOrgChange, response: accepted } }, async (request, reply) => {
    // A create's change id is also the new unit's id, so the answer tells the client both.
    const changeId = uuidv7();
    const body = request.body;
    const change: OrgChange = body.kind === 'create' ? { ...body, code: body.code.trim(), name: body.name.trim(), kana: body.kana.trim(), unitId: changeId } : body;
    return answerCommand(events, request, reply, changeId, (context) => organization.run('main', { type: 'StageOrgChange', changeId, change }, context), 201);
  });

  app.post('/api/org-draft/changes/:changeId/withdraw', { schema: { tags, summary: '下書きの変更を取り消す', params: ChangeIdParams, response: accepted } }, async (request, reply) =>
    answerCommand(events, request, reply, request.params.changeId, (context) => organization.run('main', { type: 'WithdrawOrgChange', changeId: request.params.changeId }, context)));

  app.post('/api/org-draft/discard', { schema: { tags, summary: '下書きを破棄する', response: accepted } }, async (request, reply) =>
    answerCommand(events, request, reply, 'main', (context) => organization.run('main', { type: 'DiscardOrgDraft' }, context)));

  app.post('/api/org-draft/confirm', { schema: { tags, summary: '下書きを適用日付で確定する（組織改編）', body: ConfirmOrgChanges, response: accepted } }, async (request, reply) => {
    const reorganizationId = uuidv7();
    return answerCommand(events, request, reply, reorganizationId, (context) =>
      organization.run('main', { type: 'ConfirmOrgChanges', reorganizationId, effectiveDate: request.body.effectiveDate, note: request.body.note?.trim() ?? '' }, context, expectedRevisionOf(request)));
  });

  app.get('/api/organization/history', { schema: { tags, summary: '組織の変更履歴（イベント）', response: { 200: History } } }, async () => streamHistory(events, streams.organization));
}
