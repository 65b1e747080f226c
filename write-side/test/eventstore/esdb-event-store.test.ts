import { randomUUID } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { filter, firstValueFrom, take, tap, timeout, toArray } from 'rxjs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { eventStoreConformance, newEvents } from '../../src/eventstore/conformance.ts';
import { checkpointStoreConformance } from '../../src/eventstore/checkpoint-conformance.ts';
import { leaseStoreConformance } from '../../src/eventstore/lease-conformance.ts';
import { verifyChain } from '../../src/eventstore/metadata.ts';
import { appendOptions, fromEsdbPosition, openEsdbEventStore, toEsdbExpectedRevision, toEsdbPosition } from '../../src/eventstore/esdb-event-store.ts';

/**
 * The EventStoreDB adapter against a server at EVENTSTORE_URL: the stand-in in CI, a real
 * EventStoreDB whenever one is given. Without a server this file fails; it never skips.
 */
const url = process.env.EVENTSTORE_URL;
if (!url) {
  throw new Error('EVENTSTORE_URL is not set: run through `npm test` (which starts the EventStoreDB stand-in) or point it at an EventStoreDB, e.g. EVENTSTORE_URL=esdb://127.0.0.1:2113?tls=false');
}

eventStoreConformance('EventStoreDB', async () => openEsdbEventStore(url));
checkpointStoreConformance('EventStoreDB stream metadata', async () => openEsdbEventStore(url));
leaseStoreConformance('EventStoreDB stream metadata', async () => openEsdbEventStore(url));

const stream = (prefix: string) => `${prefix}-${randomUUID().replaceAll('-', '')}`;

/** A TCP relay between the client and the server, so a test can cut the connection like a network would. */
async function startRelay(target: string) {
  const parsed = new URL(target.replace(/^esdb:/, 'http:'));
  const targetHost = parsed.hostname;
  const targetPort = Number(parsed.port || 2113);
  const sockets = new Set<Socket>();
  let swallowAnswers = false;
  let server: Server | undefined;
  let port = 0;
  const listen = () => new Promise<void>((resolve, reject) => {
    server = createServer((inbound) => {
      const outbound = createConnection({ host: targetHost, port: targetPort });
      sockets.add(inbound).add(outbound);
      const drop = () => {
        inbound.destroy();
        outbound.destroy();
        sockets.delete(inbound);
        sockets.delete(outbound);
      };
      inbound.on('error', drop).on('close', drop).pipe(outbound);
      outbound.on('error', drop).on('close', drop).on('data', (chunk: Buffer) => {
        if (!swallowAnswers) inbound.write(chunk);
      });
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server!.address() as { port: number }).port;
      resolve();
    });
  });
  await listen();
  const relayUrl = `esdb://127.0.0.1:${port}${parsed.search}`;
  const cut = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    url: relayUrl,
    cut,
    /** Refuse connections for a while (the server "is down"), dropping the live ones. */
    async down() {
      // close() waits for open connections, so cut them while it waits.
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      cut();
      await closed;
    },
    up: listen,
    /** Let requests through but lose every answer, until the connections are cut. */
    loseAnswers() {
      swallowAnswers = true;
    },
    cutAndHeal() {
      cut();
      swallowAnswers = false;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      cut();
      await closed;
    },
  };
}

const adapter = suite('EventStoreDB adapter specifics');

adapter('positions map to and from EventStoreDB {commit, prepare} exactly, far beyond 2^53', () => {
  for (const position of [1n, 2n ** 53n + 1n, 2n ** 63n + 5n, 2n ** 64n - 1n]) {
    assert.equal(toEsdbPosition(position), { commit: position, prepare: position });
    assert.is(fromEsdbPosition(toEsdbPosition(position)), position);
  }
  assert.throws(() => toEsdbPosition(2n ** 64n), /uint64/);
  assert.throws(() => toEsdbPosition(-1n), /uint64/);
});

