import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import { categoryOf } from '@sss/contracts/streams/names';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { verifyChain } from '@sss/write-side/eventstore/metadata';
import { fold, type Decider, type DomainEvent } from '@sss/write-side/kernel/decider';
import { companyDecider } from '@sss/write-side/company/decider';
import { partnerDecider } from '@sss/write-side/partner/decider';
import { userDecider } from '@sss/write-side/user/decider';
import { organizationDecider } from '@sss/write-side/organization/decider';
import { projectDecider } from '@sss/write-side/project/decider';
import { estimateDecider } from '@sss/write-side/project/estimate-decider';
import { orderDecider } from '@sss/write-side/project/order-decider';
import { monthlySalesDecider } from '@sss/write-side/sales/decider';
import { ringiDecider } from '@sss/write-side/ringi/ringi-decider';
import { seedScale } from '../../src/ops/seed-scale.ts';

/** seed:scale at a tiny size: valid chains, every stream folds through its decider, same seed → same history. */

const dirs: string[] = [];
const seeded = async (seed: number) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sss-seed-scale-'));
  dirs.push(dataDir);
  const summary = await seedScale({ years: 1, staff: 5, seed, dataDir, batchSize: 100 });
  const store = openSqliteEventStore(summary.file);
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ maxCount: 1000 }); page.length > 0; page = await store.readAll({ after: page[page.length - 1]!.position, maxCount: 1000 })) events.push(...page);
  await store.close();
  return { summary, events };
};

const DECIDERS: Record<string, Decider<never, DomainEvent, unknown>> = {
  company: companyDecider, partner: partnerDecider, user: userDecider, organization: organizationDecider, project: projectDecider,
  estimate: estimateDecider, order: orderDecider, monthlysales: monthlySalesDecider, ringi: ringiDecider,
} as unknown as Record<string, Decider<never, DomainEvent, unknown>>;

test.after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test('a year of a five-person company: chains verify, every stream folds, the same seed writes the same history', async () => {
  const first = await seeded(7);
  assert.ok(first.summary.events > 300, `only ${first.summary.events} events`);
  assert.is(first.events.length, first.summary.events);

  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of first.events) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
  const categories = new Set<string>();
  for (const [stream, events] of byStream) {
    assert.ok(verifyChain(events).valid, `chain of ${stream}`);
    categories.add(categoryOf(stream));
    // Reservations (user emails, company codes) are the kernel's unique keys, not an aggregate.
    if (categoryOf(stream) === 'unique') {
      assert.equal(events.map((e) => e.type), ['UniqueKeyReserved']);
      continue;
    }
    const decider = DECIDERS[categoryOf(stream)];
    assert.ok(decider, `a decider for ${stream}`);
    fold(decider, events.map((e) => ({ type: e.type, data: e.data })));
  }
  for (const category of [...Object.keys(DECIDERS), 'unique']) assert.ok(categories.has(category), `some ${category} stream`);
  const types = new Set(first.events.map((e) => e.type));
  for (const type of ['ProjectRegistered', 'EstimateIssued', 'OrderConfirmed', 'RingiOutcomeApplied', 'InvoiceIssued', 'PaymentRecorded', 'OrgChangesConfirmed']) assert.ok(types.has(type), type);
  // Instants follow the simulated clock: never backwards in log order.
  for (let i = 1; i < first.events.length; i++) assert.ok(first.events[i]!.metadata.occurredAt >= first.events[i - 1]!.metadata.occurredAt);

  const again = await seeded(7);
  assert.is(again.summary.events, first.summary.events);
  const shape = (events: readonly RecordedEvent[]) => events.map((e) => `${e.streamName} ${e.type} ${e.metadata.eventId} ${e.metadata.occurredAt}`);
  assert.equal(shape(again.events), shape(first.events));
});

test.run();
