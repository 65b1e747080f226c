import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, filter } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { ReadStore } from '@sss/contracts/ports/read-store';
import { openEmbeddedReadStore } from '../../src/store/embedded-read-store.ts';
import { projectBatch, startProjector } from '../../src/projector/projector.ts';
import { countingProjection } from '../support/counting-projection.ts';
import { memoryEventLog } from '../support/memory-event-log.ts';
import { readStoreKinds } from '../support/read-store-kinds.ts';

/**
 * The projector killed in the middle of a batch — some documents of the batch written, the
 * checkpoint not — and restarted, ends with exactly the read model a clean rebuild produces.
 * Runs on every read-store adapter (the embedded store and MongoDB/FerretDB), because the
 * MongoDB path has no transaction and relies on the per-document positions.
 */

const STREAMS = 7;
const EVENTS = 600;

function fillLog(): EventStore {
  const log = memoryEventLog();
  for (let i = 0; i < EVENTS; i++) log.push(`s-${i % STREAMS}`, 'Numbered', { n: i + 1 });
  return log;
}

/** A store that "crashes" on the k-th batch: it writes a part of the documents and then dies. */
class Crash extends Error {}
function crashingOn(store: ReadStore, batchIndex: number, keep: number): ReadStore {
  let batches = 0;
  // Adapters may be classes: inherit every method, replace apply only.
  return Object.assign(Object.create(store) as ReadStore, {
    async apply(changes: Parameters<ReadStore['apply']>[0], checkpoint?: Parameters<ReadStore['apply']>[1]) {
      if (batches++ === batchIndex) {
        await store.apply(changes.slice(0, keep));
        throw new Crash('killed mid-batch');
      }
      return store.apply(changes, checkpoint);
    },
  });
}

async function runToEnd(events: EventStore, store: ReadStore): Promise<void> {
  const projector = await startProjector({ events, store, projection: countingProjection, batchSize: 50 });
  const head = await events.headPosition();
  await firstValueFrom(projector.position$.pipe(filter((p) => p >= head)));
  await projector.stop();
}

async function snapshot(store: ReadStore) {
  return (await store.find('tallies', {}, { sort: { _id: 1 } })).map(({ _pos: _ignored, ...doc }) => doc);
}

for (const kind of readStoreKinds()) {
  test(`${kind.name}: killed mid-batch and restarted equals a clean rebuild`, async () => {
    const events = fillLog();
    const clean = await kind.open('clean');
    await runToEnd(events, clean);

    for (const [batchIndex, keep] of [[0, 1], [3, 2], [7, 5]] as const) {
      const store = await kind.open(`crash-${batchIndex}-${keep}`);
      const all = await events.readAll({ after: 0n, maxCount: 10_000 });
      // Up to the crash: whole batches of 50, then a torn batch.
      let failed = false;
      const crashing = crashingOn(store, batchIndex, keep);
      for (let start = 0; start < all.length && !failed; start += 50) {
        try {
          await projectBatch({ events, store: crashing, projection: countingProjection }, all.slice(start, start + 50) as RecordedEvent[]);
        } catch (error) {
          assert.instance(error, Crash);
          failed = true;
        }
      }
      assert.ok(failed, 'the crash happened');
      await runToEnd(events, store);
      assert.equal(await snapshot(store), await snapshot(clean), `crash at batch ${batchIndex} keeping ${keep} documents`);
      await store.close();
    }
    const total = (await clean.get('tallies', 'TOTAL'))!;
    assert.is(total.count, EVENTS);
    assert.is(total.sum, (EVENTS * (EVENTS + 1)) / 2);
    await clean.close();
  });
}

test('embedded: a projector stopped mid-run resumes from its checkpoint on the reopened store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sss-proj-kill-'));
  const events = fillLog();
  const store = openEmbeddedReadStore(join(dir, 'read.db'));
  const half = await startProjector({ events, store, projection: countingProjection, batchSize: 50 });
  await firstValueFrom(half.position$.pipe(filter((p) => p >= 300n)));
  await half.stop();
  await store.close();
  const reopened = openEmbeddedReadStore(join(dir, 'read.db'));
  await runToEnd(events, reopened);
  const total = (await reopened.get('tallies', 'TOTAL'))!;
  assert.is(total.count, EVENTS);
  assert.is(total.sum, (EVENTS * (EVENTS + 1)) / 2);
  await reopened.close();
});

test.run();
