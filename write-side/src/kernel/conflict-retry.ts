/**
 * How a command that lost the race for its stream tries again (only when the caller pinned no
 * revision: see command-handler.ts). Writers that collided once collide again if they all reload
 * at once, so each waits a random share of a doubling window ("full jitter") before reloading.
 * The randomness and the waiting are injected so tests decide both.
 */
export interface ConflictRetry {
  /** Attempts in all, the first one included. */
  readonly attempts: number;
  /** Milliseconds to wait after attempt `attempt` (1-based) lost, before the next one. */
  readonly delay: (attempt: number) => number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface BackoffOptions {
  readonly attempts?: number;
  readonly baseMs?: number;
  readonly capMs?: number;
  /** A number in [0, 1). */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function jitteredBackoff(options: BackoffOptions = {}): ConflictRetry {
  const { attempts = 10, baseMs = 5, capMs = 100, random = Math.random, sleep = realSleep } = options;
  return {
    attempts,
    delay: (attempt) => Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1))),
    sleep,
  };
}

/**
 * Ten attempts. Group commit (eventstore/group-commit.ts) writes appends that arrive together in one
 * transaction, so of N writers to one stream that collide in a batch exactly one wins per round: a
 * burst of N needs up to N rounds. Five lost the sixth of six concurrent project registrations when
 * their retries met in one batch; ten, with the jitter capped at 100 ms, waits at most about 0.6 s.
 */
export const DEFAULT_CONFLICT_RETRY: ConflictRetry = jitteredBackoff();