adapter('expected revisions map to the client constants, under the option key the 6.x client reads', () => {
  assert.is(toEsdbExpectedRevision('no_stream'), 'no_stream');
  assert.is(toEsdbExpectedRevision('stream_exists'), 'stream_exists');
  assert.is(toEsdbExpectedRevision('any'), 'any');
  assert.is(toEsdbExpectedRevision(2n ** 60n), 2n ** 60n);
  // @kurrent/kurrentdb-client reads `streamState` and ignores this key: the race test below fails there.
  assert.equal(appendOptions(3n), { expectedRevision: 3n });
});

adapter('a stale revision is refused by the server itself and surfaces as RevisionConflictError', async () => {
  const s = stream('stale');
  const winner = openEsdbEventStore(url);
  let raced = false;
  // Our local head check passes (the head is 0), then another writer appends before we send: only
  // the server's expected-revision check can stop us now. If the option were ignored, we would win.
  const loser = openEsdbEventStore(url, {
    beforeAppendSent: async () => {
      if (raced) return;
      raced = true;
      await winner.append(s, newEvents(1), 0n);
    },
  });
  try {
    await winner.append(s, newEvents(1), 'no_stream');
    const outcome = await loser.append(s, newEvents(1), 0n).then(() => 'appended', (error: unknown) => error);
    assert.instance(outcome, RevisionConflictError);
    assert.is((outcome as RevisionConflictError).actual, 1n);
    assert.is((outcome as RevisionConflictError).expected, 0n);
    const events = await winner.readStream(s);
    assert.is(events.length, 2);
    assert.equal(verifyChain(events), { valid: true });
  } finally {
    await loser.close();
    await winner.close();
  }
});

adapter("an 'any' append that loses a race re-chains on the new head instead of forking the hash chain", async () => {
  const s = stream('any');
  const other = openEsdbEventStore(url);
  let raced = false;
  const store = openEsdbEventStore(url, {
    beforeAppendSent: async () => {
      if (raced) return;
      raced = true;
      await other.append(s, newEvents(1), 0n);
    },
  });
  try {
    await other.append(s, newEvents(1), 'no_stream');
    const result = await store.append(s, newEvents(1), 'any');
    assert.is(result.nextExpectedRevision, 2n);
    const events = await store.readStream(s);
    assert.equal(events.map((e) => e.revision), [0n, 1n, 2n]);
    assert.equal(verifyChain(events), { valid: true });
  } finally {
    await store.close();
    await other.close();
  }
});

adapter('a head remembered from our own append but moved by another process is caught by the server', async () => {
  const s = stream('remembered');
  const ours = openEsdbEventStore(url);
  const theirs = openEsdbEventStore(url);
  try {
    await ours.append(s, newEvents(1), 'no_stream'); // we now remember revision 0
    await theirs.append(s, newEvents(1), 0n);
    const conflict = await ours.append(s, newEvents(1), 0n).then(() => 'appended', (error: unknown) => error);
    assert.instance(conflict, RevisionConflictError);
    assert.is((conflict as RevisionConflictError).actual, 1n);
    const result = await ours.append(s, newEvents(1), 'any'); // re-reads the head after the refusal
    assert.is(result.nextExpectedRevision, 2n);
    assert.equal(verifyChain(await theirs.readStream(s)), { valid: true });
  } finally {
    await ours.close();
    await theirs.close();
  }
});

/** The head and the last event readAll shows up to it, read while nothing was appended between the two head reads. */
async function headAndLastVisible(store: ReturnType<typeof openEsdbEventStore>, after: bigint): Promise<{ head: bigint; lastVisible: bigint | undefined }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const head = await store.headPosition();
    const visible = await store.readAll({ after, maxCount: 100_000 });
    if ((await store.headPosition()) === head) return { head, lastVisible: visible.filter((e) => e.position <= head).at(-1)?.position };
  }
  throw new Error('the server never stood still between two reads of its head');
}

