import { readSettingsOrExit } from './config.ts';
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
const { sessionSecret } = prepareDataDir(settings);
const opened = await openEventStore(settings);
// Each process reports its own subscribers: the write service its forwarder, consumers, policies and
// process manager, the read service its projectors.
const subscribers = createSubscriberRegistry({ events: opened.store, stallAfterMs: settings.subscriberStallSeconds * 1000 });
const metrics = createMetrics(() => subscribers.status());
const events = { ...opened, store: measuredEventStore(opened.store, metrics) };
const observability = { subscribers, metrics, metricsToken: settings.metricsToken, readyMaxLagSeconds: settings.readyMaxLagSeconds };
const closers: Array<() => Promise<void>> = [];
let app;
if (role === 'write') {
  // The write service signs the ledger's checkpoints and serves the 監査 ledger API (docs/tamper-evidence.md).
  const { startLedger } = await import('./ledger.ts');
  const ledger = await startLedger(settings, events.store, (m, e) => console.error(m, e ?? ''));
  closers.push(() => ledger.stop());
  // The 稟議 process manager reads the project read models (for the 見積稟議's Excel files) and the
  // setup check lists users from them: only from a shared MongoDB, since an embedded read store
  // belongs to the read process alone. The gate starts after the app; the check asks it once it is there.
  const ringiReads = settings.mongoDbUrl ? await openReadStore(settings).then((opened) => ({ store: followPointers(opened.store) })) : null;
  const started: { ringiGate?: RunningRingi['gate'] } = {};
  app = await buildHttpApp({ events: events.store, sessionSecret, secureCookies: settings.secureCookies, sessionIdleMinutes: settings.sessionIdleMinutes, logLevel: settings.logLevel, invoicing: settings.invoicing, oidc: settings.oidc, ledger: ledger.audit, collaboflowKeyPartId: settings.collaboflow.formMapping.keyPartId, collaboflowCheck: async (force) => (started.ringiGate ? started.ringiGate.report(force) : null), collaboflowUsers: ringiReads?.store, ...observability });
  // The write service owns the policies that turn events into commands.
  const { startSalesPolicies } = await import('@sss/write-side/sales/policies');
  const policy = startSalesPolicies({ events: events.store, log: (m, e) => console.error(m, e ?? ''), subscribers });
  closers.push(() => policy.stop());
  // ...and the traffic between contexts: the outbox forwarder and the company/partner consumers (Kafka in this stack).
  const { openBus } = await import('./adapters.ts');
  const { startIntegration } = await import('@sss/write-side/integration/runtime');
  const bus = await openBus(settings);
  const integration = await startIntegration({ events: events.store, bus: measuredBus(bus.bus, metrics, subscribers), durableBus: bus.durable, log: (m, e) => console.error(m, e ?? ''), subscribers });
  closers.push(() => integration.stop(), () => bus.bus.close());
  // ...and the 稟議 process manager.
  const { startRingi } = await import('./ringi.ts');
  const ringi = await startRingi(settings, events.store, (m, e) => console.error(m, e ?? ''), undefined, ringiReads?.store, { metrics, subscribers });
  started.ringiGate = ringi.gate;
  closers.push(() => ringi.stop(), async () => ringiReads?.store.close());
} else {
  const readStore = await openReadStore(settings);
  const readModels = await startReadModels(events.store, readStore.store, allProjections, (m, e) => console.error(m, e ?? ''), subscribers);
  const { startAuditIndex } = await import('./audit-index.ts');
  const audit = startAuditIndex(settings, events.store, (m, e) => console.error(m, e ?? ''));
  closers.push(() => readModels.stop(), () => audit.stop(), () => readStore.store.close());
  app = await buildHttpApp({ readModels, audit, sessionEvents: events.store, sessionSecret, secureCookies: settings.secureCookies, sessionIdleMinutes: settings.sessionIdleMinutes, logLevel: settings.logLevel, ...observability });
}
await app.listen({ port: settings.port, host: settings.host });
console.log(`SSS ${role}-side listening on ${settings.host}:${settings.port} (event store: ${events.kind})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await app.close();
      for (const close of closers) await close();
      await events.store.close();
      process.exit(0);
    })();
  });
}
