import type { EventStore } from '@sss/contracts/ports/event-store';
import type { LedgerCheckpointsView, LedgerPublicKeyView, LedgerVerificationStatusView, LedgerVerifiedData } from '@sss/contracts/audit/ledger';
import { streams } from '@sss/contracts/streams/names';
import { isEventOf } from '@sss/contracts/events/registry';
import { readCheckpointFile } from './checkpoint-log.ts';
import type { LedgerKeys } from './keys.ts';
import { actorNames } from '../user/names.ts';
import { verifyLedger, type ReadPage } from './verify.ts';

/**
 * What the 監査 screen asks of the ledger: the public key, the checkpoints to export, and
 * whole-store verifications run in the background, each recorded as a `LedgerVerified` event
 * (recorded by the system on the auditor's request: the auditor itself writes nothing).
 */
export interface LedgerAudit {
  publicKey(): LedgerPublicKeyView;
  checkpoints(): LedgerCheckpointsView;
  /** Starts a verification unless one is running; answers whether this call started it. */
  startVerification(requestedBy: string): boolean;
  status(): Promise<LedgerVerificationStatusView>;
  /** Resolves when the running verification (if any) has been recorded. */
  idle(): Promise<void>;
}

export interface LedgerAuditDeps {
  readonly events: EventStore;
  readonly keys: LedgerKeys;
  readonly checkpointFile: string;
  /** A fresh reader of the whole log (the SQLite source includes the stored links). */
  readonly openSource: () => { readPage: ReadPage; close(): void };
  /** Sign the signer's current head first, so the verification also covers everything up to now. */
  readonly checkpointNow?: () => Promise<unknown>;
  readonly clock?: () => Date;
  readonly log: (message: string, error?: unknown) => void;
}

export const LEDGER_VERIFIED = 'LedgerVerified';
const SYSTEM_ACTOR = 'system:ledger-verifier';

export function ledgerAudit(deps: LedgerAuditDeps): LedgerAudit {
  const clock = deps.clock ?? (() => new Date());
  let running: { requestedBy: string; startedAt: string; events: number; position: bigint; head: bigint; done: Promise<void> } | null = null;

  const run = async (requestedBy: string, startedAt: string, progress: { events: number; position: bigint }) => {
    const source = deps.openSource();
    let data: LedgerVerifiedData;
    try {
      const file = readCheckpointFile(deps.checkpointFile);
      const report = await verifyLedger({
        readPage: async (after, max) => {
          const page = await source.readPage(after, max);
          // Yield between pages so a long verification never starves the requests it runs beside.
          await new Promise((resolve) => setImmediate(resolve));
          return page;
        },
        checkpoints: file.checkpoints,
        damagedCheckpointLines: file.badLines,
        publicKey: deps.keys.publicKey,
        onProgress: (p) => Object.assign(progress, p),
      });
      data = { requestedBy, startedAt, finishedAt: clock().toISOString(), ...report };
    } catch (error) {
      deps.log('ledger verification failed to run', error);
      data = {
        requestedBy, startedAt, finishedAt: clock().toISOString(), intact: false, events: progress.events, streams: 0, lastPosition: progress.position.toString(), ledgerHead: '', checkpointsChecked: 0, lastCheckpoint: null,
        firstBreak: { kind: 'error', stream: null, revision: null, position: null, detail: error instanceof Error ? error.message : String(error) },
      };
    } finally {
      source.close();
    }
    await deps.events.append(streams.ledgerAudit, [{ type: LEDGER_VERIFIED, data, metadata: { actor: SYSTEM_ACTOR, correlationId: `ledger-verification-${startedAt}` } }], 'any');
  };

  return {
    publicKey: () => ({ pem: deps.keys.publicKeyPem, fingerprint: deps.keys.fingerprint, keyId: deps.keys.keyId }),
    checkpoints: () => ({ keyId: deps.keys.keyId, fingerprint: deps.keys.fingerprint, checkpoints: readCheckpointFile(deps.checkpointFile).checkpoints }),
    startVerification(requestedBy) {
      if (running) return false;
      const startedAt = clock().toISOString();
      const state = { requestedBy, startedAt, events: 0, position: 0n, head: 0n, done: Promise.resolve() };
      running = state;
      state.done = (async () => {
        try {
          await deps.checkpointNow?.();
          state.head = await deps.events.headPosition();
          await run(requestedBy, startedAt, state);
        } catch (error) {
          deps.log('ledger verification could not be recorded', error);
        } finally {
          running = null;
        }
      })();
      return true;
    },
    async status() {
      const [last] = await deps.events.readStream(streams.ledgerAudit, { direction: 'backwards', maxCount: 1 });
      const now = running;
      const latest: LedgerVerifiedData | null = last && isEventOf(last, ['LedgerVerified']) ? last.data : null;
      const names = await actorNames(deps.events, [now?.requestedBy, latest?.requestedBy].filter((a): a is string => !!a));
      return {
        running: now ? { requestedBy: now.requestedBy, requestedByName: names.get(now.requestedBy) ?? now.requestedBy, startedAt: now.startedAt, events: now.events, position: now.position.toString(), head: now.head.toString() } : null,
        latest: latest ? { ...latest, requestedByName: names.get(latest.requestedBy) ?? latest.requestedBy } : null,
      };
    },
    idle: async () => {
      await running?.done;
    },
  };
}