adapter('system events ($-types, as EventStoreDB writes them) are invisible to headPosition, readAll and subscribeAll', async () => {
  const store = openEsdbEventStore(url);
  const s = stream('with-system');
  const systemLike = Array.from({ length: 40 }, () => ({ type: '$statsCollected', data: {}, metadata: { actor: 'system:test', correlationId: 'c' } }));
  try {
    const before = await store.headPosition();
    const ours = await store.append(s, newEvents(1), 'no_stream');
    await store.append(stream('stats'), systemLike, 'no_stream');
    // Other test files append to the same server meanwhile, so the head is compared with the last event
    // readAll shows, both read with no append between them (not with our own event's position).
    const { head, lastVisible } = await headAndLastVisible(store, before);
    assert.ok(head >= ours.position, 'the head is at or past our event');
    assert.is(head, lastVisible, 'head skips the system events on top');
    const last = await store.append(s, newEvents(1), 0n);
    const all = (await store.readAll({ after: before, maxCount: 100_000 })).filter((e) => e.type.startsWith('$') || e.streamName === s);
    assert.equal(all.map((e) => e.revision), [0n, 1n]);
    const live = await firstValueFrom(store.subscribeAll(before).pipe(
      filter((e) => e.type.startsWith('$') || e.streamName === s),
      take(2),
      toArray(),
      timeout(10_000),
    ));
    assert.equal(live.map((e) => e.position), [ours.position, last.position]);
  } finally {
    await store.close();
  }
});

adapter('an append whose answer is lost is asked again and lands exactly once', async () => {
  const relay = await startRelay(url);
  const direct = openEsdbEventStore(url);
  let tripped = true;
  const store = openEsdbEventStore(relay.url, {
    beforeAppendSent: async () => {
      if (tripped) return;
      tripped = true;
      // The request reaches the server and is written; the acknowledgement never comes back.
      relay.loseAnswers();
      setTimeout(() => relay.cutAndHeal(), 500);
    },
  });
  const s = stream('lost-ack');
  try {
    await store.append(stream('warm-up'), newEvents(1), 'no_stream'); // connected, capabilities known
    tripped = false;
    const result = await store.append(s, newEvents(2), 'no_stream');
    assert.is(result.nextExpectedRevision, 1n);
    const events = await direct.readStream(s);
    assert.equal(events.map((e) => e.revision), [0n, 1n], 'written once, not twice');
    assert.is(result.position, events[1]!.position);
    assert.equal(verifyChain(events), { valid: true });
  } finally {
    await store.close();
    await direct.close();
    await relay.stop();
  }
});

adapter('a subscription survives dropped connections and an outage: nothing lost, nothing doubled', async () => {
  const relay = await startRelay(url);
  const direct: EventStore = openEsdbEventStore(url);
  const resubscribes: unknown[] = [];
  const viaRelay = openEsdbEventStore(relay.url, {
    resubscribeDelayMs: { initial: 50, max: 400 },
    onResubscribe: ({ error }) => resubscribes.push(error),
  });
  const s = stream('resub');
  try {
    const checkpoint = await direct.headPosition();
    await direct.append(s, newEvents(5), 'no_stream');
    let received = 0;
    let droppedOnce = false;
    let outage: Promise<void> | undefined;
    const all = firstValueFrom(viaRelay.subscribeAll(checkpoint).pipe(
      filter((e) => e.streamName === s),
      tap(() => {
        received += 1;
        if (received === 3 && !droppedOnce) {
          droppedOnce = true;
          relay.cut(); // mid catch-up
        }
        if (received === 5 && !outage) {
          outage = (async () => {
            await relay.down(); // live phase: the server goes away for a while
            await direct.append(s, newEvents(5), 4n);
            await new Promise((resolve) => setTimeout(resolve, 500));
            await relay.up();
            await direct.append(s, newEvents(5), 9n);
          })();
        }
      }),
      take(15),
      toArray(),
      timeout(20_000),
    ));
    const events = await all;
    await outage;
    assert.equal(events.map((e) => e.revision), Array.from({ length: 15 }, (_, i) => BigInt(i)), 'every revision once, in order');
    assert.ok(resubscribes.length >= 2, `resubscribed after each drop (saw ${resubscribes.length})`);
    for (let i = 1; i < events.length; i += 1) assert.ok(events[i]!.position > events[i - 1]!.position);
  } finally {
    await viaRelay.close();
    await direct.close();
    await relay.stop();
  }
});

adapter.run();
