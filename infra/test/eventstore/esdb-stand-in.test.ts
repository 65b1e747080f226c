import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, firstValueFrom, take, tap, timeout, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventStoreDBClient, NO_STREAM, jsonEvent } from '@eventstore/db-client';
import { openEsdbEventStore } from '@sss/write-side/eventstore/esdb-event-store';
import { newEvents } from '@sss/write-side/eventstore/conformance';
import { startEsdbStandIn, type EsdbStandIn } from '../../src/servers/esdb-stand-in/esdb-stand-in.ts';

/**
 * Checks of the EventStoreDB stand-in itself, and with the adapter where they need control of the
 * server (which `write-side` tests cannot have): a server-side subscription drop and a stand-in
 * restart on the same port and data, with log positions beyond 2^60 (nothing lost or doubled), and
 * idempotent appends as EventStoreDB answers them.
 * Run: node --import tsx infra/test/eventstore/esdb-stand-in.test.ts
 */
test('the adapter resubscribes through a server-side drop and a stand-in restart, losing and doubling nothing', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'esdb-stand-in-restart-'));
  const positionOffset = 1n << 60n;
  const quiet = () => {};
  let standIn: EsdbStandIn = await startEsdbStandIn({ dataDir, positionOffset, log: quiet });
  const port = standIn.port;
  const resubscribes: string[] = [];
  const store = openEsdbEventStore(standIn.url, { resubscribeDelayMs: { initial: 50, max: 300 }, onResubscribe: ({ error }) => resubscribes.push(String(error)) });
  const stream = 'restart-check-1';
  try {
    await store.append(stream, newEvents(3), 'no_stream');
    let received = 0;
    let scenario: Promise<void> | undefined;
    const events = firstValueFrom(store.subscribeAll(0n).pipe(
      filter((e) => e.streamName === stream),
      tap(() => {
        received += 1;
        if (received === 3) {
          scenario = (async () => {
            assert.is(standIn.dropSubscriptions('restart check'), 1);
            await store.append(stream, newEvents(2), 2n);
          })();
        }
        if (received === 5) {
          scenario = (async () => {
            await standIn.stop();
            await new Promise((resolve) => setTimeout(resolve, 500));
            standIn = await startEsdbStandIn({ dataDir, port, positionOffset, log: quiet });
            await store.append(stream, newEvents(2), 4n);
          })();
        }
      }),
      take(7),
      toArray(),
      timeout(20_000),
    ));
    const seen = await events;
    await scenario;
    assert.equal(seen.map((e) => e.revision), [0n, 1n, 2n, 3n, 4n, 5n, 6n]);
    assert.ok(seen.every((e) => e.position > positionOffset), 'positions beyond 2^60 arrive intact');
    assert.ok(resubscribes.some((e) => e.includes('ABORTED')), 'resubscribed after the server-side drop');
    assert.ok(resubscribes.length >= 2, 'resubscribed after the restart');
  } finally {
    await store.close();
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('repeating an append with the same event ids answers success and writes nothing new', async () => {
  const standIn = await startEsdbStandIn({ log: () => {} });
  const client = EventStoreDBClient.connectionString(standIn.url);
  try {
    const events = [jsonEvent({ type: 'A', data: { n: 1 } }), jsonEvent({ type: 'B', data: { n: 2 } })];
    const first = await client.appendToStream('idem-1', events, { expectedRevision: NO_STREAM });
    const again = await client.appendToStream('idem-1', events, { expectedRevision: NO_STREAM });
    assert.is(again.nextExpectedRevision, first.nextExpectedRevision);
    assert.equal(again.position, first.position);
    const third = [jsonEvent({ type: 'C', data: {} })];
    await client.appendToStream('idem-1', third, { expectedRevision: 1n });
    await client.appendToStream('idem-1', third, { expectedRevision: 1n });
    await client.appendToStream('idem-1', third);
    let count = 0;
    for await (const _ of client.readStream('idem-1')) count += 1;
    assert.is(count, 3);
  } finally {
    await client.dispose();
    await standIn.stop();
  }
});

test.run();
