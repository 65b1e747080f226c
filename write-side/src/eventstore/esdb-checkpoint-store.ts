import type { EventStore } from '@sss/contracts/ports/event-store';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { CheckpointFencedError, type CheckpointStore } from './checkpoint-store.ts';
import type { MetadataRegister } from './metadata-register.ts';

/**
 * Checkpoints on EventStoreDB, kept in the stream metadata of `checkpoint-<name>` rather than as
 * events of it (issue #17: `ForwarderCheckpointMoved` was 14 % of a store). EventStoreDB keeps the
 * last metaevent of a stream only, and SSS never reads metaevents from $all, so a checkpoint write
 * neither grows the log for good, nor wakes every subscriber, nor enters the ledger chain (whose
 * signed heads a scavenge of ordinary events would break; that is why this is not `$maxCount: 1` on
 * a stream of checkpoint events). Each write is conditional on the metastream revision it read and
 * refused when the recorded fencing token is greater (checkpoint-store.ts).
 */
const POSITION = 'sss.position';
const TOKEN = 'sss.token';
/** Rounds of read-then-write lost to a concurrent writer before giving up (the keeper tries again later). */
const MAX_ROUNDS = 5;

const bigintOf = (value: unknown): bigint | null => (typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : null);

export function esdbCheckpointStore(register: MetadataRegister, events: EventStore): CheckpointStore {
  /** Before this store, checkpoints were `SubscriberCheckpointMoved` events: read once, on upgrade. */
  const legacy = async (name: string) => {
    const [last] = await events.readStream(streams.checkpoint(name), { direction: 'backwards', maxCount: 1 });
    return last && isEventOf(last, ['SubscriberCheckpointMoved']) ? BigInt(last.data.position) : null;
  };
  return {
    async read(name) {
      const record = await register.read(streams.checkpoint(name));
      return bigintOf(record?.data[POSITION]) ?? (await legacy(name));
    },
    async write(name, position, token = 0n) {
      for (let round = 1; ; round += 1) {
        const record = await register.read(streams.checkpoint(name));
        const recorded = bigintOf(record?.data[TOKEN]) ?? 0n;
        if (recorded > token) throw new CheckpointFencedError(name, token, recorded);
        const written = await register.write(streams.checkpoint(name), { [POSITION]: position.toString(), [TOKEN]: token.toString() }, record ? record.revision : 'no_stream');
        if (written !== null) return;
        if (round >= MAX_ROUNDS) throw new Error(`checkpoint ${name}: the record kept moving under ${MAX_ROUNDS} writes`);
      }
    },
  };
}
