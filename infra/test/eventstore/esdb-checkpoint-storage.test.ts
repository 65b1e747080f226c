import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventStoreDBClient, FORWARDS, START, jsonEvent } from '@eventstore/db-client';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { openEsdbEventStore } from '@sss/write-side/eventstore/esdb-event-store';
import { newEvents } from '@sss/write-side/eventstore/conformance';
import { startEsdbStandIn } from '../../src/servers/esdb-stand-in/esdb-stand-in.ts';

/**
 * Checkpoints out of the log on EventStoreDB (issue #17 item 3), on the stand-in, which honours
 * `$maxCount` and metastreams the way EventStoreDB does (stream-retention.ts): hidden from stream
 * reads at once, still in $all until a scavenge. And the storage a forwarder's checkpoints cost,
 * before (one `SubscriberCheckpointMoved` event per batch) and after (stream metadata).
 * Run: node --import tsx infra/test/eventstore/esdb-checkpoint-storage.test.ts
 */
const quiet = () => {};

const readAllOurs = async (store: EventStore) => {
  let after = 0n;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 500 });
    if (page.length === 0) return count;
    count += page.length;
    after = page[page.length - 1]!.position;
  }
};

test('the stand-in hides events beyond $maxCount from stream reads, keeps them in $all until a scavenge, and keeps only a metastream\'s last event', async () => {
  const standIn = await startEsdbStandIn({ log: quiet });
  const client = EventStoreDBClient.connectionString(standIn.url);
  try {
    for (let i = 0; i < 5; i += 1) await client.appendToStream('bounded-1', jsonEvent({ type: 'Tested', data: { i } }));
    await client.setStreamMetadata('bounded-1', { maxCount: 3 });
    await client.setStreamMetadata('bounded-1', { maxCount: 2 });
    const revisions = async () => {
      const out: bigint[] = [];
      for await (const resolved of client.readStream('bounded-1', { direction: FORWARDS, fromRevision: START })) out.push(resolved.event!.revision);
      return out;
    };
    assert.equal(await revisions(), [3n, 4n], 'only the last $maxCount events are read');
    const metaevents: bigint[] = [];
    for await (const resolved of client.readStream('$$bounded-1', { direction: FORWARDS, fromRevision: START })) metaevents.push(resolved.event!.revision);
    assert.equal(metaevents, [1n], 'a metastream keeps its last event only');
    assert.equal((await client.getStreamMetadata('bounded-1')).metadata?.maxCount, 2);
    assert.is(standIn.size().events, 7, 'before the scavenge everything is still in the log');
    assert.is(await standIn.scavenge(), 4, 'three hidden events and the older metaevent');
    assert.is(standIn.size().events, 3);
    assert.equal(await revisions(), [3n, 4n], 'reads are unchanged by the scavenge');
  } finally {
    await client.dispose();
    await standIn.stop();
  }
});

test('a forwarder\'s checkpoints: one event per batch before, none in the log after (figures printed)', async () => {
  const batches = 300;
  const measure = async (label: string, checkpoint: (store: ReturnType<typeof openEsdbEventStore>, position: bigint) => Promise<void>) => {
    const standIn = await startEsdbStandIn({ log: quiet });
    const store = openEsdbEventStore(standIn.url);
    try {
      for (let batch = 0; batch < batches; batch += 1) {
        // A realistic batch of business events (a company registered and edited), then its checkpoint.
        const { position } = await store.append(`company-c${batch}`, newEvents(2, 'CompanyRegistered'), 'no_stream');
        await checkpoint(store, position);
      }
      const before = standIn.size();
      const visible = await readAllOurs(store);
      await standIn.scavenge();
      const after = standIn.size();
      console.log(`${label}: ${before.events} events / ${before.bytes} bytes in the log, ${visible} read from $all by SSS; after a scavenge ${after.events} events / ${after.bytes} bytes`);
      return { before, after, visible, read: await store.checkpoints.read('forwarder-integration') };
    } finally {
      await store.close();
      await standIn.stop();
    }
  };
  const legacy = await measure('checkpoints as events', async (store, position) => {
    await store.append('checkpoint-forwarder-integration', [{ type: 'SubscriberCheckpointMoved', data: { position: position.toString() }, metadata: { actor: 'system:forwarder', correlationId: 'checkpoint' } }], 'any');
  });
  const metadata = await measure('checkpoints in stream metadata', (store, position) => store.checkpoints.write('forwarder-integration', position, 1n));
  assert.is(legacy.visible, batches * 3, 'before: every checkpoint is an event every subscriber reads');
  assert.is(metadata.visible, batches * 2, 'after: $all holds the business events only');
  assert.is(metadata.after.events, batches * 2 + 1, 'after a scavenge: the business events and one metaevent');
  assert.ok(legacy.read !== null, 'checkpoints recorded as events are still read (the upgrade path)');
  assert.ok(metadata.read !== null && metadata.read > 0n, 'the metadata checkpoint reads back');
  const share = (legacy.before.bytes - metadata.after.bytes) / legacy.before.bytes;
  console.log(`checkpoint share of the log before: ${(100 * share).toFixed(1)} % of bytes, ${(100 * batches / legacy.before.events).toFixed(1)} % of events`);
});

test.run();
