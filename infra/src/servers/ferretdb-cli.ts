/**
 * `node --import tsx infra/src/servers/ferretdb-cli.ts start [--data-dir DIR]`
 * Builds the runner if needed, starts FerretDB, prints its MongoDB URL on stdout (alone on a line, so
 * scripts can read it) and stays up until SIGINT/SIGTERM.
 */
import { buildFerretDbRunner, startFerretDb } from './ferretdb.ts';

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'start') {
    console.error('usage: ferretdb-cli.ts start [--data-dir DIR]');
    process.exitCode = 2;
    return;
  }
  const dirFlag = rest.indexOf('--data-dir');
  const dataDir = dirFlag >= 0 ? rest[dirFlag + 1] : undefined;
  if (dirFlag >= 0 && dataDir === undefined) throw new Error('--data-dir needs a directory');

  // Build output goes to stderr so stdout carries only the URL.
  buildFerretDbRunner();
  const server = await startFerretDb(dataDir === undefined ? {} : { dataDir });
  console.log(server.url);
  console.error(`FerretDB listening; MONGODB_URL=${server.url} (Ctrl-C to stop)`);

  await new Promise<void>((ok) => {
    process.once('SIGINT', ok);
    process.once('SIGTERM', ok);
  });
  await server.stop();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
