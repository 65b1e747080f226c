import { createHash } from 'node:crypto';

/**
 * The ledger chain: one hash chain over every event of the store in position order, so deleting,
 * inserting, reordering, rewriting or truncating anywhere changes every later link. Per-stream
 * chains (eventstore/metadata.ts) cannot see a stream's last event go missing; this chain can, up to
 * the last signed checkpoint (docs/tamper-evidence.md). The SQLite adapter stores each link with its
 * row; the verifier recomputes them, on any adapter, with this same function.
 */

/** The head before the first event. */
export const LEDGER_GENESIS = '';

export interface LedgerEntry {
  readonly position: bigint;
  readonly streamName: string;
  readonly revision: bigint;
  /** The event's own per-stream hash (metadata.hash), which covers its content. */
  readonly eventHash: string;
}

/** ledger_i = sha256(ledger_{i-1} || position_i || stream || revision || hash_i), as a JSON array so no field can bleed into the next. */
export function ledgerLink(previous: string, entry: LedgerEntry): string {
  return createHash('sha256')
    .update(JSON.stringify([previous, entry.position.toString(), entry.streamName, entry.revision.toString(), entry.eventHash]))
    .digest('hex');
}

/** The head after `entries`, starting from `previous`. */
export function ledgerHead(entries: Iterable<LedgerEntry>, previous = LEDGER_GENESIS): string {
  let head = previous;
  for (const entry of entries) head = ledgerLink(head, entry);
  return head;
}
