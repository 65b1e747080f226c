import type { KeyObject } from 'node:crypto';
import type { RecordedEvent } from '@sss/contracts/ports/event-store';
import type { LedgerVerifiedData } from '@sss/contracts/audit/ledger';
import { hashVerifies } from '../eventstore/metadata.ts';
import { LEDGER_GENESIS, ledgerLink } from './chain.ts';
import { checkpointSignatureValid, type SignedCheckpoint } from './checkpoint.ts';

/**
 * The whole-store verifier: reads every event in position order, recomputes each stream's chain
 * and the ledger chain, and holds the result against the signed checkpoints. It trusts nothing the
 * store says about itself except the event content; what it can and cannot prove is written down
 * in docs/tamper-evidence.md.
 */

/** An event as the verifier reads it; `storedLedger` is the adapter's stored link (SQLite), absent where there is none. */
export type VerifiableEvent = RecordedEvent & { readonly storedLedger?: string | null };

/** One page of events strictly after `after`, in position order. */
export type ReadPage = (after: bigint, maxCount: number) => Promise<readonly VerifiableEvent[]>;

export type BreakKind =
  | 'stream_chain'
  | 'ledger_mismatch'
  | 'checkpoint_mismatch'
  | 'checkpoint_signature'
  | 'checkpoint_deleted'
  | 'truncated';

export interface LedgerBreak {
  readonly kind: BreakKind;
  readonly stream: string | null;
  readonly revision: string | null;
  readonly position: string | null;
  readonly detail: string;
}

/** What a verification finds: the recorded `LedgerVerified` data without who asked and when. */
export type VerificationReport = Omit<LedgerVerifiedData, 'requestedBy' | 'startedAt' | 'finishedAt' | 'firstBreak'> & { readonly firstBreak: LedgerBreak | null };

export interface VerifyProgress {
  readonly events: number;
  readonly position: bigint;
}

export interface VerifyOptions {
  readonly readPage: ReadPage;
  /** Checkpoints kept with the running system (its JSONL file). */
  readonly checkpoints: readonly SignedCheckpoint[];
  /** An auditor's exported copy: each must verify and still be present in `checkpoints`. */
  readonly exported?: readonly SignedCheckpoint[];
  /** Lines of the checkpoint file that are not checkpoints at all. */
  readonly damagedCheckpointLines?: readonly number[];
  readonly publicKey: KeyObject;
  readonly onProgress?: (progress: VerifyProgress) => void;
  readonly pageSize?: number;
}

const byPosition = (a: SignedCheckpoint, b: SignedCheckpoint) => (BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0);

const at = (kind: BreakKind, event: RecordedEvent, detail: string): LedgerBreak => ({
  kind, stream: event.streamName, revision: event.revision.toString(), position: event.position.toString(), detail,
});

/** Checks of the checkpoints themselves, before any event is read. */
function checkpointBreaks(options: VerifyOptions): { trusted: SignedCheckpoint[]; breaks: LedgerBreak[] } {
  const breaks: LedgerBreak[] = [];
  for (const line of options.damagedCheckpointLines ?? []) {
    breaks.push({ kind: 'checkpoint_signature', stream: null, revision: null, position: null, detail: `line ${line} of the checkpoint file is not a checkpoint` });
  }
  const trusted = new Map<string, SignedCheckpoint>();
  const local = new Set(options.checkpoints.map((c) => c.signature));
  const check = (checkpoint: SignedCheckpoint, source: string) => {
    if (!checkpointSignatureValid(checkpoint, options.publicKey)) {
      breaks.push({ kind: 'checkpoint_signature', stream: null, revision: null, position: checkpoint.position, detail: `the ${source} checkpoint signed at ${checkpoint.signedAt} (key ${checkpoint.keyId}) does not verify with this public key` });
      return;
    }
    trusted.set(checkpoint.signature, checkpoint);
  };
  for (const checkpoint of options.checkpoints) check(checkpoint, 'stored');
  for (const checkpoint of options.exported ?? []) {
    check(checkpoint, 'exported');
    if (!local.has(checkpoint.signature)) {
      breaks.push({ kind: 'checkpoint_deleted', stream: null, revision: null, position: checkpoint.position, detail: `the checkpoint signed at ${checkpoint.signedAt} is in the exported copy but no longer with the system` });
    }
  }
  return { trusted: [...trusted.values()].sort(byPosition), breaks };
}

