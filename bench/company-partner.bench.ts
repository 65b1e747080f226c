/**
 * Company change → partner read model updated: a company rename is appended to the event store,
 * forwarded to `sss.company.v1`, applied by the partner context's company-copy consumer, projected
 * into the partner read model; the clock stops when the partner side shows the new name. One change
 * at a time (the next only once the previous arrived), so the figures are the pipeline's own delay.
 * Over Kafka (starting its own when KAFKA_BROKERS is unset) and over the in-process bus for contrast.
 * Runs alone with `node --import tsx bench/company-partner.bench.ts`.
 */
import { UNSET_BILLING } from '@sss/contracts/company/billing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { MessageBus } from '@sss/contracts/ports/message-bus';
import type { CompanyEvent } from '@sss/contracts/company/events';
import { startKafka } from '../infra/src/servers/kafka.ts';
import { createKafkaBus } from '../write-side/src/bus/kafka-bus.ts';
import { createMemoryBus } from '../write-side/src/bus/memory-bus.ts';
import { openSqliteEventStore } from '../write-side/src/eventstore/sqlite-event-store.ts';
import { startIntegration } from '../write-side/src/integration/runtime.ts';
import { openEmbeddedReadStore } from '../read-side/src/store/embedded-read-store.ts';
import { startReadModels } from '../read-side/src/projector/runtime.ts';
import { partnerProjection, PARTNER_COMPANIES } from '../read-side/src/partner/projection.ts';

const companyCount = 20;
const warmUpChanges = 20;
const measuredChanges = process.env.BENCH_QUICK === '1' ? 100 : 200;

const details = (companyId: string, index: number, name: string) => ({
  companyId, code: `B${index}`, name, kana: 'ベンチ', formalName: `${name}株式会社`, shortName: 'Bench', isCustomer: false, isPartner: true,
  ndaSignedOn: null, masterAgreementSignedOn: null, url: '', sansanUrl: '', invoiceRegistrationNumber: null, partner: {}, billing: UNSET_BILLING, notes: '', registeredOn: '2025-04-01',
});

async function measure(bus: MessageBus, durableBus: boolean): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sss-bench-cp-'));
  const events = openSqliteEventStore(join(dir, 'events.db'));
  const readStore = openEmbeddedReadStore(join(dir, 'read.db'));
  const readModels = await startReadModels(events, readStore, [partnerProjection]);
  const integration = await startIntegration({ events, bus, durableBus });
  const metadata = { actor: 'bench', correlationId: 'bench' };
  const ids = Array.from({ length: companyCount }, () => randomUUID());
  const revisions = new Map<string, bigint>();
  for (const [index, id] of ids.entries()) {
    const registered: CompanyEvent = { type: 'CompanyRegistered', data: details(id, index, `会社${index}`) };
    revisions.set(id, (await events.append(`company-${id}`, [{ ...registered, metadata }], 'no_stream')).nextExpectedRevision);
  }
  const latencies: number[] = [];
  try {
    for (let change = 0; change < warmUpChanges + measuredChanges; change++) {
      const index = change % companyCount;
      const id = ids[index]!;
      const name = `会社${index}-${change}`;
      const edited: CompanyEvent = { type: 'CompanyEdited', data: { ...details(id, index, name), changed: ['name'] } };
      const startedAt = performance.now();
      revisions.set(id, (await events.append(`company-${id}`, [{ ...edited, metadata }], revisions.get(id)!)).nextExpectedRevision);
      // Logical names through the serving generation: the partner read model is at v2 since the search keys.
      await until(async () => (await readModels.store.get(PARTNER_COMPANIES, id))?.name === name, 30_000);
      if (change >= warmUpChanges) latencies.push(performance.now() - startedAt);
    }
  } finally {
    await integration.stop();
    await readModels.stop();
    await bus.close();
    await Promise.all([readStore.close(), events.close()]);
  }
  latencies.sort((a, b) => a - b);
  return { p50Ms: round(percentile(latencies, 0.5)), p99Ms: round(percentile(latencies, 0.99)), maxMs: round(latencies[latencies.length - 1]!) };
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = { changes: measuredChanges, companies: companyCount, path: 'append → forwarder → bus → company-copy consumer → projector → read store' };
  let brokers = process.env.KAFKA_BROKERS?.split(',').filter(Boolean);
  let ownKafka: Awaited<ReturnType<typeof startKafka>> | undefined;
  if (brokers === undefined || brokers.length === 0) {
    ownKafka = await startKafka();
    brokers = ownKafka.brokers;
  }
  try {
    Object.assign(figures, prefixed('kafka', await measure(await createKafkaBus({ brokers }), true)));
  } finally {
    await ownKafka?.stop();
  }
  Object.assign(figures, prefixed('memory', await measure(createMemoryBus(), false)));
  return figures;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`bench: the change did not reach the partner read model within ${timeoutMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function prefixed(prefix: string, figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([name, value]) => [`${prefix}.${name}`, value]));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await run());
}
