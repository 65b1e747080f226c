import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { WorkflowPort } from '@sss/contracts/ports/workflow';
import { CollaboflowClient } from '@sss/write-side/ringi/collaboflow-client';
import { startRingiProcessManager } from '@sss/write-side/ringi/process-manager';
import { DEFAULT_ROUTES } from '../../src/main/collaboflow-settings.ts';
import type { RingiWorld } from '../support/ringi.ts';
import { decide, documentIdOf, faults, newProject, outcomeOf, projectStatus, request, ringiEvents, simDocuments, startRingiWorld, userIdOf, waitFor } from '../support/ringi.ts';
import { as, DEMO, login } from '../support/sss.ts';

/**
 * Whatever CollaboFlow or the network does, each 稟議 ends with exactly one document and the right
 * state on the project: outages and 500s, an answer lost after the draft was saved, the manager
 * dying between steps, and webhooks that repeat, vanish, come out of order or are forged.
 */
const test = suite<{ world: RingiWorld; sato: string }>('ringi faults');

test.before(async (context) => {
  context.world = await startRingiWorld();
  context.sato = await userIdOf(context.world.sss, DEMO.sales);
});
test.after.each(async ({ world }) => faults(world, null));
test.after(async ({ world }) => world.stop());

async function documentsFor(world: RingiWorld, ringiId: string) {
  return (await simDocuments(world)).filter((d) => JSON.stringify(d.values).includes(ringiId));
}

async function approve(world: RingiWorld, ringiId: string): Promise<void> {
  const doc = await documentIdOf(world.sss, ringiId);
  await decide(world, 'takahashi', doc, { action: 'accept' });
  await decide(world, 'watanabe', doc, { action: 'accept' });
}

async function countOf(world: RingiWorld, stream: string, type: string): Promise<number> {
  return (await world.sss.events.readStream(stream)).filter((e) => e.type === type).length;
}

test('CollaboFlow down for a while (503s): retries back off, then files once', async ({ world, sato }) => {
  // Saving drafts and reading documents both fail (each call is retried by the client too, so a few rounds of the manager).
  await faults(world, { http: [{ method: 'POST', path: '/documents', times: 6, status: 503 }, { method: 'GET', path: '/mydrafts', times: 6, status: 503 }] });
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  await waitFor('a recorded failure', async () => (await ringiEvents(world.sss, ringiId)).some((e) => e.type === 'RingiAttemptFailed'));
  await approve(world, ringiId);
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'approved');
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');
  assert.is((await documentsFor(world, ringiId)).length, 1);
});

test('timeout after the draft was saved: the draft is found again, not filed twice', async ({ world, sato }) => {
  // The answer to the draft POST is held past the client's timeout (1.5 s) after the work was done.
  await faults(world, { http: [{ method: 'POST', path: '/documents', times: 1, delayMs: 2500, when: 'after' }] });
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  await approve(world, ringiId);
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'approved');
  assert.is((await documentsFor(world, ringiId)).length, 1);
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');
});

test('duplicated webhooks are recorded once and change the project once', async ({ world, sato }) => {
  await faults(world, { webhooks: { duplicate: 20 } });
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  await approve(world, ringiId);
  await outcomeOf(world.sss, ringiId);
  const received = (await ringiEvents(world.sss, ringiId)).filter((e) => e.type === 'RingiWebhookReceived').map((e) => (e.data as { notificationId: string }).notificationId);
  assert.is(new Set(received).size, received.length, 'no notification recorded twice');
  assert.is(await countOf(world, `project-${projectId}`, 'ProjectApprovalGranted'), 1);
  assert.is((await documentsFor(world, ringiId)).length, 1);
});

test('lost webhooks: polling learns the outcome', async ({ world, sato }) => {
  await faults(world, { webhooks: { drop: 50 } });
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  await approve(world, ringiId);
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'approved');
  assert.not.ok((await ringiEvents(world.sss, ringiId)).some((e) => e.type === 'RingiWebhookReceived'), 'no webhook arrived');
  assert.is(await projectStatus(world.sss, projectId), 'estimate_approved');
});

test('webhooks out of order: the document, not the order of arrival, decides', async ({ world, sato }) => {
  const projectId = await newProject(world.sss, sato);
  const ringiId = await request(world.sss, projectId, 'estimate', sato);
  const doc = await documentIdOf(world.sss, ringiId);
  await faults(world, { webhooks: { reorder: 4 } });
  await decide(world, 'takahashi', doc, { action: 'accept' });
  await decide(world, 'watanabe', doc, { action: 'reject', comment: '見積条件を再確認してください' });
  await fetch(`${world.simUrl}/_sim/${world.instance}/webhooks/release`, { method: 'POST' });
  assert.is((await outcomeOf(world.sss, ringiId)).outcome, 'rejected');
  assert.is(await projectStatus(world.sss, projectId), 'proposing');
  assert.is(await countOf(world, `project-${projectId}`, 'ProjectApprovalRejected'), 1);
});

