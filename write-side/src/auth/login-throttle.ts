/**
 * Lockout after repeated failures, per account and per client address: five wrong passwords in
 * fifteen minutes lock that account for fifteen minutes, which stops online guessing without
 * letting a stranger lock someone out for long. Kept in memory: one API instance per deployment
 * today; a scaled-out API would move this into a shared store.
 */
export interface LoginThrottle {
  isLocked(key: string, now: number): number | null;
  recordFailure(key: string, now: number): void;
  recordSuccess(key: string): void;
}

export function createLoginThrottle(maxFailures = 5, windowMs = 15 * 60_000, lockMs = 15 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    isLocked(key, now) {
      const until = lockedUntil.get(key);
      if (until && until > now) return until;
      if (until) lockedUntil.delete(key);
      return null;
    },
    recordFailure(key, now) {
      const recent = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
      recent.push(now);
      failures.set(key, recent);
      if (recent.length >= maxFailures) {
        lockedUntil.set(key, now + lockMs);
        failures.delete(key);
      }
    },
    recordSuccess(key) {
      failures.delete(key);
    },
  };
}
