import { randomUUID } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SubscriberRegistry, SubscriberRole } from '@sss/contracts/ports/subscribers';
import { NO_SUBSCRIBER_REPORT } from '@sss/contracts/ports/subscribers';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { openMongoReadStore } from '../../src/store/mongo-read-store.ts';
import { startReadModels } from '../../src/projector/runtime.ts';
import { countingProjection } from '../support/counting-projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';

/**
 * Two read instances on one MongoDB read store (issue #17 item 1): one leads the projector, the other
 * follows and still answers read-your-writes from the stored checkpoint; when the leader stops, the
 * follower takes over and the read model ends exactly as one projector alone makes it.
 */

const url = process.env.MONGODB_URL;
if (!url) throw new Error('MONGODB_URL is not set: run through `npm test` (it starts FerretDB) or point it at a MongoDB server');

const EVENTS = 60;

test('MongoDB: one leader per projector among two read instances; the follower takes over', async () => {
  const database = `t_leadership_${randomUUID().slice(0, 8)}`;
  const events = memoryEventLog();
  const roles = new Map<string, SubscriberRole>();
  const registry = (instance: string): SubscriberRegistry => ({ register: () => ({ ...NO_SUBSCRIBER_REPORT, role: (role) => roles.set(instance, role) }) });
  const [storeA, storeB] = [await openMongoReadStore({ url, database }), await openMongoReadStore({ url, database })];
  const a = await startReadModels(events, storeA, [countingProjection], () => {}, registry('A'), 'A');
  await waitUntil('instance A to lead', () => roles.get('A') === 'leader');
  const b = await startReadModels(events, storeB, [countingProjection], () => {}, registry('B'), 'B');
  for (let i = 0; i < EVENTS / 2; i++) events.push(`s-${i % 3}`, 'Numbered', { n: i + 1 });
  assert.ok(await b.waitFor('counting', BigInt(EVENTS / 2), 20_000), 'the follower sees the leader reach the head');
  assert.is(roles.get('B'), 'follower');

  const stoppedAt = Date.now();
  await a.stop();
  await waitUntil('instance B to take over', () => roles.get('B') === 'leader', { timeoutMs: 15_000 });
  console.log(`projector takeover after the leader stopped: ${Date.now() - stoppedAt} ms`);
  for (let i = EVENTS / 2; i < EVENTS; i++) events.push(`s-${i % 3}`, 'Numbered', { n: i + 1 });
  assert.ok(await b.waitFor('counting', BigInt(EVENTS), 20_000), 'the new leader reaches the head');
  const total = (await storeB.get('tallies', 'TOTAL'))!;
  assert.is(total.count, EVENTS, 'every event counted exactly once across the takeover');
  assert.is(total.sum, (EVENTS * (EVENTS + 1)) / 2);
  await b.stop();
  await storeB.dropDatabase();
  await Promise.all([storeA.close(), storeB.close()]);
});

test.run();
