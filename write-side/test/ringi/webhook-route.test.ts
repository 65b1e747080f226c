import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { parseCollaboflowWebhook } from '../../src/ringi/collaboflow-client.ts';
import { collaboflowWebhookRoutes } from '../../src/ringi/webhook-route.ts';

/** The webhook's content type is unpublished: a form-encoded notification reads like a JSON one. */
test('a form-encoded webhook is read, not refused as an unsupported media type', async () => {
  const app = Fastify();
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'webhook-route-')), 'events.db'));
  await app.register(collaboflowWebhookRoutes, { events, clock: () => new Date(), parse: (body: unknown) => parseCollaboflowWebhook(body, 'fid_ref') });
  const payload = { id: 'n1', flow_status: 'flow', action_type: 'accept', process_id: 101, document_id: 5, contents: { fid_ref: { value: 'not-ours' } } };
  const form = new URLSearchParams({ ...Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)])) });
  const asForm = await app.inject({ method: 'POST', url: '/api/webhooks/collaboflow', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
  assert.is(asForm.statusCode, 202, asForm.body);
  assert.equal(asForm.json(), { accepted: false }); // not one of our keys: acknowledged and dropped
  const asJson = await app.inject({ method: 'POST', url: '/api/webhooks/collaboflow', payload });
  assert.is(asJson.statusCode, 202);
  await app.close();
});

test.run();