test('a forged or unauthenticated webhook changes nothing on the project', async ({ world, sato }) => {
  const { sss } = world;
  const projectId = await newProject(sss, sato);
  const ringiId = await request(sss, projectId, 'estimate', sato);
  const doc = await documentIdOf(sss, ringiId);
  const forged = (over: Record<string, unknown>) => ({
    id: `forged-${Math.random()}`, flow_status: 'decision', action_type: 'end', process_id: 101, document_id: doc, document_number: 'RINGI2026-999999',
    contents: { fidSssKey: { type: 'text', value: ringiId } }, ...over,
  });
  const post = (body: unknown) => sss.app.inject({ method: 'POST', url: '/api/webhooks/collaboflow', payload: body as Record<string, unknown> });
  // Claims the document was decided: recorded as a hint, then the manager reads the document (still in flow).
  assert.is((await post(forged({}))).statusCode, 202);
  // Another document, an unknown key, and garbage: dropped or refused.
  assert.equal((await post(forged({ document_id: doc + 9999 }))).json(), { accepted: false });
  assert.equal((await post(forged({ contents: { fidSssKey: { value: '0190aaaa-0000-7000-8000-000000000000' } } }))).json(), { accepted: false });
  assert.is((await post({ hello: 'world' })).statusCode, 400);
  await waitFor('the hint to be checked against the document', async () => (await ringiEvents(sss, ringiId)).filter((e) => e.type === 'RingiStatusConfirmed').length >= 2);
  await new Promise((r) => setTimeout(r, 500));
  assert.is(await projectStatus(sss, projectId), 'estimate_in_ringi');
  assert.not.ok((await ringiEvents(sss, ringiId)).some((e) => e.type === 'RingiOutcomeApplied'));
  assert.is((await documentsFor(world, ringiId))[0]!.status, 'flow');
});

test('a refusal that waiting cannot fix shows 滞留 and stops; 営業管理 asks for a retry and it files once', async ({ world, sato }) => {
  const { sss } = world;
  await faults(world, { http: [{ method: 'POST', path: '/documents', times: 1, status: 400 }] });
  const projectId = await newProject(sss, sato);
  const ringiId = await request(sss, projectId, 'estimate', sato);
  await waitFor('滞留', async () => (await ringiEvents(sss, ringiId)).some((e) => e.type === 'RingiStuck'));
  await new Promise((r) => setTimeout(r, 800));
  assert.is((await ringiEvents(sss, ringiId)).filter((e) => e.type === 'RingiAttemptFailed').length, 1, 'no retry on its own');
  const nobody = await login(sss, DEMO.sales);
  assert.is((await as(sss, nobody)({ method: 'POST', url: `/api/ringis/${ringiId}/retry`, headers: { 'idempotency-key': `r-${ringiId}-x` } })).statusCode, 403);
  const salesAdmin = await login(sss, DEMO.salesAdmin);
  const retried = await as(sss, salesAdmin)({ method: 'POST', url: `/api/ringis/${ringiId}/retry`, headers: { 'idempotency-key': `r-${ringiId}` } });
  assert.is(retried.statusCode, 200, retried.body);
  await approve(world, ringiId);
  assert.is((await outcomeOf(sss, ringiId)).outcome, 'approved');
  assert.is((await documentsFor(world, ringiId)).length, 1);
});

// Last: it replaces the built-in manager.
test('the manager dies after saving the draft, before recording it; a new one finishes the filing', async ({ world, sato }) => {
  const { sss } = world;
  await sss.ringi.manager.stop();
  const client = new CollaboflowClient({ baseUrl: world.simUrl, instance: world.instance, apiKey: world.apiKey, timeoutMs: 1500 });
  let died = false;
  // The first manager's CollaboFlow call succeeds, then the process "dies" before it can record the draft.
  const dying: WorkflowPort = Object.assign(Object.create(client) as WorkflowPort, {
    createDraft: async (...args: Parameters<WorkflowPort['createDraft']>) => {
      await client.createDraft(...args);
      died = true;
      return new Promise<never>(() => {}); // the process is gone: nothing after this line ever runs
    },
  });
  const first = await startRingiProcessManager({ events: sss.events, workflow: dying, routes: DEFAULT_ROUTES, timers: { retryBaseMs: 60_000, tickMs: 100 } });
  const projectId = await newProject(sss, sato);
  const ringiId = await request(sss, projectId, 'estimate', sato);
  await waitFor('the draft to be saved', async () => died);
  await first.stop();
  assert.is((await documentsFor(world, ringiId)).length, 1, 'a draft exists in CollaboFlow');
  assert.not.ok((await ringiEvents(sss, ringiId)).some((e) => e.type === 'RingiDraftFiled'), 'but SSS never recorded it');

  const second = await startRingiProcessManager({ events: sss.events, workflow: client, routes: DEFAULT_ROUTES, timers: { retryBaseMs: 100, pollBaseMs: 300, tickMs: 100 } });
  try {
    await approve(world, ringiId);
    assert.is((await outcomeOf(sss, ringiId)).outcome, 'approved');
  } finally {
    await second.stop();
  }
  const docs = await documentsFor(world, ringiId);
  assert.is(docs.length, 1, 'still one document');
  assert.is(docs[0]!.status, 'decision');
  assert.is(await projectStatus(sss, projectId), 'estimate_approved');
});

test.run();