export async function verifyLedger(options: VerifyOptions): Promise<VerificationReport> {
  const { trusted, breaks } = checkpointBreaks(options);
  const streams = new Map<string, { revision: bigint; hash: string }>();
  const pageSize = options.pageSize ?? 1000;
  let head = LEDGER_GENESIS;
  let count = 0;
  let last = 0n;
  let next = 0; // index of the first checkpoint not yet reached
  let lastChecked: SignedCheckpoint | null = null;
  let walkBreak: LedgerBreak | null = null;

  walk: for (;;) {
    const page = await options.readPage(last, pageSize);
    for (const event of page) {
      // A checkpoint whose position no longer holds an event: the event it ends on is gone.
      while (next < trusted.length && BigInt(trusted[next]!.position) < event.position) {
        const missing = trusted[next]!;
        walkBreak = at('checkpoint_mismatch', event, `no event at position ${missing.position}, where the checkpoint signed at ${missing.signedAt} ends`);
        break walk;
      }
      const previous = streams.get(event.streamName);
      const expected = previous ? previous.revision + 1n : 0n;
      if (event.revision !== expected) {
        walkBreak = at('stream_chain', event, `revision ${event.revision} follows revision ${previous ? previous.revision.toString() : '(none)'} of the stream: an event is missing or out of order`);
        break walk;
      }
      const { hash } = event.metadata;
      if (!hashVerifies(event, previous?.hash ?? '')) {
        walkBreak = at('stream_chain', event, 'the event hash does not match its content and the previous event of its stream');
        break walk;
      }
      streams.set(event.streamName, { revision: event.revision, hash });
      head = ledgerLink(head, { position: event.position, streamName: event.streamName, revision: event.revision, eventHash: hash });
      count += 1;
      last = event.position;
      if (event.storedLedger !== undefined && event.storedLedger !== head) {
        walkBreak = at('ledger_mismatch', event, event.storedLedger === null ? 'no ledger link is stored for this event' : 'the stored ledger link differs from the one recomputed from all earlier events: an earlier event was deleted, inserted or moved, or this one was');
        break walk;
      }
      while (next < trusted.length && BigInt(trusted[next]!.position) === event.position) {
        const checkpoint = trusted[next]!;
        if (checkpoint.ledgerHead !== head || checkpoint.count !== String(count)) {
          const since = lastChecked ? `after position ${lastChecked.position} (the previous checkpoint)` : 'from the start';
          walkBreak = at('checkpoint_mismatch', event, `the log up to here (${count} events) does not match the checkpoint signed at ${checkpoint.signedAt} (${checkpoint.count} events): an event ${since} up to this position was changed, added or removed`);
          break walk;
        }
        lastChecked = checkpoint;
        next += 1;
      }
    }
    options.onProgress?.({ events: count, position: last });
    if (page.length < pageSize) break;
  }

  if (!walkBreak && next < trusted.length) {
    const beyond = trusted[trusted.length - 1]!;
    walkBreak = {
      kind: 'truncated', stream: null, revision: null, position: trusted[next]!.position,
      detail: `the log ends at position ${last} after ${count} events, but the checkpoint signed at ${beyond.signedAt} covers ${beyond.count} events up to position ${beyond.position}`,
    };
  }
  const all = walkBreak ? [...breaks, walkBreak] : breaks;
  // The earliest position is the first break; breaks of the checkpoint file itself (no position) come first.
  const rank = (b: LedgerBreak) => (b.position === null ? -1n : BigInt(b.position));
  const firstBreak = all.reduce<LedgerBreak | null>((first, b) => (first === null || rank(b) < rank(first) ? b : first), null);
  return {
    intact: firstBreak === null,
    events: count,
    streams: streams.size,
    lastPosition: last.toString(),
    ledgerHead: head,
    checkpointsChecked: trusted.filter((c) => BigInt(c.position) <= last).length,
    lastCheckpoint: trusted.length ? { position: trusted.at(-1)!.position, count: trusted.at(-1)!.count, signedAt: trusted.at(-1)!.signedAt } : null,
    firstBreak,
  };
}
