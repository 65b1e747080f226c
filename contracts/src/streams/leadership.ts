import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { LeaseStore } from '../ports/leases.ts';

/**
 * Runs a subscriber only while this instance holds its lease (docs/architecture.md §Leadership and
 * checkpoints). Every `renewMs` the instance acquires or renews the lease; the leader starts the
 * subscriber, a follower waits. The leader stops the subscriber as soon as a renewal is refused, and
 * also when its own clock says the lease ran out before a renewal answered (a hung store, a paused
 * process): it never acts on a lease it may have lost. Followers take over within `ttlMs` + `renewMs`
 * of the leader's death (kill -9), at once after a clean stop (the lease is released).
 */
export type Role = 'leader' | 'follower';

export interface LeadershipOptions<R extends { stop(): Promise<void> }> {
  readonly leases: LeaseStore;
  readonly name: string;
  /** This instance (host, process and a random part: a restarted process is a new holder). */
  readonly holder?: string;
  readonly ttlMs?: number;
  readonly renewMs?: number;
  /** Starts the subscriber with the fencing token of the lease it runs under. */
  start(token: bigint): Promise<R>;
  /** Called on every change of role (the subscriber registry shows it). */
  onRole?(role: Role): void;
  readonly log?: (message: string, error?: unknown) => void;
}

export interface Leadership<R> {
  role(): Role;
  /** The running subscriber while leading. */
  current(): R | null;
  /** Stops the subscriber and releases the lease. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_TTL_MS = 10_000;

/** This process as a lease holder: a restarted process is a new holder, so it never renews a dead one's lease. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export function lead<R extends { stop(): Promise<void> }>(options: LeadershipOptions<R>): Leadership<R> {
  const ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
  const holder = options.holder ?? INSTANCE_ID;
  const renewMs = options.renewMs ?? Math.max(100, Math.floor(ttlMs / 3));
  let running: R | null = null;
  let role: Role = 'follower';
  let validUntil = 0;
  let stopped = false;
  let step: Promise<void> = Promise.resolve();
  const setRole = (next: Role) => {
    if (next !== role) {
      role = next;
      options.onRole?.(next);
    }
  };
  const stepDown = async () => {
    const was = running;
    running = null;
    setRole('follower');
    await was?.stop().catch((error: unknown) => options.log?.(`${options.name}: stopping after losing the lease failed`, error));
  };
  const guarded = (work: () => Promise<void>) => () => work().catch((error: unknown) => options.log?.(`${options.name}: leadership step failed`, error));
  const tick = async () => {
    const asked = Date.now();
    let token: bigint | null;
    try {
      token = await options.leases.acquire(options.name, holder, ttlMs);
    } catch (error) {
      options.log?.(`${options.name}: lease renewal failed`, error);
      if (running && Date.now() >= validUntil) await stepDown();
      return;
    }
    if (stopped) return;
    if (token === null) {
      if (running) await stepDown();
      return;
    }
    // Counted from before the request: the store's expiry is at least this late.
    validUntil = asked + ttlMs;
    if (!running) {
      running = await options.start(token);
      setRole('leader');
    }
  };
  // A watchdog independent of the renewal's answer: a hung renewal must not extend leadership.
  const watchdog = setInterval(() => {
    if (running && Date.now() >= validUntil) step = step.then(guarded(stepDown));
  }, Math.min(renewMs, 250));
  watchdog.unref();
  const timer = setInterval(() => {
    step = step.then(guarded(tick));
  }, renewMs);
  timer.unref();
  step = step.then(guarded(tick));
  options.onRole?.('follower');
  return {
    role: () => role,
    current: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearInterval(watchdog);
      await step;
      const was = running;
      await stepDown();
      if (was) await options.leases.release(options.name, holder).catch(() => undefined);
    },
  };
}
