import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { IncomingMessage, MessageBus, OutgoingMessage } from '@sss/contracts/ports/message-bus';
import { COMPANY_TOPIC } from '@sss/contracts/integration/company-v1';
import { PARTNER_TOPIC } from '@sss/contracts/integration/partner-v1';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { createMemoryBus } from '../../src/bus/memory-bus.ts';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { forwarderCheckpoint, startForwarder } from '../../src/integration/forwarder.ts';
import { INTEGRATION_TOPICS } from '../../src/integration/mapping.ts';

/** The outbox relay: what it publishes, in which envelope, and that it checkpoints only after publishing. */

const store = () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-fwd-')), 'events.db'));
const metadata = { actor: 'test', correlationId: 'c' };
const company = (id: string, name: string) => ({ companyId: id, code: id, name, kana: 'カ', formalName: `${name}株式会社`, shortName: 'K', isCustomer: false, isPartner: true, ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, notes: '', registeredOn: '2025-04-01' });

async function collect(bus: MessageBus, into: IncomingMessage[]) {
  await bus.ensureTopics(INTEGRATION_TOPICS);
  return bus.consume({ groupId: 'test', topics: INTEGRATION_TOPICS, fromBeginning: true, handle: async (m) => void into.push(m) });
}

test('maps company and partner events to versioned envelopes keyed by aggregate id; keeps the rest to itself', async () => {
  const events = store();
  await events.append('company-c1', [
    { type: 'CompanyRegistered', data: company('c1', 'アルファ'), metadata },
    { type: 'CreditLimitChanged', data: { companyId: 'c1', creditLimit: 1, previousLimit: null, reviewedOn: '2025-04-01', changedBy: 'u' }, metadata },
    { type: 'CompanyAbolished', data: { companyId: 'c1', abolishedOn: '2025-05-01', reason: '' }, metadata },
  ], 'no_stream');
  await events.append('partner-p1', [{ type: 'PartnerRegistered', data: { partnerId: 'p1', name: '山田', kana: 'ヤマダ', registeredOn: '2025-04-01', companyIds: ['c1'] }, metadata }], 'no_stream');
  await events.append('user-u1', [{ type: 'UserRegistered', data: { userId: 'u1' }, metadata }], 'no_stream');
  const bus = createMemoryBus();
  const received: IncomingMessage[] = [];
  const consumer = await collect(bus, received);
  const forwarder = await startForwarder({ events, bus });
  const head = await events.headPosition();
  await waitUntil('the forwarder to pass the last event', () => forwarder.position$.value >= head - 1n);
  await waitUntil('the consumer to receive the two company messages and the partner message', () => received.length >= 3);
  const [first] = await events.readStream('company-c1');
  const companyMessages = received.filter((m) => m.topic === COMPANY_TOPIC);
  assert.equal(companyMessages.map((m) => [m.key, (m.value as { type: string }).type, (m.value as { source: { revision: string } }).source.revision]), [['c1', 'CompanyRegistered', '0'], ['c1', 'CompanyAbolished', '2']]);
  const envelope = companyMessages[0]!.value as Record<string, unknown>;
  assert.is(envelope.messageId, first!.metadata.eventId, 'the message id is the source event id');
  assert.is(envelope.version, 1);
  assert.equal((envelope.payload as Record<string, unknown>).name, 'アルファ');
  assert.not.ok('partner' in (envelope.payload as object), 'partner-company internals are not published');
  assert.equal(received.filter((m) => m.topic === PARTNER_TOPIC).map((m) => m.key), ['p1']);
  assert.is(companyMessages[0]!.headers['x-event-type'], 'CompanyRegistered');
  await forwarder.stop();
  await consumer.stop();
  await events.close();
});

test('publishes before it checkpoints: a failed publish moves nothing, and a restart resumes after the checkpoint', async () => {
  const events = store();
  const inner = createMemoryBus();
  let failures = 1;
  const published: OutgoingMessage[] = [];
  const flaky: MessageBus = {
    ...inner,
    ensureTopics: (t) => inner.ensureTopics(t),
    consume: (o) => inner.consume(o),
    close: () => inner.close(),
    async publish(messages) {
      if (failures-- > 0) throw new Error('broker unavailable');
      published.push(...messages);
      return inner.publish(messages);
    },
  };
  await inner.ensureTopics(INTEGRATION_TOPICS);
  await events.append('company-c1', [{ type: 'CompanyRegistered', data: company('c1', 'アルファ'), metadata }], 'no_stream');
  const errors: unknown[] = [];
  const forwarder = await startForwarder({ events, bus: flaky, name: 'flaky', onError: (e) => errors.push(e) });
  await waitUntil('the forwarder to checkpoint after its retry', () => forwarder.position$.value > 0n);
  assert.is(errors.length, 1, 'the failed publish was reported and retried');
  assert.is(published.length, 1);
  const checkpoint = await events.checkpoints.read(forwarderCheckpoint('flaky'));
  assert.ok(checkpoint !== null && checkpoint > 0n, 'the checkpoint is in the checkpoint store');
  assert.is((await events.readStream('checkpoint-forwarder-flaky')).length, 0, 'and not in the log');
  await forwarder.stop();

  await events.append('company-c1', [{ type: 'CompanyEdited', data: { ...company('c1', 'ベータ'), changed: ['name'] }, metadata }], 0n);
  const again = await startForwarder({ events, bus: flaky, name: 'flaky' });
  const head = await events.headPosition();
  await waitUntil('the restarted forwarder to pass the last event', () => again.position$.value >= head - 1n);
  await waitUntil('the restarted forwarder to publish the edit', () => published.length >= 2);
  assert.equal(published.map((m) => (m.value as { type: string }).type), ['CompanyRegistered', 'CompanyUpdated'], 'nothing re-published that the checkpoint covers');
  await again.stop();
  await events.close();
});

test.run();
