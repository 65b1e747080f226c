/**
 * What the 監査 API answers about the ledger (docs/tamper-evidence.md): the public key auditors
 * compare out of band, the signed checkpoints they export, and the outcome of whole-store checks.
 */
export interface LedgerPublicKeyView {
  readonly pem: string;
  /** sha256 of the key's DER, colon-separated hex. */
  readonly fingerprint: string;
  readonly keyId: string;
}

export interface LedgerCheckpointView {
  readonly position: string;
  readonly count: string;
  readonly ledgerHead: string;
  readonly signedAt: string;
  readonly keyId: string;
  readonly signature: string;
}

export interface LedgerCheckpointsView {
  readonly keyId: string;
  readonly fingerprint: string;
  readonly checkpoints: readonly LedgerCheckpointView[];
}

export interface LedgerBreakView {
  readonly kind: 'stream_chain' | 'ledger_mismatch' | 'checkpoint_mismatch' | 'checkpoint_signature' | 'checkpoint_deleted' | 'truncated' | 'error';
  readonly stream: string | null;
  readonly revision: string | null;
  readonly position: string | null;
  readonly detail: string;
}

/** The data of a `LedgerVerified` event: one whole-store verification, who asked and what it found. */
export interface LedgerVerifiedData {
  readonly requestedBy: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly intact: boolean;
  readonly events: number;
  readonly streams: number;
  readonly lastPosition: string;
  readonly ledgerHead: string;
  readonly checkpointsChecked: number;
  readonly lastCheckpoint: { readonly position: string; readonly count: string; readonly signedAt: string } | null;
  readonly firstBreak: LedgerBreakView | null;
}

export interface LedgerVerificationStatusView {
  /** The verification in progress, if any. */
  readonly running: { readonly requestedBy: string; readonly requestedByName: string; readonly startedAt: string; readonly events: number; readonly position: string; readonly head: string } | null;
  /** The last recorded one, with the name of who asked for it. */
  readonly latest: (LedgerVerifiedData & { readonly requestedByName: string }) | null;
}

/** Whole-store verifications are recorded in one stream (`ledgeraudit-verifications`). */
export type LedgerAuditEvent = { type: 'LedgerVerified'; data: LedgerVerifiedData };
