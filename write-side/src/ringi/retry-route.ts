import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { CommandAccepted, IdParams } from '@sss/contracts/common';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { answerCommand } from '../http/command-route.ts';
import { ringiDecider } from './ringi-decider.ts';

/**
 * `POST /api/ringis/:id/retry`: after a 滞留 that waiting cannot fix (a refused account, a project
 * changed by hand), someone fixes the cause and asks the process manager to try again. It resumes
 * from the recorded step, so nothing already filed is filed again.
 */
export async function ringiRetryRoutes(fastify: FastifyInstance, deps: { events: EventStore; clock: () => Date }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ringis = commandHandlerFor({ store: deps.events, decider: ringiDecider, stream: streams.ringi, mustExist: true });
  app.post('/api/ringis/:id/retry', { schema: { tags: ['稟議'], summary: '滞留した稟議を再試行する', params: IdParams, response: { 200: CommandAccepted } } }, async (request, reply) => {
    const ringiId = request.params.id;
    return answerCommand(deps.events, request, reply, ringiId, (context) =>
      ringis.run(ringiId, { type: 'RequestRetry', data: { ringiId, by: context.actor, at: deps.clock().toISOString() } }, context),
    );
  });
}
