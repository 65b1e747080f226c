import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import { AbolishCompany, ChangeCreditLimit, CompanyFields, RecordAntiSocialCheck } from '@sss/contracts/company/schemas';
import { todayInJapan } from '@sss/contracts/domain/dates';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { withUniqueKey } from '../kernel/unique-key.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { companyDecider, type CompanyCommand } from './decider.ts';

export interface CompanyRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
}

const tags = ['会社'];

export async function companyRoutes(fastify: FastifyInstance, deps: CompanyRouteDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;
  const today = () => todayInJapan(deps.clock());
  const accepted = { 200: CommandAccepted, 201: CommandAccepted };

  const companies = commandHandlerFor({ store: events, decider: companyDecider, stream: streams.company, mustExist: (command) => command.type !== 'RegisterCompany' });

  app.post('/api/companies', { schema: { tags, summary: '会社を登録する', body: CompanyFields, response: accepted } }, async (request, reply) => {
    const companyId = uuidv7();
    const command: CompanyCommand = { type: 'RegisterCompany', companyId, fields: request.body, today: today() };
    const code = { scope: 'company-code', value: request.body.code.trim(), owner: companyId, ownerStream: streams.company, field: 'code', label: '会社コード' };
    // The code is claimed only once the registration is decided and about to be appended.
    return answerCommand(events, request, reply, companyId, (context) => withUniqueKey(events, code, context, (claiming) => companies.run(companyId, command, claiming)), 201);
  });

  app.put('/api/companies/:id', { schema: { tags, summary: '会社を編集する', params: IdParams, body: CompanyFields, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => companies.run(id, { type: 'EditCompany', fields: request.body, today: today() }, context, expectedRevisionOf(request)));
  });

  app.post('/api/companies/:id/anti-social-checks', { schema: { tags, summary: '反社チェックを記録する', params: IdParams, body: RecordAntiSocialCheck, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      companies.run(id, { type: 'RecordAntiSocialCheck', check: request.body, checkedBy: context.actor, today: today() }, context, expectedRevisionOf(request)));
  });

  app.post('/api/companies/:id/credit-limit', { schema: { tags, summary: '与信限度額を変更する', params: IdParams, body: ChangeCreditLimit, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      companies.run(id, { type: 'ChangeCreditLimit', change: request.body, changedBy: context.actor, today: today() }, context, expectedRevisionOf(request)));
  });

  app.post('/api/companies/:id/abolish', { schema: { tags, summary: '会社を廃止する', params: IdParams, body: AbolishCompany, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => companies.run(id, { type: 'AbolishCompany', abolish: request.body }, context, expectedRevisionOf(request)));
  });

  app.get('/api/companies/:id/history', { schema: { tags, summary: '会社の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, companies.streamName(request.params.id)));
}
