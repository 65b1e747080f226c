/**
 * The partner context's company-copy consumer as its own process, for the SIGKILL test: prints one
 * line per handled message (`<outcome> <key>`) so the parent can kill it mid-stream.
 * Usage: copy-consumer-child.ts <events.db> <groupId>   (KAFKA_BROKERS from the environment)
 */
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { createKafkaBus } from '@sss/write-side/bus/kafka-bus';
import { startCompanyCopyConsumer } from '@sss/write-side/partner/company-copy-consumer';

const [path, groupId] = process.argv.slice(2);
const events = openSqliteEventStore(path!);
const bus = await createKafkaBus({ brokers: process.env.KAFKA_BROKERS!.split(','), clientId: 'copy-consumer-child' });
await startCompanyCopyConsumer({ events, bus, groupId: groupId!, onHandled: (key, outcome) => process.stdout.write(`${outcome} ${key}\n`) });
process.stdout.write('ready -\n');
