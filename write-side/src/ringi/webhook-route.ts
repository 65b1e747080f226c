import type { FastifyInstance } from 'fastify';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { WorkflowError, type WorkflowNotification } from '@sss/contracts/ports/workflow';
import { DomainError } from '@sss/contracts/http/problem';
import { streams } from '@sss/contracts/streams/names';
import { commandHandlerFor } from '../kernel/command-handler-for.ts';
import { ringiDecider } from './ringi-decider.ts';

/**
 * `POST /api/webhooks/collaboflow`: public, because CollaboFlow signs nothing. So it decides
 * nothing either: a notification for a 稟議 we filed, about the document we filed, is written to
 * that 稟議's inbox once (by notification id); the process manager then reads the document from
 * CollaboFlow and acts on what the document says. Anything else — unknown key, another document,
 * a repeat — is acknowledged and dropped, so a forger learns nothing and changes nothing.
 */

export interface WebhookRouteDeps {
  readonly events: EventStore;
  readonly clock: () => Date;
  /** The CollaboFlow client's webhook reader (the vendor's field names stay in that file). */
  readonly parse: (body: unknown) => WorkflowNotification;
}

/** Ringi ids are UUIDs; anything else in the correlation part cannot be ours. */
const RINGI_ID = /^[0-9a-f-]{36}$/i;

export async function receiveWorkflowNotification(deps: WebhookRouteDeps, notification: WorkflowNotification): Promise<boolean> {
  const ringiId = notification.correlationKey;
  if (!ringiId || !RINGI_ID.test(ringiId)) return false;
  const ringis = commandHandlerFor({ store: deps.events, decider: ringiDecider, stream: streams.ringi });
  const result = await ringis.run(
    ringiId,
    {
      type: 'RecordWebhook',
      documentId: notification.documentId,
      data: { ringiId, notificationId: notification.notificationId.slice(0, 200), action: notification.action, reportedStatus: notification.status, at: deps.clock().toISOString() },
    },
    { actor: 'system:collaboflow-webhook', correlationId: ringiId },
  );
  return result.events.length > 0;
}

export async function collaboflowWebhookRoutes(app: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  // The payload's content type is unpublished: accept form-encoded as well as JSON (this plugin only).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.post('/api/webhooks/collaboflow', { config: { externalCaller: true }, schema: { tags: ['稟議'], summary: 'コラボフローからの通知を受け取る（文書を読み直して確認するまで何も変えない）' } }, async (request, reply) => {
    let notification: WorkflowNotification;
    try {
      notification = deps.parse(request.body);
    } catch (error) {
      if (error instanceof WorkflowError) throw DomainError.field('validation_failed', 'body', 'コラボフローの通知として読めません。');
      throw error;
    }
    const recorded = await receiveWorkflowNotification(deps, notification);
    return reply.code(202).send({ accepted: recorded });
  });
}
