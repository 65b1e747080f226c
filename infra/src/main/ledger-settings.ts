import { join, resolve } from 'node:path';

/** Where the ledger's signing key and checkpoints live, and how often to sign (docs/tamper-evidence.md). */
export interface LedgerSettings {
  /** Ed25519 private key (PEM). Unset: `<data dir>/ledger-key.pem`, created at first start — production keeps it elsewhere. */
  readonly keyFile: string;
  /** Only the embedded default creates a missing key; a configured key file must exist. */
  readonly createKey: boolean;
  /** The append-only JSONL of signed checkpoints. */
  readonly checkpointFile: string;
  /** Sign a checkpoint every this many events (also daily, at start and at stop). */
  readonly checkpointEvery: number;
}

export function readLedgerSettings(env: NodeJS.ProcessEnv, dataDir: string): LedgerSettings {
  const every = Number(env.SSS_LEDGER_CHECKPOINT_EVERY || 1000);
  if (!Number.isInteger(every) || every < 1) throw new Error(`SSS_LEDGER_CHECKPOINT_EVERY must be a positive integer, got "${env.SSS_LEDGER_CHECKPOINT_EVERY}"`);
  return {
    keyFile: env.SSS_LEDGER_KEY_FILE ? resolve(env.SSS_LEDGER_KEY_FILE) : join(dataDir, 'ledger-key.pem'),
    createKey: !env.SSS_LEDGER_KEY_FILE,
    checkpointFile: resolve(env.SSS_LEDGER_CHECKPOINT_FILE || join(dataDir, 'ledger-checkpoints.jsonl')),
    checkpointEvery: every,
  };
}
