import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import type { Projection } from '@sss/read-side/projector/projection';
import { startReadModels, type ReadModels } from '@sss/read-side/projector/runtime';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { buildHttpApp, type HttpApp } from '../../src/main/http-app.ts';
import { createSubscriberRegistry, type RunningSubscriberRegistry } from '../../src/subscribers/registry.ts';

/**
 * `/readyz` tells the truth after start-up too: a projector that stops progressing while events
 * wait, or keeps failing, makes it 503 with a problem naming that projector and why; once it moves
 * again, 200. The projections here block or throw on a test hook, as a hung store or a poison event would.
 */

interface Context {
  events: EventStore;
  readModels: ReadModels;
  subscribers: RunningSubscriberRegistry;
  app: HttpApp;
  release: () => void;
  broken: { now: boolean };
}
const test = suite<Context>('readiness tells the truth');

const PROBE = 'ProbeRecorded';
const probe = (data: Record<string, boolean> = {}) => [{ type: PROBE, data, metadata: { actor: 'system:readiness-test', correlationId: 'readiness-test' } }];

test.before(async (context) => {
  const dir = mkdtempSync(join(tmpdir(), 'sss-readyz-'));
  context.events = openSqliteEventStore(join(dir, 'events.db'));
  const store = openEmbeddedReadStore(join(dir, 'read.db'));
  let gate: Promise<void> = Promise.resolve();
  context.release = () => {};
  context.broken = { now: false };
  const blocking: Projection = {
    name: 'blocking-probe',
    version: 1,
    collections: {},
    async project(event) {
      if (event.type === PROBE && (event.data as { block?: boolean }).block) await gate;
      return [];
    },
  };
  const failing: Projection = {
    name: 'failing-probe',
    version: 1,
    collections: {},
    project(event) {
      if (event.type === PROBE && (event.data as { poison?: boolean }).poison && context.broken.now) throw new Error('probe projection refuses this event');
      return [];
    },
  };
  context.subscribers = createSubscriberRegistry({ events: context.events, stallAfterMs: 1000 });
  context.readModels = await startReadModels(context.events, store, [blocking, failing], () => {}, context.subscribers);
  context.app = await buildHttpApp({ readModels: context.readModels, subscribers: context.subscribers, sessionSecret: 'readiness-test-secret', logLevel: 'silent', readyMaxLagSeconds: 60 });
  // The hook: the next blocking event waits until the test releases it.
  context.release = ((): (() => void) => {
    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));
    return () => open();
  })();
});

test.after(async ({ app, readModels, events }) => {
  await app.close();
  await readModels.stop();
  await events.close();
});

const readyz = (app: HttpApp) => app.inject({ method: 'GET', url: '/readyz' });

test('ready while every subscriber keeps up', async ({ app, events }) => {
  await events.append('probe-1', probe(), 'any');
  // The embedded store's subscriptions poll every 250 ms at most, so "running" is awaited, not assumed.
  const body = await waitUntil('readyz 200 with both projectors at the head', async () => {
    const response = await readyz(app);
    const ready = response.statusCode === 200 ? response.json<{ subscribers: Array<{ name: string; state: string }> }>() : null;
    return ready?.subscribers.every((s) => s.state === 'running') ? ready : null;
  });
  assert.equal(body.subscribers.map((s) => [s.name, s.state]).sort(), [['blocking-probe', 'running'], ['failing-probe', 'running']]);
});

test('a stalled projector makes readyz 503 naming it, and releasing it makes readyz 200 again', async ({ app, events, release, subscribers }) => {
  await events.append('probe-2', probe({ block: true }), 'any');
  await events.append('probe-3', probe(), 'any');
  const refused = await waitUntil('readyz 503 for the stall', async () => {
    const response = await readyz(app);
    return response.statusCode === 503 ? response : null;
  });
  assert.is(refused.headers['content-type'], 'application/problem+json; charset=utf-8');
  const problem = refused.json<{ code: string; detail: string; notReady: Array<{ name: string; kind: string; state: string; reason: string }> }>();
  assert.is(problem.code, 'unavailable');
  assert.equal(problem.notReady.map((n) => [n.name, n.kind, n.state]), [['blocking-probe', 'projector', 'stalled']]);
  assert.match(problem.detail, /blocking-probe/);
  assert.match(problem.notReady[0]!.reason, /進んでいません/);
  // The console says the same, with its lag.
  const stalled = (await subscribers.status()).find((s) => s.name === 'blocking-probe')!;
  assert.is(stalled.lagEvents, '2');

  release();
  await waitUntil('readyz 200 after the release', async () => (await readyz(app)).statusCode === 200);
  assert.is((await subscribers.status()).find((s) => s.name === 'blocking-probe')!.state, 'running');
});

test('a projector failing on an event makes readyz 503 with its error, until it gets past it', async ({ app, events, broken }) => {
  broken.now = true;
  await events.append('probe-4', probe({ poison: true }), 'any');
  const refused = await waitUntil('readyz 503 for the failure', async () => {
    const response = await readyz(app);
    return response.statusCode === 503 ? response : null;
  });
  const problem = refused.json<{ notReady: Array<{ name: string; state: string; reason: string }> }>();
  assert.equal(problem.notReady.map((n) => [n.name, n.state]), [['failing-probe', 'failed']]);
  assert.match(problem.notReady[0]!.reason, /probe projection refuses this event/);
  broken.now = false;
  await waitUntil('readyz 200 once the event goes through', async () => (await readyz(app)).statusCode === 200);
});

test('a subscriber further behind than READY_MAX_LAG_SECONDS is not ready, even while progressing', async ({ events }) => {
  const registry = createSubscriberRegistry({ events, stallAfterMs: 60_000 });
  const report = registry.register('slow-probe', 'projector');
  report.reached(0n);
  // Its oldest unhandled event was recorded a while ago; it progressed just now, so it is catching up, not stalled.
  const app = await buildHttpApp({ subscribers: registry, sessionSecret: 'readiness-test-secret', logLevel: 'silent', readyMaxLagSeconds: 0.001 });
  try {
    await waitUntil('the first event to be older than the limit', async () => ((await registry.status())[0]!.lagSeconds ?? 0) > 0.001);
    const response = await readyz(app);
    assert.is(response.statusCode, 503);
    const [blocked] = response.json<{ notReady: Array<{ name: string; state: string; reason: string }> }>().notReady;
    assert.is(blocked!.name, 'slow-probe');
    assert.is(blocked!.state, 'catching_up');
    assert.match(blocked!.reason, /上限 0.001 秒/);
    report.reached(await events.headPosition());
    assert.is((await readyz(app)).statusCode, 200);
  } finally {
    await app.close();
  }
});

test.run();
