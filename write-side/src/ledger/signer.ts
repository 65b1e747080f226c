import type { Subscription } from 'rxjs';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { LEDGER_GENESIS, ledgerLink } from './chain.ts';
import { checkpointSignatureValid, signCheckpoint, type SignedCheckpoint } from './checkpoint.ts';
import { appendCheckpoint, readCheckpointFile } from './checkpoint-log.ts';
import type { LedgerKeys } from './keys.ts';

/**
 * The checkpoint signer: a write-side subscriber that follows the whole log, keeps the ledger head
 * and signs it every `every` events, at least once a day, once caught up at start and at stop. It
 * resumes from its own last checkpoint (whose signature it checks), so a log changed while SSS was
 * down is never re-signed as if it were intact: its later checkpoints extend the honest head.
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
}

export interface LedgerSigner {
  /** Sign the current head now (null before the signer has caught up, or while the log is empty). */
  signNow(): SignedCheckpoint | null;
  /** Resolves once the signer has read the log up to where it stood at start. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function startLedgerSigner(options: LedgerSignerOptions): Promise<LedgerSigner> {
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

  const sign = (): SignedCheckpoint => {
    const checkpoint = signCheckpoint({ position: position.toString(), count: count.toString(), ledgerHead: head, signedAt: clock().toISOString(), keyId: options.keys.keyId }, options.keys.privateKey);
    appendCheckpoint(options.file, checkpoint);
    signedCount = count;
    return checkpoint;
  };
  const signIfNew = () => {
    if (count !== signedCount && count > 0n) sign();
  };
  const becomeReady = () => {
    if (ready) return;
    ready = true;
    signIfNew();
    markReady();
  };

  const subscription: Subscription = options.events.subscribeAll(position).subscribe({
    next(event) {
      try {
        head = ledgerLink(head, { position: event.position, streamName: event.streamName, revision: event.revision, eventHash: event.metadata.hash });
        count += 1n;
        position = event.position;
        if (!ready && position >= startHead) becomeReady();
        else if (ready && count - (signedCount < 0n ? 0n : signedCount) >= BigInt(options.every)) sign();
      } catch (error) {
        options.log('ledger signer: could not sign a checkpoint', error);
      }
    },
    error: (error: unknown) => options.log('ledger signer stopped', error),
  });
  if (position >= startHead) becomeReady();
  // The daily checkpoint is signed even when nothing changed: it vouches that the log still ended here that day.
  const daily = setInterval(() => {
    if (!ready || count === 0n) return;
    try {
      sign();
    } catch (error) {
      options.log('ledger signer: could not sign the daily checkpoint', error);
    }
  }, options.dailyMs ?? DAY_MS);
  daily.unref();

  return {
    signNow: () => (ready && count > 0n ? sign() : null),
    caughtUp: () => caughtUp,
    async stop() {
      clearInterval(daily);
      subscription.unsubscribe();
      if (ready) {
        try {
          signIfNew();
        } catch (error) {
          options.log('ledger signer: could not sign at stop', error);
        }
      }
    },
  };
}
