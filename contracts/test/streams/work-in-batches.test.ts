import { setImmediate as turn } from 'node:timers/promises';
import { Subject, lastValueFrom, toArray } from 'rxjs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workInBatches } from '../../src/streams/operators.ts';

/** A piece of work that stays busy until released, recording the batches it was given. */
function heldWork() {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  return {
    batches,
    release: () => release?.(),
    work: (batch: number[]) => {
      batches.push(batch);
      return new Promise<number>((resolve) => (release = () => resolve(batch.length)));
    },
  };
}

test('what arrives in one turn is one batch, what arrives while it is worked on is the next (no timer)', async () => {
  const source = new Subject<number>();
  const held = heldWork();
  const results = lastValueFrom(source.pipe(workInBatches(100, held.work), toArray()));
  for (const n of [1, 2, 3]) source.next(n);
  await turn();
  assert.equal(held.batches, [[1, 2, 3]], 'the first batch starts at the end of the turn, with the whole append');
  for (const n of [4, 5, 6, 7]) {
    source.next(n);
    await turn();
  }
  assert.equal(held.batches.length, 1, 'nothing starts while a batch is worked on');
  held.release();
  await turn();
  assert.equal(held.batches[1], [4, 5, 6, 7], 'what waited meanwhile is one batch, not four');
  source.complete();
  held.release();
  assert.equal(await results, [3, 4], 'each result emitted, then complete once drained');
});

test('batches hold at most `size` items, in order', async () => {
  const source = new Subject<number>();
  const seen: number[][] = [];
  const results = lastValueFrom(source.pipe(workInBatches(2, async (batch: number[]) => seen.push(batch)), toArray()));
  for (const n of [1, 2, 3, 4, 5]) source.next(n);
  source.complete();
  await results;
  assert.equal(seen, [[1, 2], [3, 4], [5]]);
});

test('a failed batch fails the stream', async () => {
  const source = new Subject<number>();
  const done = lastValueFrom(source.pipe(workInBatches(10, async () => Promise.reject(new Error('write failed')))));
  source.next(1);
  try {
    await done;
    assert.unreachable('the failure must reach the subscriber');
  } catch (error) {
    assert.is((error as Error).message, 'write failed');
  }
});

test.run();
