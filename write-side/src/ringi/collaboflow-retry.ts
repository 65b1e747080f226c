/**
 * Retry with exponential backoff and jitter. CollaboFlow is slow and sometimes down (docs/architecture.md §Between contexts:
 * nothing may be lost while it is down), but a person is waiting on most calls, so the number
 * of attempts is bounded and the caller's own retry (the process manager) takes over after that.
 */

export interface RetryPolicy {
  /** Total tries, including the first. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 5000 };

export interface RetryDeps {
  readonly sleep: (ms: number) => Promise<void>;
  /** [0, 1), replaceable so tests are deterministic. */
  readonly random: () => number;
}

export const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/**
 * Delay before try number `retry` (1 = the first retry): doubling per try, capped, with "equal
 * jitter" (half fixed, half random) so many clients recovering from one outage do not retry in step.
 */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Runs `attempt(n)` (n = 0 for the first try) until it succeeds, fails with an error `isRetryable`
 * rejects, or the tries run out; the last error is thrown. The try number lets an attempt check
 * first whether an earlier, ambiguous try already did the work.
 */
export async function withRetry<T>(
  attempt: (n: number) => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n + 1 >= policy.attempts || !isRetryable(error)) throw error;
      await deps.sleep(backoffDelay(policy, n + 1, deps.random));
    }
  }
}
