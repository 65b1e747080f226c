/**
 * Everything that reacts to events is a subscriber with its own checkpoint (docs/architecture.md
 * §Shape). Each one tells the registry what it reached and what went wrong, so the console, `/readyz`
 * and `/metrics` read one truth about lag and stalls instead of each runtime keeping its own.
 */

/** `rebuild`: a projection version being built beside the serving one (docs/rebuilds.md); it never holds back readiness. */
export const SUBSCRIBER_KINDS = ['projector', 'forwarder', 'consumer', 'policy', 'process_manager', 'rebuild'] as const;
export type SubscriberKind = (typeof SUBSCRIBER_KINDS)[number];

export const SUBSCRIBER_STATES = ['running', 'catching_up', 'stalled', 'failed'] as const;
export type SubscriberState = (typeof SUBSCRIBER_STATES)[number];

/** The reporting calls a subscriber's runtime makes; each is cheap and never throws. */
export interface SubscriberReport {
  /** Everything up to this log position is handled (projectors, the forwarder, policies, the process manager). */
  reached(position: bigint): void;
  /** One message handled (bus consumers, whose messages have no log position). */
  handled(): void;
  /** An attempt failed; the runtime retries. The subscriber counts as failed until it progresses again. */
  failed(error: unknown): void;
  /** Under a lease (contracts/src/streams/leadership.ts): whether this instance leads it now. */
  role(role: SubscriberRole): void;
  /** The subscriber is gone for good (a rebuild that took over as the projector): the registry forgets it. */
  retired(): void;
}

export interface SubscriberSources {
  /** Messages not yet handled, for subscribers without a log position (bus consumers: the group's lag). */
  readonly lag?: () => Promise<bigint>;
}
/** `leader`/`follower` under a lease; `sole` for a subscriber that runs on every instance without one. */
export const SUBSCRIBER_ROLES = ['leader', 'follower', 'sole'] as const;
export type SubscriberRole = (typeof SUBSCRIBER_ROLES)[number];

export interface SubscriberRegistry {
  register(name: string, kind: SubscriberKind, sources?: SubscriberSources): SubscriberReport;
}

/** One subscriber as the console and `/readyz` show it. Positions are decimal strings (bigint on the wire). */
export interface SubscriberStatus {
  readonly name: string;
  readonly kind: SubscriberKind;
  readonly state: SubscriberState;
  /** Who runs it: this instance as the lease's leader, a follower waiting to take over, or sole. */
  readonly role: SubscriberRole;
  /** null for bus consumers (no log position). */
  readonly position: string | null;
  readonly head: string;
  /** Events behind the head; for a bus consumer, messages its group has not committed (Kafka consumer-group lag). */
  readonly lagEvents: string | null;
  /** Age of the oldest event not yet handled; 0 when caught up, null without a log position. */
  readonly lagSeconds: number | null;
  /** Over the last minute. */
  readonly eventsPerSecond: number;
  readonly handled: number;
  readonly lastProgressAt: string | null;
  readonly lastError: { readonly message: string; readonly at: string } | null;
}

/** A registry for runtimes started without one (tests, tools): reports go nowhere. */
export const NO_SUBSCRIBER_REPORT: SubscriberReport = { reached: () => {}, handled: () => {}, failed: () => {}, role: () => {}, retired: () => {} };
