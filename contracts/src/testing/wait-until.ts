/**
 * Test support shared by every workspace: wait for a condition instead of sleeping for a guessed
 * time. A sleep either wastes time or passes by luck on a fast machine and fails on a busy one; a
 * bare `while (!done)` loop hangs the whole run when the condition never comes. This polls a probe
 * until it returns something truthy, and past the deadline fails with what was awaited.
 */

export interface WaitOptions {
  /** How long the condition may take to hold; generous, because CI machines are shared. */
  timeoutMs?: number;
  /** Pause between probes. */
  intervalMs?: number;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

/**
 * Resolves with the probe's first truthy value; rejects with "timed out after N ms waiting for
 * <what>". `what` may be a function, to describe the state at the time of failure.
 */
export async function waitUntil<T>(
  what: string | (() => string),
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, intervalMs = 20 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
