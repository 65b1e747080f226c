/**
 * Leases: one leader per subscriber among any number of instances (docs/architecture.md §Leadership
 * and checkpoints). A lease is a named row with a holder, an expiry and a fencing token, kept where
 * the subscriber's state lives: the read store for projectors, the event store for write-side
 * subscribers. Whoever holds an unexpired lease leads; the others follow and try again.
 */
export interface LeaseStore {
  /**
   * Takes `name` for `holder` when it is free, expired, or already `holder`'s (then it renews), until
   * `ttlMs` from now. Answers the fencing token — the same on renewal, greater on every change of
   * holder — or null while someone else holds it. Atomic in the store: of two callers at once, one wins.
   */
  acquire(name: string, holder: string, ttlMs: number): Promise<bigint | null>;
  /** Gives `name` up if `holder` still holds it, so a follower takes over at once (clean shutdown). */
  release(name: string, holder: string): Promise<void>;
  /** Who holds `name` now (expired leases answer null). */
  holderOf(name: string): Promise<{ readonly holder: string; readonly token: bigint; readonly expiresAt: string } | null>;
}

/** An adapter (event store, read store) that keeps leases beside its data. */
export interface WithLeases {
  readonly leases: LeaseStore;
}

export const leasesOf = (port: object): LeaseStore | null => ('leases' in port ? (port as WithLeases).leases : null);
