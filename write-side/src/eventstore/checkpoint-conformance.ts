import { randomUUID } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CheckpointFencedError, type WithCheckpoints } from './checkpoint-store.ts';
import { keepCheckpoint } from './checkpoint-keeper.ts';

/**
 * One conformance suite for the checkpoint stores (the SQLite table, EventStoreDB stream metadata):
 * positions survive, and a write carrying an older fencing token than the recorded one is refused
 * (docs/architecture.md §Leadership and checkpoints). Names are unique, so a shared server is fine.
 */
type Opened = WithCheckpoints & { close(): Promise<void> };

export function checkpointStoreConformance(label: string, open: () => Promise<Opened>): void {
  const test = suite(`checkpoint store conformance: ${label}`);
  const name = () => `conformance-${randomUUID().slice(0, 8)}`;
  const withStore = (body: (store: Opened['checkpoints']) => Promise<void>) => async () => {
    const opened = await open();
    try {
      await body(opened.checkpoints);
    } finally {
      await opened.close();
    }
  };

  test('an unknown checkpoint reads null; a written one reads back, also past 2^53', withStore(async (store) => {
    const n = name();
    assert.is(await store.read(n), null);
    await store.write(n, 42n);
    assert.is(await store.read(n), 42n);
    await store.write(n, (1n << 60n) + 7n);
    assert.is(await store.read(n), (1n << 60n) + 7n);
  }));

  test('leader A loses its lease to B: A\'s late write is refused and B\'s position never goes backwards', withStore(async (store) => {
    const n = name();
    const a = await keepCheckpoint(store, n, { token: 1n, everyMs: 60_000 });
    a.moveTo(10n);
    await a.flush();
    // B takes the lease over (token 2): it claims the checkpoint where A left it and goes on.
    const b = await keepCheckpoint(store, n, { token: 2n, everyMs: 60_000 });
    assert.is(b.position(), 10n, 'B resumes where A recorded');
    b.moveTo(20n);
    await b.flush();
    // A, deposed but still running for a moment, tries to record a position behind B's and ahead of it.
    try {
      await store.write(n, 15n, 1n);
      assert.unreachable('a write with the older token must be refused');
    } catch (error) {
      assert.instance(error, CheckpointFencedError);
    }
    a.moveTo(30n);
    await a.flush();
    assert.is(await store.read(n), 20n, 'neither backwards (15) nor forwards (30) by the deposed leader');
    b.moveTo(25n);
    await b.flush();
    assert.is(await store.read(n), 25n, 'the new leader keeps writing');
  }));

  test('B claims the checkpoint before its first move: A cannot write in between', withStore(async (store) => {
    const n = name();
    await store.write(n, 5n, 1n);
    await keepCheckpoint(store, n, { token: 2n });
    try {
      await store.write(n, 6n, 1n);
      assert.unreachable('refused once B claimed it');
    } catch (error) {
      assert.instance(error, CheckpointFencedError);
    }
    assert.is(await store.read(n), 5n);
  }));

  test.run();
}
