/** Needs a running broker: `node --import tsx infra/src/servers/kafka-cli.ts start`, then export KAFKA_BROKERS. */
import { test } from 'uvu';
import { busConformance } from '../../src/bus/conformance.ts';
import { createKafkaBus } from '../../src/bus/kafka-bus.ts';

const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];

if (brokers.length === 0) {
  // CONTRIBUTING: a suite whose server is missing fails, it never skips.
  test('kafka bus: KAFKA_BROKERS is set', () => {
    throw new Error('KAFKA_BROKERS is not set. Start Kafka with `node --import tsx infra/src/servers/kafka-cli.ts start` and export what it prints.');
  });
} else {
  busConformance('kafka bus', () => createKafkaBus({ brokers }));
}

test.run();
