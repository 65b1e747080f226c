import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreConformance } from '../../src/eventstore/conformance.ts';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';

eventStoreConformance('embedded SQLite', async () => openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-es-')), 'events.db')));
