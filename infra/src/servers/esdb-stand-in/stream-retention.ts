import type { SqliteEventStore } from '@sss/write-side/eventstore/sqlite-event-store';
import { fromRecorded } from './stand-in-records.ts';

/**
 * How much of a stream the EventStoreDB stand-in shows, as EventStoreDB decides it from stream
 * metadata (test code). EventStoreDB:
 * - keeps only the last event of a metastream `$$<stream>` (its metastreams have a max count of 1);
 * - hides from stream reads every event of `<stream>` beyond the last `$maxCount` of it as soon as
 *   the metadata says so, but leaves them in the transaction log, so reads of $all still return them,
 *   until a scavenge removes them for good.
 * The stand-in does the same: `firstVisible` for stream reads at once, `scavenge` on request (the
 * operator's scavenge). Not honoured: `$maxAge`, `$tb` (truncate before) and `$acl`.
 */

const isMetastream = (name: string) => name.startsWith('$$');

function maxCountOf(store: SqliteEventStore, name: string): Promise<number | null> {
  return store.readStream(`$$${name}`, { direction: 'backwards', maxCount: 1 }).then(([meta]) => {
    if (!meta) return null;
    try {
      const parsed = JSON.parse(Buffer.from(fromRecorded(meta).data).toString('utf8')) as { $maxCount?: unknown };
      return typeof parsed.$maxCount === 'number' && Number.isSafeInteger(parsed.$maxCount) && parsed.$maxCount > 0 ? parsed.$maxCount : null;
    } catch {
      return null; // metadata that is not JSON sets nothing
    }
  });
}

/** The first revision of `name` a stream read returns, given its last revision. */
export async function firstVisible(store: SqliteEventStore, name: string, last: bigint): Promise<bigint> {
  if (isMetastream(name)) return last;
  const maxCount = await maxCountOf(store, name);
  if (maxCount === null) return 0n;
  const first = last - BigInt(maxCount) + 1n;
  return first > 0n ? first : 0n;
}

/** Removes every event no stream read can return any more; answers how many. */
export async function scavenge(store: SqliteEventStore): Promise<number> {
  const heads = store.db.prepare<[], { stream: string; revision: bigint }>('SELECT stream, revision FROM streams').all();
  const remove = store.db.prepare('DELETE FROM events WHERE stream = ? AND revision < ?');
  let removed = 0;
  for (const { stream, revision } of heads) {
    const first = await firstVisible(store, stream, BigInt(revision));
    if (first > 0n) removed += remove.run(stream, first).changes;
  }
  return removed;
}
