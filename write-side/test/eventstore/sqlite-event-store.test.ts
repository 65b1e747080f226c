import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreConformance } from '../../src/eventstore/conformance.ts';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { checkpointStoreConformance } from '../../src/eventstore/checkpoint-conformance.ts';
import { leaseStoreConformance } from '../../src/eventstore/lease-conformance.ts';

eventStoreConformance('embedded SQLite', async () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-es-')), 'events.db')));
checkpointStoreConformance('embedded SQLite', async () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-cp-')), 'events.db')));
const leaseFile = join(mkdtempSync(join(tmpdir(), 'sss-lease-')), 'events.db');
leaseStoreConformance('embedded SQLite', async () => openSqliteEventStore(leaseFile));
