import { bufferTime, filter, firstValueFrom, Observable, retry, timer, type BehaviorSubject, type MonoTypeOperatorFunction, type OperatorFunction } from 'rxjs';

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

/**
 * Items handed to `work` in batches of at most `size`, one batch at a time, in order, each result
 * emitted. The first item after a quiet spell waits only for the rest of its event-loop turn (the
 * events of one append arrive together); whatever arrives while a batch is being worked on forms the
 * next one. So an idle subscriber adds no delay and runs no timer, and batches grow with the load by
 * themselves (a fixed window, `batches`, makes every item wait up to the window and wakes up the
 * process `1000 / ms` times a second, idle or not).
 */
export function workInBatches<T, R>(size: number, work: (batch: T[]) => Promise<R>): OperatorFunction<T, R> {
  return (source) =>
    new Observable<R>((subscriber) => {
      const queue: T[] = [];
      let scheduled = false;
      let running = false;
      let sourceDone = false;
      const run = async () => {
        scheduled = false;
        running = true;
        try {
          while (queue.length > 0 && !subscriber.closed) subscriber.next(await work(queue.splice(0, size)));
        } catch (error) {
          subscriber.error(error);
          return;
        } finally {
          running = false;
        }
        if (sourceDone) subscriber.complete();
      };
      const kick = () => {
        if (scheduled || running) return;
        scheduled = true;
        setImmediate(() => void run());
      };
      const subscription = source.subscribe({
        next: (item) => {
          queue.push(item);
          kick();
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          sourceDone = true;
          if (!scheduled && !running) subscriber.complete();
        },
      });
      return () => subscription.unsubscribe();
    });
}
