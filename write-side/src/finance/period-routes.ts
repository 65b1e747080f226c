import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, History } from '@sss/contracts/common';
import { CloseMonth, PeriodParams, ReopenMonth } from '@sss/contracts/finance/period-schemas';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand, expectedRevisionOf } from '../http/command-route.ts';
import { streamHistory } from '../http/history-route.ts';
import { accountingPeriodDecider } from './accounting-period-decider.ts';

const tags = ['月次締め'];

/**
 * 月次締め (docs/finance.md §Month-end close). Each command appends to the month's period stream with
 * the revision it read (If-Match when the screen sends it), so two people closing and reopening the
 * same month at once cannot both win against a state they did not see.
 */
export async function periodRoutes(fastify: FastifyInstance, deps: { readonly events: EventStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const periods = commandHandlerFor({ store: deps.events, decider: accountingPeriodDecider, stream: streams.accountingPeriod });

  app.post('/api/accounting-periods/:month/close', { schema: { tags, summary: '月を締める（以後、その月の売上実績・請求書・入金は変更できない）', params: PeriodParams, body: CloseMonth, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const { month } = request.params;
    return answerCommand(deps.events, request, reply, month, (context) => periods.run(month, { type: 'CloseMonth', month }, context, expectedRevisionOf(request)));
  });

  app.post('/api/accounting-periods/:month/reopen', { schema: { tags, summary: '月次締めを解除する（理由必須）', params: PeriodParams, body: ReopenMonth, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const { month } = request.params;
    return answerCommand(deps.events, request, reply, month, (context) => periods.run(month, { type: 'ReopenMonth', month, reason: request.body.reason }, context, expectedRevisionOf(request)));
  });

  app.get('/api/accounting-periods/:month/history', { schema: { tags, summary: '月次締めの履歴（イベント）', params: PeriodParams, response: { 200: History } } }, async (request) =>
    streamHistory(deps.events, streams.accountingPeriod(request.params.month)));
}
