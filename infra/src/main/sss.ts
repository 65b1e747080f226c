import type { EventStore } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { startReadModels, type ReadModels } from '@sss/read-side/projector/runtime';
import { allProjections } from '@sss/read-side/projections';
import type { Projection } from '@sss/read-side/projector/projection';
import type { Settings } from './config.ts';
import { openBus, openEventStore, openReadStore } from './adapters.ts';
import { startIntegration, type RunningIntegration } from '@sss/write-side/integration/runtime';
import { buildHttpApp, type HttpApp } from './http-app.ts';
import { startSalesPolicies } from '@sss/write-side/sales/policies';
import { seedDemoData } from './demo-data.ts';
import { demoWorkflow } from './demo-approvals.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { startRingi, type RunningRingi } from './ringi.ts';
import { prepareDataDir } from './data-dir.ts';
import { startLedger } from './ledger.ts';
import { createSubscriberRegistry, type RunningSubscriberRegistry } from '../subscribers/registry.ts';
import { createMetrics, type Metrics } from '../observability/prometheus.ts';
import { measuredBus, measuredEventStore } from '../observability/instrumented-ports.ts';
import { tracedBus, tracedEventStore } from '../observability/traced-ports.ts';
import { startTracing } from '../observability/otel.ts';
import { subscriberLog } from '../observability/subscriber-log.ts';
import { createLogger } from '@sss/http-kit/server-kit';
import { startAuditIndex } from './audit-index.ts';
import { createParkingLots } from '@sss/write-side/ops/parking-lot';

/** The whole of SSS in one process (the embedded default, and the tests' full-stack setup). */
export interface RunningSss {
  readonly app: HttpApp;
  readonly events: EventStore;
  readonly readStore: ReadStore;
  readonly readModels: ReadModels;
  /** Forwarder and consumers between the company and partner contexts (Kafka or in-process). */
  readonly integration: RunningIntegration;
  /** The 稟議 process manager and its CollaboFlow (the built-in simulator unless COLLABOFLOW_URL is set). */
  readonly ringi: RunningRingi;
  /** Every subscriber of this process (the console, /readyz, /metrics). */
  readonly subscribers: RunningSubscriberRegistry;
  readonly metrics: Metrics;
  /** Seeds the generated demo volume (`SSS_DEMO_VOLUME`) after a first start that seeded the story; else nothing. */
  seedDemoVolume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSss(settings: Settings, options: { clock?: () => Date; logStream?: { write(line: string): void }; projections?: readonly Projection[] } = {}): Promise<RunningSss & { describe: string[] }> {
  const { sessionSecret } = prepareDataDir(settings);
  const tracing = settings.otlpEndpoint ? startTracing({ otlpEndpoint: settings.otlpEndpoint }) : null;
  const opened = await openEventStore(settings);
  const subscribers = createSubscriberRegistry({ events: opened.store, stallAfterMs: settings.subscriberStallSeconds * 1000 });
  const metrics = createMetrics(() => subscribers.status());
  const events = { ...opened, store: tracedEventStore(measuredEventStore(opened.store, metrics)) };
  const readStore = await openReadStore(settings);
  const logger = createLogger(settings.logLevel, options.logStream);
  const log = subscriberLog(logger);
  const readModels = await startReadModels(events.store, readStore.store, options.projections ?? allProjections, log, subscribers);
  const ledger = await startLedger(settings, events.store, log, options.clock);
  // The 稟議 gate starts after the app (below); the admin screen's check asks it once it is there.
  const started: { ringiGate?: RunningRingi['gate'] } = {};
  const audit = startAuditIndex(settings, events.store, log, subscribers);
  // Where the write-side subscribers park poison events (the projectors keep theirs in readModels.poison).
  const parking = createParkingLots({ events: events.store, log });
  const app = await buildHttpApp({
    collaboflowCheck: async (force) => (started.ringiGate ? started.ringiGate.report(force) : null),
    events: events.store,
    readModels,
    sessionSecret,
    secureCookies: settings.secureCookies,
    sessionIdleMinutes: settings.sessionIdleMinutes,
    uiDir: settings.uiDir,
    logger,
    invoicing: settings.invoicing,
    oidc: settings.oidc,
    ledger: ledger.audit,
    audit,
    collaboflowKeyPartId: settings.collaboflow.formMapping.keyPartId,
    subscribers,
    parking,
    metrics,
    metricsToken: settings.metricsToken,
    readyMaxLagSeconds: settings.readyMaxLagSeconds,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  // After the app is built (a refused route table then leaves no consumer behind), before the demo data needs it.
  const bus = await openBus(settings);
  const integration = await startIntegration({ events: events.store, bus: tracedBus(measuredBus(bus.bus, metrics, subscribers)), durableBus: bus.durable, log, subscribers, parking });
  const salesPolicies = startSalesPolicies({ events: events.store, log, subscribers, parking });
  const ringi = await startRingi(settings, events.store, log, options.clock, readModels.store, { metrics, subscribers, parking });
  started.ringiGate = ringi.gate;
  // Seeding sends companies and partners over the bus: let both contexts agree before anyone asks.
  const demoDecisions = demoWorkflow(events.store, app, ringi.collaboflow.simulator, settings.collaboflow.formMapping);
  const demoVolume = settings.seedDemoData ? await seedDemoData(events.store, app, (m) => app.log.info(m), demoDecisions) : undefined;
  if (demoVolume) await integration.settled();
  // After the demo data, which seeds only an empty store; from then on every start ensures the administrator.
  if (settings.firstAdmin) app.log.info(`first administrator ${settings.firstAdmin.email}: ${await ensureFirstAdmin(events.store, settings.firstAdmin)}`);
  return {
    app,
    events: events.store,
    readStore: readStore.store,
    readModels,
    integration,
    ringi,
    subscribers,
    metrics,
    async seedDemoVolume() {
      if (!demoVolume || settings.demoVolume === 0) return;
      const total = settings.demoVolume;
      app.log.info(`demo data: seeding ${total} generated customers with one 案件 each (lists fill while SSS serves)`);
      await demoVolume(total, (done) => app.log.info(`demo data: ${done}/${total} generated customers`));
      await integration.settled();
      app.log.info(`demo data: ${total} generated customers seeded`);
    },
    describe: [`event store: ${events.kind}`, `read store: ${readStore.kind}`, `bus: ${bus.kind}`, ringi.collaboflow.describe],
    async stop() {
      await app.close();
      await ledger.stop();
      await salesPolicies.stop();
      await ringi.stop();
      await integration.stop();
      await bus.bus.close();
      await readModels.stop();
      await audit.stop();
      await readStore.store.close();
      await events.store.close();
      await tracing?.shutdown();
    },
  };
}
