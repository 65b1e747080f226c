import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { openEmbeddedReadStore } from '@sss/read-side/store/embedded-read-store';
import { openMongoReadStore } from '@sss/read-side/store/mongo-read-store';
import { startProjector } from '@sss/read-side/projector/projector';
import { countingProjection } from '../../../read-side/test/support/counting-projection.ts';

/** Runs the counting projector until killed, printing each checkpoint it reaches. */
const [eventsPath, kind, target] = process.argv.slice(2) as [string, 'embedded' | 'mongodb', string];
const events = openSqliteEventStore(eventsPath);
const store = kind === 'embedded' ? openEmbeddedReadStore(target) : await openMongoReadStore({ url: process.env.MONGODB_URL!, database: target });
const projector = await startProjector({ events, store, projection: countingProjection, batchSize: 25 });
projector.position$.subscribe((position) => process.stdout.write(`pos ${position}\n`));
