import type { ApprovalStep } from '@sss/contracts/ports/workflow';

/**
 * The process manager's clocks. Every due time it acts on is written into the 稟議's stream
 * (`nextPollAt`, `nextAttemptAt`, the request time for the reminder), so a restarted manager
 * waits exactly as long as the old one would have: these numbers only say how long.
 */
export interface RingiTimers {
  /**
   * First poll after filing / after a change; doubles each quiet poll up to `pollMaxMs`. Polling is
   * the fallback for a lost webhook, so the cap bounds how late an outcome can be learnt.
   */
  readonly pollBaseMs: number;
  readonly pollMaxMs: number;
  /** The cap while the document waits on its last approvers: the next decision ends it. */
  readonly pollNearEndMaxMs: number;
  /** Back-off after a failed step (CollaboFlow down, 500s, timeouts). */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** 催促: once, this long after filing while nobody has decided. */
  readonly reminderAfterMs: number;
  /** Consecutive failures after which the 稟議 shows as 滞留 (it keeps retrying). */
  readonly stuckAfterFailures: number;
  /** How often the manager looks for due work. */
  readonly tickMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_RINGI_TIMERS: RingiTimers = {
  pollBaseMs: 30_000,
  pollMaxMs: 5 * 60 * 1000,
  pollNearEndMaxMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 10 * 60 * 1000,
  reminderAfterMs: 3 * DAY,
  stuckAfterFailures: 5,
  tickMs: 1_000,
};

export const backoff = (base: number, max: number, n: number): number => Math.min(max, base * 2 ** Math.max(0, Math.min(n, 30)));
export const plusMs = (at: Date, ms: number): string => new Date(at.getTime() + ms).toISOString();

/** Waiting on the final phase: someone is due and nobody is scheduled after them. */
export const nearEnd = (approvals: readonly ApprovalStep[]): boolean =>
  approvals.some((a) => a.current && a.status === 'waiting') && !approvals.some((a) => a.status === 'scheduled');

/** Wait before the next poll after `polls` quiet ones, given what the last read showed. */
export function nextPollDelay(timers: Pick<RingiTimers, 'pollBaseMs' | 'pollMaxMs' | 'pollNearEndMaxMs'>, polls: number, approvals: readonly ApprovalStep[]): number {
  const cap = nearEnd(approvals) ? Math.min(timers.pollMaxMs, timers.pollNearEndMaxMs) : timers.pollMaxMs;
  return backoff(timers.pollBaseMs, Math.max(cap, timers.pollBaseMs), polls - 1);
}
