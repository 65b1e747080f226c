import { join } from 'node:path';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { upcastingEventStore } from '@sss/contracts/events/upcasting';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { MessageBus } from '@sss/contracts/ports/message-bus';
import { createMemoryBus } from '@sss/write-side/bus/memory-bus';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import type { Settings } from './config.ts';
import { redactUrl } from './redact.ts';

/** Each port picks its adapter from its own setting; unset means the embedded default. */

/**
 * Every reader of the application's event store — command handlers, projectors, subscribers, the
 * history — sees each event in its current shape (docs/schema-evolution.md). Only tools that must see
 * the stored bytes (`npm run verify`, backups) open an adapter directly.
 */
export async function openEventStore(settings: Settings): Promise<{ store: EventStore; kind: string }> {
  if (settings.eventStoreUrl) {
    const { openEsdbEventStore } = await import('@sss/write-side/eventstore/esdb-event-store');
    return { store: upcastingEventStore(openEsdbEventStore(settings.eventStoreUrl)), kind: `EventStoreDB (${redactUrl(settings.eventStoreUrl)})` };
  }
  return { store: upcastingEventStore(openSqliteEventStore(join(settings.dataDir, 'events.db'))), kind: `embedded SQLite (${join(settings.dataDir, 'events.db')})` };
}

export async function openReadStore(settings: Settings): Promise<{ store: ReadStore; kind: string }> {
  if (settings.mongoDbUrl) {
    const { openMongoReadStore } = await import('@sss/read-side/store/mongo-read-store');
    return { store: await openMongoReadStore({ url: settings.mongoDbUrl, database: settings.mongoDbName }), kind: `MongoDB (${redactUrl(settings.mongoDbUrl)}, db ${settings.mongoDbName})` };
  }
  return { store: openEmbeddedReadStore(join(settings.dataDir, 'read-models.db')), kind: `embedded (${join(settings.dataDir, 'read-models.db')})` };
}

/** Kafka when KAFKA_BROKERS is set; otherwise the in-process bus, which forgets on restart (`durable: false`). */
export async function openBus(settings: Settings): Promise<{ bus: MessageBus; kind: string; durable: boolean }> {
  if (settings.kafkaBrokers?.length) {
    const { createKafkaBus } = await import('@sss/write-side/bus/kafka-bus');
    return { bus: await createKafkaBus({ brokers: settings.kafkaBrokers, clientId: 'sss' }), kind: `Kafka (${redactUrl(settings.kafkaBrokers.join(','))})`, durable: true };
  }
  return { bus: createMemoryBus(), kind: 'in-process bus', durable: false };
}
