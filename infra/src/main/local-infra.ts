import { startKafka } from '../servers/kafka.ts';
import { startFerretDb } from '../servers/ferretdb.ts';
import { runEmbedded } from './embedded.ts';
import { readSettingsOrExit } from './config.ts';
import { redactUrl } from './redact.ts';

/**
 * `npm run start:infra`: SSS on a local Apache Kafka and FerretDB (the servers the tests use),
 * with the embedded event store — the real adapters for anyone without Docker. Their data lives
 * under SSS_DATA_DIR, so a restart keeps it.
 */
const dataDir = process.env.SSS_DATA_DIR ?? './data-infra';
process.env.SSS_DATA_DIR = dataDir;
// Bad settings stop us before Kafka and FerretDB start, not after.
readSettingsOrExit();
const [kafka, ferret] = await Promise.all([startKafka({ dataDir: `${dataDir}/kafka` }), startFerretDb({ dataDir: `${dataDir}/ferretdb` })]);
process.env.KAFKA_BROKERS = kafka.brokers.join(',');
process.env.MONGODB_URL = ferret.url;
await runEmbedded({
  banner: [`Apache Kafka: ${redactUrl(kafka.brokers.join(','))}`, `FerretDB: ${redactUrl(ferret.url)}`],
  onStop: async () => {
    await Promise.allSettled([kafka.stop(), ferret.stop()]);
  },
});
