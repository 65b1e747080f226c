/**
 * Group commit for a synchronous store: requests submitted in the same turn of the event loop are
 * queued and written by one `commit` call (one transaction, one fsync) on the next turn. Each
 * request gets its own outcome, so one refused request fails only its own promise. A promise settles
 * only after `commit` has returned, i.e. after the transaction that holds it is durable.
 *
 * Why the next turn (setImmediate) rather than a microtask: writers that were just acknowledged
 * continue in microtasks and submit their next request before the check phase runs, so under load
 * every waiting writer lands in the same transaction, while a lone writer waits only one loop turn.
 */

export type Outcome<O> = { readonly ok: O } | { readonly error: unknown };

export interface GroupCommit<I, O> {
  submit(item: I): Promise<O>;
  /** Writes whatever is queued now (before closing the store). */
  flushNow(): void;
}

/** Requests per transaction: bounds how long one commit holds the event loop. */
const MAX_BATCH = 1_000;

export function groupCommit<I, O>(commit: (items: readonly I[]) => readonly Outcome<O>[], afterCommit: () => void): GroupCommit<I, O> {
  let queue: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  const flushNow = () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      let outcomes: readonly Outcome<O>[];
      try {
        outcomes = commit(batch.map((pending) => pending.item));
      } catch (error) {
        // The transaction itself failed (disk, lock): nothing of it is written, so every request in it fails.
        for (const pending of batch) pending.reject(error);
        continue;
      }
      afterCommit();
      outcomes.forEach((outcome, index) => {
        const pending = batch[index]!;
        if ('ok' in outcome) pending.resolve(outcome.ok);
        else pending.reject(outcome.error);
      });
    }
  };

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flushNow();
        });
      });
    },
    flushNow,
  };
}
