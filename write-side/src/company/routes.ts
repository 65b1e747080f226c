import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History, IdParams } from '@sss/contracts/common';
import { AbolishCompany, ChangeCreditLimit, CompanyFields, RecordAntiSocialCheck } from '@sss/contracts/company/schemas';
import { todayInJapan } from '@sss/contracts/domain/dates';
import { DomainError } from '@sss/contracts/http/problem';
import { handleCommand } from '../kernel/command-handler.ts';
import { reserveUniqueKey } from '../kernel/unique-key.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { companyDecider, type CompanyCommand } from './decider.ts';

export const companyStream = (id: string) => `company-${id}`;

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

  const run = (id: string, command: CompanyCommand, expectedRevision: bigint | undefined, context: Parameters<typeof handleCommand>[1]['context'], mustExist = true) =>
    handleCommand(events, { streamName: companyStream(id), decider: companyDecider, command, context, mustExist, ...(expectedRevision !== undefined ? { expectedRevision } : {}) });

  app.post('/api/companies', { schema: { tags, summary: '会社を登録する', body: CompanyFields, response: accepted } }, async (request, reply) => {
    const companyId = uuidv7();
    const command: CompanyCommand = { type: 'RegisterCompany', companyId, fields: request.body, today: today() };
    return answerCommand(events, request, reply, companyId, async (context) => {
      // Refuse bad input before claiming the code, so a refused registration leaves no trace.
      const verdict = companyDecider.decide(command, companyDecider.initialState);
      if (verdict instanceof DomainError) throw verdict;
      await reserveUniqueKey(events, { scope: 'company-code', value: request.body.code.trim(), owner: companyId, ownerStream: companyStream, field: 'code', label: '会社コード' }, context);
      return run(companyId, command, undefined, context, false);
    }, 201);
  });

  app.put('/api/companies/:id', { schema: { tags, summary: '会社を編集する', params: IdParams, body: CompanyFields, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => run(id, { type: 'EditCompany', fields: request.body, today: today() }, expectedRevisionOf(request), context));
  });

  app.post('/api/companies/:id/anti-social-checks', { schema: { tags, summary: '反社チェックを記録する', params: IdParams, body: RecordAntiSocialCheck, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      run(id, { type: 'RecordAntiSocialCheck', check: request.body, checkedBy: context.actor, today: today() }, expectedRevisionOf(request), context));
  });

  app.post('/api/companies/:id/credit-limit', { schema: { tags, summary: '与信限度額を変更する', params: IdParams, body: ChangeCreditLimit, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) =>
      run(id, { type: 'ChangeCreditLimit', change: request.body, changedBy: context.actor, today: today() }, expectedRevisionOf(request), context));
  });

  app.post('/api/companies/:id/abolish', { schema: { tags, summary: '会社を廃止する', params: IdParams, body: AbolishCompany, response: accepted } }, async (request, reply) => {
    const { id } = request.params;
    return answerCommand(events, request, reply, id, (context) => run(id, { type: 'AbolishCompany', abolish: request.body }, expectedRevisionOf(request), context));
  });

  app.get('/api/companies/:id/history', { schema: { tags, summary: '会社の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, companyStream(request.params.id)));
}
