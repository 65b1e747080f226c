import { bufferTime, filter, firstValueFrom, retry, timer, type BehaviorSubject, type MonoTypeOperatorFunction, type OperatorFunction } from 'rxjs';

/**
 * The RxJS operators every event-store subscriber composes (projectors, the Kafka forwarder, the
 * 稟議 process manager, policies): one place decides how a subscriber batches and how it backs off.
 */

/** Events gathered for at most `ms` or `size` events, whichever comes first; empty windows dropped. */
export function batches<T>(ms: number, size: number): OperatorFunction<T, T[]> {
  return (source) => source.pipe(bufferTime(ms, null, size), filter((batch) => batch.length > 0));
}

/**
 * Resubscribe after a failure with doubling pauses (capped), reporting each failure. Subscribers
 * resubscribe from their stored checkpoint, so a retry resumes rather than restarts.
 */
export function retryWithBackoff<T>(onFailure: (error: unknown, attempt: number) => void = () => {}, initialMs = 100, maxMs = 30_000): MonoTypeOperatorFunction<T> {
  return retry({
    delay: (error: unknown, attempt: number) => {
      onFailure(error, attempt);
      return timer(Math.min(maxMs, initialMs * 2 ** attempt));
    },
  });
}

/**
 * Whether a follower's position reaches `position` within `timeoutMs` (read-your-writes: a read waits
 * for the projector or index that serves it, and answers 503 lagging rather than a stale view).
 */
export async function positionReached(position$: BehaviorSubject<bigint>, position: bigint, timeoutMs: number): Promise<boolean> {
  if (position$.value >= position) return true;
  const reached = firstValueFrom(position$.pipe(filter((p) => p >= position)), { defaultValue: 0n }).then(() => true);
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  return Promise.race([reached, timedOut]);
}
