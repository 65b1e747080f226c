/**
 * Lockout after repeated failed sign-ins. Per account: five wrong passwords in fifteen minutes lock
 * that account for fifteen minutes, which stops online guessing without letting a stranger lock
 * someone out for long. Per client address the limit is ten times higher, so guessing across many
 * accounts from one place is slowed too, while one office behind one address is never locked out
 * by one person's typos. Kept in memory per API instance: with N instances behind a balancer an
 * attacker gets at most N times the attempts, still far too few for online guessing.
 */
export interface LockoutLimits {
  readonly accountFailures: number;
  readonly addressFailures: number;
  readonly windowMs: number;
  readonly lockMs: number;
}

export const LOCKOUT: LockoutLimits = { accountFailures: 5, addressFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface LoginThrottle {
  /** When the account or the address is locked: the epoch ms it opens again; null when free. */
  lockedUntil(account: string, address: string, now: number): number | null;
  recordFailure(account: string, address: string, now: number): void;
  /** A right password clears the account's count (not the address's: one good login must not reset guessing elsewhere). */
  recordSuccess(account: string): void;
}

function counter(limit: number, windowMs: number, lockMs: number) {
  const failures = new Map<string, number[]>();
  const locked = new Map<string, number>();
  return {
    lockedUntil(key: string, now: number) {
      const until = locked.get(key);
      if (until && until > now) return until;
      if (until) locked.delete(key);
      return null;
    },
    fail(key: string, now: number) {
      const recent = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
      recent.push(now);
      failures.set(key, recent);
      if (recent.length >= limit) {
        locked.set(key, now + lockMs);
        failures.delete(key);
      }
      // Keys that never reach the limit would stay forever: sweep the stale ones now and then.
      if (failures.size > 10_000) for (const [k, times] of failures) if (now - times[times.length - 1]! >= windowMs) failures.delete(k);
    },
    clear(key: string) {
      failures.delete(key);
    },
  };
}

export function createLoginThrottle(limits: LockoutLimits = LOCKOUT): LoginThrottle {
  const accounts = counter(limits.accountFailures, limits.windowMs, limits.lockMs);
  const addresses = counter(limits.addressFailures, limits.windowMs, limits.lockMs);
  return {
    lockedUntil(account, address, now) {
      const until = Math.max(accounts.lockedUntil(account, now) ?? 0, addresses.lockedUntil(address, now) ?? 0);
      return until > 0 ? until : null;
    },
    recordFailure(account, address, now) {
      accounts.fail(account, now);
      addresses.fail(address, now);
    },
    recordSuccess(account) {
      accounts.clear(account);
    },
  };
}
