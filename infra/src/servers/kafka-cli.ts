/**
 * Run a real Kafka by hand: `node --import tsx infra/src/servers/kafka-cli.ts start`.
 * Prints `KAFKA_BROKERS=...` (ready to `export`) and keeps the broker up until Ctrl-C.
 */
import { startKafka } from './kafka.ts';

const [command] = process.argv.slice(2);
if (command !== 'start') {
  console.error('usage: node --import tsx infra/src/servers/kafka-cli.ts start');
  process.exit(2);
}

const startedAt = Date.now();
const kafka = await startKafka();
console.log(`KAFKA_BROKERS=${kafka.brokers.join(',')}`);
console.error(`kafka: ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s; Ctrl-C stops it`);

let stopping = false;
const shutdown = async (): Promise<void> => {
  if (stopping) return;
  stopping = true;
  await kafka.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
