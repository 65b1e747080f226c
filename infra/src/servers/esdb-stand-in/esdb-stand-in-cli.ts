import { parseArgs } from 'node:util';
import { startEsdbStandIn } from './esdb-stand-in.ts';

/**
 * Run the EventStoreDB stand-in (test code, not EventStoreDB) on its own:
 *   node --import tsx infra/src/servers/esdb-stand-in/esdb-stand-in-cli.ts [--port 2113] [--data-dir DIR]
 * It prints the connection string; Ctrl-C stops it.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string' },
    'position-offset': { type: 'string', default: '0' },
  },
});

const standIn = await startEsdbStandIn({
  port: Number(values.port),
  host: values.host,
  dataDir: values['data-dir'],
  positionOffset: BigInt(values['position-offset']),
});
console.log(`EVENTSTORE_URL=${standIn.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    standIn.stop().then(() => process.exit(0), (error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
}
