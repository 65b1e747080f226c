import { readSettingsOrExit } from './config.ts';
import { refuseUnsafeDeployment } from './start-checks.ts';
import { prepareDataDir } from './data-dir.ts';
import { openEventStore, openReadStore } from './adapters.ts';
import { buildHttpApp } from './http-app.ts';
import type { RunningRingi } from './ringi.ts';
import { startReadModels } from '@sss/read-side/projector/runtime';
import { allProjections } from '@sss/read-side/projections';
import { followPointers } from '@sss/read-side/projector/namespaces';
import { createSubscriberRegistry } from '../subscribers/registry.ts';
import { createMetrics } from '../observability/prometheus.ts';
import { measuredBus, measuredEventStore } from '../observability/instrumented-ports.ts';
import { tracedBus, tracedEventStore } from '../observability/traced-ports.ts';
import { startTracing } from '../observability/otel.ts';
import { subscriberLog } from '../observability/subscriber-log.ts';
import { createLogger } from '@sss/http-kit/server-kit';

/**
 * The real stack runs each side as its own process (docker-compose.yml): `write` serves commands,
 * `read` runs the projectors and serves queries. Both verify the same signed session cookie
 * (SESSION_SECRET), so a gateway can route by path without sharing any state.
 */
const role = process.argv[2];
if (role !== 'write' && role !== 'read') {
  console.error('usage: services.ts write|read');
  process.exit(2);
}
const settings = readSettingsOrExit();
// A fleet needs one session secret set by its operator and the real CollaboFlow (start-checks.ts).
refuseUnsafeDeployment(settings);
const { sessionSecret } = prepareDataDir(settings);
const tracing = settings.otlpEndpoint ? startTracing({ otlpEndpoint: settings.otlpEndpoint }, `sss-${role}`) : null;
const opened = await openEventStore(settings);
// Each process reports its own subscribers: the write service its forwarder, consumers, policies and
// process manager, the read service its projectors.
const subscribers = createSubscriberRegistry({ events: opened.store, stallAfterMs: settings.subscriberStallSeconds * 1000 });
const metrics = createMetrics(() => subscribers.status());
const events = { ...opened, store: tracedEventStore(measuredEventStore(opened.store, metrics)) };
const observability = { subscribers, metrics, metricsToken: settings.metricsToken, readyMaxLagSeconds: settings.readyMaxLagSeconds };
const logger = createLogger(settings.logLevel);
const log = subscriberLog(logger);
const closers: Array<() => Promise<void>> = [];
let app;
if (role === 'write') {
  // The write service signs the ledger's checkpoints and serves the 監査 ledger API (docs/tamper-evidence.md).
  const { startLedger } = await import('./ledger.ts');
  const ledger = await startLedger(settings, events.store, log);
  closers.push(() => ledger.stop());
  // The 稟議 process manager reads the project read models (for the 見積稟議's Excel files) and the
  // setup check lists users from them: only from a shared MongoDB, since an embedded read store
  // belongs to the read process alone. The gate starts after the app; the check asks it once it is there.
  const shared = settings.mongoDbUrl ? await openReadStore(settings) : null;
  const ringiReads = shared ? { store: followPointers(shared.store) } : null;
  const started: { ringiGate?: RunningRingi['gate'] } = {};
  // Where the write-side subscribers park poison events; the console reaches them here (gateway.conf).
  const { createParkingLots } = await import('@sss/write-side/ops/parking-lot');
  const parking = createParkingLots({ events: events.store, log });
  // The gateway sends /api/openapi.json here: the whole API's document (api-document.ts).
  const { mergeApiDocuments, readSideDocument } = await import('./api-document.ts');
  const readDocument = await readSideDocument();
  app = await buildHttpApp({ apiDocument: (own) => mergeApiDocuments(own, readDocument), events: events.store, sessionSecret, secureCookies: settings.secureCookies, sessionIdleMinutes: settings.sessionIdleMinutes, logger, invoicing: settings.invoicing, oidc: settings.oidc, ledger: ledger.audit, collaboflowKeyPartId: settings.collaboflow.formMapping.keyPartId, collaboflowCheck: async (force) => (started.ringiGate ? started.ringiGate.report(force) : null), collaboflowUsers: ringiReads?.store, parking, ...observability });
  // The write service owns the policies that turn events into commands.
  const { startSalesPolicies } = await import('@sss/write-side/sales/policies');
  const policy = startSalesPolicies({ events: events.store, log: log, subscribers, parking });
  closers.push(() => policy.stop());
  // ...and the traffic between contexts: the outbox forwarder and the company/partner consumers (Kafka in this stack).
  const { openBus } = await import('./adapters.ts');
  const { startIntegration } = await import('@sss/write-side/integration/runtime');
  const bus = await openBus(settings);
  const integration = await startIntegration({ events: events.store, bus: tracedBus(measuredBus(bus.bus, metrics, subscribers)), durableBus: bus.durable, log: log, subscribers, parking });
  closers.push(() => integration.stop(), () => bus.bus.close());
  // ...and the 稟議 process manager.
  const { startRingi } = await import('./ringi.ts');
  const ringi = await startRingi(settings, events.store, log, undefined, ringiReads?.store, { metrics, subscribers, parking });
  started.ringiGate = ringi.gate;
  closers.push(() => ringi.stop(), async () => ringiReads?.store.close());
  // Every write instance ensures the first administrator; the e-mail's unique key lets one register it.
  if (settings.firstAdmin) {
    const { ensureFirstAdmin } = await import('./first-admin.ts');
    console.log(`first administrator ${settings.firstAdmin.email}: ${await ensureFirstAdmin(events.store, settings.firstAdmin)}`);
  }
} else {
  const readStore = await openReadStore(settings);
  const readModels = await startReadModels(events.store, readStore.store, allProjections, log, subscribers);
  const { startAuditIndex } = await import('./audit-index.ts');
  const audit = startAuditIndex(settings, events.store, log, subscribers);
  closers.push(() => readModels.stop(), () => audit.stop(), () => readStore.store.close());
  app = await buildHttpApp({ readModels, audit, sessionEvents: events.store, sessionSecret, secureCookies: settings.secureCookies, sessionIdleMinutes: settings.sessionIdleMinutes, logger, ...observability });
}
await app.listen({ port: settings.port, host: settings.host });
console.log(`SSS ${role}-side listening on ${settings.host}:${settings.port} (event store: ${events.kind})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await app.close();
      for (const close of closers) await close();
      await events.store.close();
      await tracing?.shutdown();
      process.exit(0);
    })();
  });
}
