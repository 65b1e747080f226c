import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import serverFeaturesGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import serverFeaturesPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import { openSqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { createStreamsStandIn } from './streams-stand-in.ts';
import { scavenge } from './stream-retention.ts';

/**
 * The EventStoreDB stand-in: TEST CODE, not a database. No package registry ships an EventStoreDB
 * server (docs/architecture.md §Testing against real servers), so CI runs the EventStoreDB adapter through the real `@eventstore/db-client`
 * against this gRPC server on a loopback socket. It serves the parts of the EventStoreDB gRPC API the
 * adapter uses, over the embedded SQLite store; see README.md for what is and is not covered.
 * A single insecure node: no TLS, no gossip, any credentials accepted.
 */

export interface EsdbStandInOptions {
  /** Where the SQLite file lives. Omitted: a temporary directory, removed on stop. */
  readonly dataDir?: string;
  /** 0 (default) picks a free port; pass the previous port to restart "the same server". */
  readonly port?: number;
  readonly host?: string;
  /** Added to every log position; a value above 2^53 exercises big positions end to end. */
  readonly positionOffset?: bigint;
  readonly log?: (line: string) => void;
}

export interface EsdbStandIn {
  /** Connection string for `@eventstore/db-client`, e.g. `esdb://127.0.0.1:40123?tls=false`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** End every live subscription with an error, as EventStoreDB does with a subscriber it drops. */
  dropSubscriptions(reason?: string): number;
  /** What an operator's scavenge does: removes the events `$maxCount` and metastreams hide; answers how many. */
  scavenge(): Promise<number>;
  /** Events and bytes (data and metadata as stored) in the log: what a before/after measurement counts. */
  size(): { readonly events: number; readonly bytes: number };
  stop(): Promise<void>;
}

/** What GetSupportedMethods advertises; the client chooses BatchAppend for appends when it is listed. */
const SUPPORTED: readonly (readonly [service: string, method: string, features: readonly string[]])[] = [
  ['event_store.client.streams.streams', 'read', ['position', 'events']],
  ['event_store.client.streams.streams', 'append', []],
  ['event_store.client.streams.streams', 'batchappend', []],
  ['event_store.client.server_features.serverfeatures', 'getsupportedmethods', []],
];
const STAND_IN_VERSION = '23.10.0-esdb-stand-in';

export async function startEsdbStandIn(options: EsdbStandInOptions = {}): Promise<EsdbStandIn> {
  const log = options.log ?? ((line: string) => console.log(line));
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'esdb-stand-in-'));
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteEventStore(join(dataDir, 'esdb-stand-in.db'));
  const streams = createStreamsStandIn({ store, positionOffset: options.positionOffset ?? 0n, log });

  const server = new Server();
  server.addService(streamsGrpc.StreamsService, streams.implementation);
  server.addService(serverFeaturesGrpc.ServerFeaturesService, {
    getSupportedMethods: (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const methods = SUPPORTED.map(([service, method, features]) =>
        new serverFeaturesPb.SupportedMethod().setServiceName(service).setMethodName(method).setFeaturesList([...features]));
      callback(null, new serverFeaturesPb.SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(STAND_IN_VERSION));
    },
  });

  const host = options.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const url = `esdb://${host}:${port}?tls=false`;
  log(`esdb-stand-in: listening on ${url} (data in ${dataDir}) — a test stand-in, not EventStoreDB`);

  let stopped = false;
  return {
    url,
    port,
    dataDir,
    dropSubscriptions: (reason = 'dropped on request') => streams.dropSubscriptions(reason),
    scavenge: () => scavenge(store),
    size() {
      const row = store.db.prepare<[], { events: bigint; bytes: bigint | null }>('SELECT COUNT(*) AS events, SUM(LENGTH(data) + LENGTH(metadata)) AS bytes FROM events').get()!;
      return { events: Number(row.events), bytes: Number(row.bytes ?? 0n) };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      streams.shutdown();
      // forceShutdown cancels live calls, so connected clients see the server go away mid-subscription.
      server.forceShutdown();
      await store.close();
      if (temporary) rmSync(dataDir, { recursive: true, force: true });
      log(`esdb-stand-in: stopped ${url}`);
    },
  };
}
