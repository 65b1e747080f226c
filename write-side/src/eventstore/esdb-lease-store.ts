import type { LeaseStore } from '@sss/contracts/ports/leases';
import { streams } from '@sss/contracts/streams/names';
import type { MetadataRegister } from './metadata-register.ts';

/**
 * Leases in EventStoreDB itself (contracts/src/ports/leases.ts, docs/architecture.md §Leadership and
 * checkpoints): the metadata of stream `lease-<name>` holds the holder, the fencing token and the
 * expiry. Every acquire, renewal and release is a write conditional on the metastream revision it
 * read, so of two instances at once exactly one wins and the other re-reads and finds it held.
 * In the metadata rather than as events, because a renewal every few seconds per subscriber would
 * otherwise grow the log forever (EventStoreDB keeps the last metaevent only). The token grows on
 * every change of holder and stays on renewal, as in the SQLite and MongoDB stores.
 * Expiry is judged by the instances' clocks, as on MongoDB: they must agree to well within the
 * lease's lifetime (NTP); a leader also steps down on its own clock (leadership.ts).
 */
const HOLDER = 'sss.holder';
const TOKEN = 'sss.token';
const EXPIRES = 'sss.expiresAt';
/** Conditional writes lost to other instances before answering "held by someone else". */
const MAX_ROUNDS = 5;

interface Lease {
  readonly holder: string;
  readonly token: bigint;
  readonly expiresAt: number;
}

function leaseOf(data: Readonly<Record<string, unknown>> | undefined): Lease | null {
  const holder = data?.[HOLDER];
  const token = data?.[TOKEN];
  const expiresAt = data?.[EXPIRES];
  if (typeof holder !== 'string' || typeof token !== 'string' || !/^\d+$/.test(token) || typeof expiresAt !== 'number') return null;
  return { holder, token: BigInt(token), expiresAt };
}

const recordOf = (lease: Lease) => ({ [HOLDER]: lease.holder, [TOKEN]: lease.token.toString(), [EXPIRES]: lease.expiresAt });

export function esdbLeaseStore(register: MetadataRegister, now: () => number = Date.now): LeaseStore {
  return {
    async acquire(name, holder, ttlMs) {
      const stream = streams.lease(name);
      for (let round = 1; round <= MAX_ROUNDS; round += 1) {
        const record = await register.read(stream);
        const current = leaseOf(record?.data);
        const at = now();
        if (current && current.holder !== holder && current.expiresAt > at) return null;
        const token = !current ? 1n : current.holder === holder ? current.token : current.token + 1n;
        const written = await register.write(stream, recordOf({ holder, token, expiresAt: at + ttlMs }), record ? record.revision : 'no_stream');
        if (written !== null) return token;
      }
      // Others kept winning the race: treat it as held; the next attempt reads afresh.
      return null;
    },
    async release(name, holder) {
      const stream = streams.lease(name);
      const record = await register.read(stream);
      const current = leaseOf(record?.data);
      if (!record || !current || current.holder !== holder) return;
      // Lost to a concurrent writer: then it is no longer ours to release.
      await register.write(stream, recordOf({ ...current, expiresAt: 0 }), record.revision);
    },
    async holderOf(name) {
      const current = leaseOf((await register.read(streams.lease(name)))?.data);
      return current && current.expiresAt > now() ? { holder: current.holder, token: current.token, expiresAt: new Date(current.expiresAt).toISOString() } : null;
    },
  };
}
