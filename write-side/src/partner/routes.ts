import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import { PartnerFields, RegisterPartner, RetirePartner, SetPartnerAffiliations } from '@sss/contracts/partner/schemas';
import { todayInJapan } from '@sss/contracts/domain/dates';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { partnerDecider } from './decider.ts';
import { readCompanyCopies } from './company-copy.ts';

export interface PartnerRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
}

const tags = ['パートナー要員'];

export async function partnerRoutes(fastify: FastifyInstance, deps: PartnerRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const today = () => todayInJapan(deps.clock());
  const accepted = { 200: CommandAccepted, 201: CommandAccepted };

  const partners = commandHandlerFor({ store: events, decider: partnerDecider, stream: streams.partner, mustExist: (command) => command.type !== 'RegisterPartner' });

  app.post('/api/partners', { schema: { tags, summary: 'パートナー要員を登録する', body: RegisterPartner, response: accepted } }, async (request, reply) => {
    const partnerId = uuidv7();
    const { companyIds = [], ...fields } = request.body;
    return answerCommand(events, request, reply, partnerId, async (context) => {
      const companies = await readCompanyCopies(events, companyIds);
      return partners.run(partnerId, { type: 'RegisterPartner', partnerId, fields, companyIds, companies, today: today() }, context);
    }, 201);
  });

  app.put('/api/partners/:id', { schema: { tags, summary: 'パートナー要員を編集する', params: IdParams, body: PartnerFields, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => partners.run(id, { type: 'EditPartner', fields: request.body, today: today() }, context, expectedRevisionOf(request)));
  });

  app.put('/api/partners/:id/affiliations', { schema: { tags, summary: '所属会社を設定する', params: IdParams, body: SetPartnerAffiliations, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, async (context) => {
      const companies = await readCompanyCopies(events, request.body.companyIds);
      return partners.run(id, { type: 'SetPartnerAffiliations', companyIds: request.body.companyIds, companies }, context, expectedRevisionOf(request));
    });
  });

  app.post('/api/partners/:id/retire', { schema: { tags, summary: 'パートナー要員を廃止する', params: IdParams, body: RetirePartner, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => partners.run(id, { type: 'RetirePartner', retire: request.body }, context, expectedRevisionOf(request)));
  });

  app.get('/api/partners/:id/history', { schema: { tags, summary: 'パートナー要員の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, partners.streamName(request.params.id)));
}

