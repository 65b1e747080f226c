import type { Subscription } from 'rxjs';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { leasesOf, type LeaseStore } from '@sss/contracts/ports/leases';
import { lead, type LeadershipOptions } from '@sss/contracts/streams/leadership';
import { CheckpointFencedError, checkpointsOf, type CheckpointStore } from '../eventstore/checkpoint-store.ts';
import { LEDGER_GENESIS, ledgerLink } from './chain.ts';
import { checkpointSignatureValid, signCheckpoint, type SignedCheckpoint } from './checkpoint.ts';
import { appendCheckpoint, readCheckpointFile } from './checkpoint-log.ts';
import type { LedgerKeys } from './keys.ts';

/**
 * The checkpoint signer: a write-side subscriber that follows the whole log, keeps the ledger head
 * and signs it every `every` events, at least once a day, once caught up at start and at stop. It
 * resumes from its own last checkpoint (whose signature it checks), so a log changed while SSS was
 * down is never re-signed as if it were intact: its later checkpoints extend the honest head.
 *
 * Among several write instances one signs: the signer runs under the event store's lease
 * `ledger-signer` (docs/architecture.md §Leadership and checkpoints), and before each signature
 * records the position it signs in the checkpoint store with the lease's fencing token. A deposed
 * signer's record is refused, and it then signs nothing more; what it may have signed in the
 * moment between its last accepted record and its successor's claim is still a true head.
 */
export interface LedgerSignerOptions {
  readonly events: EventStore;
  readonly keys: LedgerKeys;
  /** The append-only checkpoint file (JSONL), outside the event store. */
  readonly file: string;
  readonly every: number;
  readonly dailyMs?: number;
  readonly clock?: () => Date;
  readonly log: (message: string, error?: unknown) => void;
  /** Where its lease lives; defaults to the event store's own. null signs unconditionally (a test, a one-off tool). */
  readonly leases?: LeaseStore | null;
  readonly lease?: Pick<LeadershipOptions<never>, 'holder' | 'ttlMs' | 'renewMs'>;
  /** Where the fenced record of the last signed position lives; defaults to the store beside `events`. */
  readonly checkpoints?: CheckpointStore;
}

export interface LedgerSigner {
  /**
   * Sign the current head now (null before the signer has caught up, while the log is empty, on
   * an instance that does not lead the signer, or once deposed).
   */
  signNow(): Promise<SignedCheckpoint | null>;
  /** Resolves once the signer has read the log up to where it stood at start. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The lease, and the checkpoint-store record of the last signed position that carries its token. */
export const LEDGER_SIGNER = 'ledger-signer';

export async function startLedgerSigner(options: LedgerSignerOptions): Promise<LedgerSigner> {
  const leases = options.leases === undefined ? leasesOf(options.events) : options.leases;
  if (!leases) return sign(options);
  let leading!: (signer: LedgerSigner) => void;
  const first = new Promise<LedgerSigner>((resolve) => (leading = resolve));
  const leadership = lead({
    ...options.lease,
    leases,
    name: LEDGER_SIGNER,
    start: async (token) => {
      const signer = await sign(options, token);
      leading(signer);
      return signer;
    },
    log: options.log,
  });
  return {
    signNow: async () => (await leadership.current()?.signNow()) ?? null,
    caughtUp: () => first.then((signer) => signer.caughtUp()),
    stop: () => leadership.stop(),
  };
}

/** One term of signing; `token`: the lease's fencing token (none without a lease). */
async function sign(options: LedgerSignerOptions, token?: bigint): Promise<LedgerSigner> {
  const fence = options.checkpoints ?? checkpointsOf(options.events);
  const clock = options.clock ?? (() => new Date());
  const own = readCheckpointFile(options.file).checkpoints.filter((c) => checkpointSignatureValid(c, options.keys.publicKey));
  const resume = own.reduce<SignedCheckpoint | null>((latest, c) => (!latest || BigInt(c.position) > BigInt(latest.position) ? c : latest), null);
  let head = resume?.ledgerHead ?? LEDGER_GENESIS;
  let count = resume ? BigInt(resume.count) : 0n;
  let position = resume ? BigInt(resume.position) : 0n;
  let signedCount = resume ? count : -1n;
  const startHead = await options.events.headPosition();
  let ready = false;
  let markReady!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markReady = resolve));

  let deposed = false;
  // Claimed at once: from here on the predecessor's records, and so its signatures, are refused.
  if (token !== undefined) await fence.write(LEDGER_SIGNER, position, token);
  let signing: Promise<unknown> = Promise.resolve();
  /** Signatures in the order asked, each after its fenced record. */
  const sign = (): Promise<SignedCheckpoint | null> => {
    const facts = { position: position.toString(), count: count.toString(), ledgerHead: head, signedAt: clock().toISOString(), keyId: options.keys.keyId };
    signedCount = count;
    const work = signing.then(async () => {
      if (deposed) return null;
      try {
        if (token !== undefined) await fence.write(LEDGER_SIGNER, BigInt(facts.position), token);
      } catch (error) {
        if (!(error instanceof CheckpointFencedError)) throw error;
        deposed = true;
        options.log('ledger signer: another instance signs now; this one stops signing', error);
        return null;
      }
      const checkpoint = signCheckpoint(facts, options.keys.privateKey);
      appendCheckpoint(options.file, checkpoint);
      return checkpoint;
    });
    signing = work.catch(() => undefined);
    return work;
  };
  const signLogged = (what: string) => void sign().catch((error: unknown) => options.log(`ledger signer: could not sign ${what}`, error));
  const signIfNew = (what: string) => {
    if (count !== signedCount && count > 0n) signLogged(what);
  };
  const becomeReady = () => {
    if (ready) return;
    ready = true;
    // Caught up once the first signature is on file (or refused).
    if (count !== signedCount && count > 0n) void sign().catch((error: unknown) => options.log('ledger signer: could not sign once caught up', error)).finally(markReady);
    else markReady();
  };

  const subscription: Subscription = options.events.subscribeAll(position).subscribe({
    next(event) {
      try {
        head = ledgerLink(head, { position: event.position, streamName: event.streamName, revision: event.revision, eventHash: event.metadata.hash });
        count += 1n;
        position = event.position;
        if (!ready && position >= startHead) becomeReady();
        else if (ready && count - (signedCount < 0n ? 0n : signedCount) >= BigInt(options.every)) signLogged('a checkpoint');
      } catch (error) {
        options.log('ledger signer: could not follow the log', error);
      }
    },
    error: (error: unknown) => options.log('ledger signer stopped', error),
  });
  if (position >= startHead) becomeReady();
  // The daily checkpoint is signed even when nothing changed: it vouches that the log still ended here that day.
  const daily = setInterval(() => {
    if (!ready || count === 0n) return;
    signLogged('the daily checkpoint');
  }, options.dailyMs ?? DAY_MS);
  daily.unref();

  return {
    signNow: async () => (ready && count > 0n ? sign() : null),
    caughtUp: () => caughtUp,
    async stop() {
      clearInterval(daily);
      subscription.unsubscribe();
      if (ready) signIfNew('at stop');
      await signing;
    },
  };
}
