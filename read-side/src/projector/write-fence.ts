import type { ReadStore } from '@sss/contracts/ports/read-store';
import { decorate } from '@sss/contracts/ports/decorate';

/**
 * The writes of a projector that is being retired (the old generation after a rebuild switched):
 * `seal` refuses every later write and resolves once the writes already under way have finished,
 * so its collections can be dropped without a late batch bringing them back. Stopping the projector
 * alone is not enough: a batch it started keeps running to its end.
 */
export interface WriteFence {
  readonly store: ReadStore;
  seal(): Promise<void>;
}

export function writeFence(raw: ReadStore): WriteFence {
  let sealed = false;
  const running = new Set<Promise<unknown>>();
  const guarded = <T>(write: () => Promise<T>): Promise<T> => {
    if (sealed) return Promise.reject(new Error('this generation was replaced by a rebuild; its writes are refused'));
    const pending = write();
    running.add(pending);
    const done = () => running.delete(pending);
    pending.then(done, done);
    return pending;
  };
  return {
    store: decorate<ReadStore>(raw, {
      apply: (changes, checkpoint, times) => guarded(() => raw.apply(changes, checkpoint, times)),
      ensureIndexes: (collection, indexes) => guarded(() => raw.ensureIndexes(collection, indexes)),
    }),
    async seal() {
      sealed = true;
      await Promise.allSettled([...running]);
    },
  };
}
