import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import type { IncomingMessage, MessageBus } from '@sss/contracts/ports/message-bus';
import { COMPANY_TOPIC } from '@sss/contracts/integration/company-v1';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { startForwarder } from '@sss/write-side/integration/forwarder';
import { INTEGRATION_TOPICS } from '@sss/write-side/integration/mapping';
import { startCompanyCopyConsumer } from '@sss/write-side/partner/company-copy-consumer';
import { as, DEMO, login, startTestSss } from '../support/sss.ts';
import { eventually, newPartnerCompany, registerCompany } from '../support/partners.ts';
import { copyHistory, fillCompanies } from './company-source.ts';

/**
 * The company → partner flow, written once and run over each bus: the in-process bus of the
 * embedded default and a real Kafka. Same forwarder, same consumers, same assertions.
 */
export interface BusUnderTest {
  readonly name: string;
  /** Settings for a whole SSS on this bus (KAFKA_BROKERS or nothing). */
  readonly env: Record<string, string>;
  /** A bus for the lower-level scenarios; the in-process one must be shared by everyone in a test. */
  readonly open: () => Promise<MessageBus>;
}

const tempStore = (name: string) => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-bus-')), `${name}.db`));

export function companyPartnerScenarios(test: Test, bus: BusUnderTest): void {
  test(`${bus.name}: renaming and abolishing a company reaches its partners through the bus`, async () => {
    const sss = await startTestSss(bus.env);
    try {
      const sales = await login(sss, DEMO.sales);
      const admin = await login(sss, DEMO.salesAdmin);
      const companyId = await registerCompany(sss, sales, newPartnerCompany(`KF${Date.now() % 100000}`));
      const partner = await eventually('the partner context knows the company', async () => {
        const response = await as(sss, sales)({ method: 'POST', url: '/api/partners', payload: { name: '木村 拓也', kana: 'キムラ タクヤ', companyIds: [companyId] } });
        return response.statusCode === 201 ? response.json<{ id: string }>() : undefined;
      });
      const view = async () => (await as(sss, sales)({ method: 'GET', url: `/api/partners/${partner.id}` })).json<{ affiliations: { name: string; companyAbolished: boolean }[] }>();
      await eventually('partner count 1', async () => (await as(sss, sales)({ method: 'GET', url: `/api/companies/${companyId}` })).json<{ partnerCount: number }>().partnerCount === 1);

      const company = (await as(sss, sales)({ method: 'GET', url: `/api/companies/${companyId}` })).json<Record<string, unknown>>();
      const { id: _id, revision, partnerCount: _c, active: _a, abolishedOn: _ab, antiSocialCheck: _s, credit: _cr, updatedAt: _u, ...fields } = company;
      const renamed = await as(sss, sales)({ method: 'PUT', url: `/api/companies/${companyId}`, headers: { 'if-match': `"${String(revision)}"` }, payload: { ...fields, name: '改称後の協力会社' } });
      assert.is(renamed.statusCode, 200, renamed.body);
      await eventually('the new name on the partner', async () => (await view()).affiliations[0]?.name === '改称後の協力会社');

      const abolished = await as(sss, admin)({ method: 'POST', url: `/api/companies/${companyId}/abolish`, payload: { abolishedOn: '2025-05-01', reason: '事業終了' } });
      assert.is(abolished.statusCode, 200, abolished.body);
      await eventually('the affiliation flagged', async () => (await view()).affiliations[0]?.companyAbolished === true);
    } finally {
      await sss.stop();
    }
  });

  test(`${bus.name}: a consumer that crashes after applying and before committing, restarted, applies every change exactly once`, async () => {
    const source = tempStore('source');
    const target = tempStore('target');
    const shared = await bus.open();
    await shared.ensureTopics([...INTEGRATION_TOPICS, `${COMPANY_TOPIC}.dead-letter`]);
    const ids = Array.from({ length: 8 }, () => randomUUID());
    const mine = new Set<string>(ids);
    const renames = 15;
    await fillCompanies(source, ids, renames);
    const groupId = `test-copy-${randomUUID()}`;
    const outcomes: string[] = [];
    let crashes = 0;
    let consumer: Awaited<ReturnType<typeof startCompanyCopyConsumer>> | undefined;
    const start = async () => {
      consumer = await startCompanyCopyConsumer({
        events: target, bus: shared, groupId,
        onHandled: (key, outcome) => {
          if (!mine.has(key)) return;
          outcomes.push(outcome);
          // Crash right after a copy was written, before the bus commits it: the worst moment.
          if (outcome === 'applied' && crashes < 3 && outcomes.length % 37 === 0) {
            crashes++;
            void consumer!.stop();
            throw new Error('simulated crash between apply and commit');
          }
        },
      });
    };
    await start();
    const forwarder = await startForwarder({ events: source, bus: shared, name: randomUUID() });
    const total = ids.length * (renames + 1);
    for (let restarts = 0; restarts < 10; restarts++) {
      const applied = () => outcomes.filter((o) => o === 'applied').length;
      await eventually('progress or a crash', async () => applied() >= total || crashes > restarts, 60_000);
      if (applied() >= total) break;
      await consumer!.stop();
      await start();
    }
    await eventually('every change applied', async () => outcomes.filter((o) => o === 'applied').length >= total, 60_000);
    assert.ok(crashes >= 1, 'the consumer crashed at least once');
    assert.ok(outcomes.includes('duplicate'), 'a redelivered message was recognised');
    for (const [index, id] of ids.entries()) {
      const history = await copyHistory(target, id);
      assert.equal(history.revisions, Array.from({ length: renames + 1 }, (_, n) => String(n)), `company ${index}: each change once, in order`);
      assert.is(history.names[history.names.length - 1], `会社${index}-${renames}`);
    }
    await forwarder.stop();
    await consumer!.stop();
    await shared.close();
    await Promise.all([source.close(), target.close()]);
  });

  test(`${bus.name}: a poison message goes to the dead-letter topic with its reason and the consumer goes on`, async () => {
    const source = tempStore('source');
    const target = tempStore('target');
    const shared = await bus.open();
    await shared.ensureTopics([...INTEGRATION_TOPICS, `${COMPANY_TOPIC}.dead-letter`]);
    const groupId = `test-poison-${randomUUID()}`;
    const consumer = await startCompanyCopyConsumer({ events: target, bus: shared, groupId });
    const dead: IncomingMessage[] = [];
    const poisonKey = randomUUID();
    const watcher = await shared.consume({ groupId: `${groupId}-dlq`, topics: [`${COMPANY_TOPIC}.dead-letter`], fromBeginning: true, handle: async (m) => void (m.key === poisonKey && dead.push(m)) });
    await shared.publish([
      { topic: COMPANY_TOPIC, key: poisonKey, value: { hello: 'not an envelope' } },
      { topic: COMPANY_TOPIC, key: poisonKey, value: { messageId: 'm1', type: 'CompanyRegistered', version: 1, occurredAt: 'x', source: { stream: `company-${poisonKey}`, revision: '0' }, payload: { companyId: poisonKey } } },
    ]);
    const good = randomUUID();
    await fillCompanies(source, [good], 1);
    const forwarder = await startForwarder({ events: source, bus: shared, name: randomUUID() });
    await eventually('the good company applied after the poison', async () => (await copyHistory(target, good)).revisions.length === 2, 60_000);
    await eventually('both poison messages dead-lettered', async () => dead.length === 2, 60_000);
    assert.match(dead[0]!.headers['x-dead-letter-reason']!, /PoisonMessage: not an integration envelope/);
    assert.match(dead[1]!.headers['x-dead-letter-reason']!, /CompanyRegistered v1 does not match its schema/);
    assert.is(dead[0]!.headers['x-original-topic'], COMPANY_TOPIC);
    assert.equal(await copyHistory(target, poisonKey), { revisions: [], names: [] }, 'nothing applied from the poison');
    await forwarder.stop();
    await consumer.stop();
    await watcher.stop();
    await shared.close();
    await Promise.all([source.close(), target.close()]);
  });
}
