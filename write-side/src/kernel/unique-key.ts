import { createHash } from 'node:crypto';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import type { CommandContext } from './command-handler.ts';
import { withBeforeAppend } from './before-append.ts';
import { isVoidedOwner, VOIDED_OWNER } from './voided-owner.ts';

/**
 * Uniqueness across aggregates (a company code, a user's email) without a second database: a
 * reservation stream per value, created with expected revision "no stream", so of two concurrent
 * claims exactly one wins.
 *
 * The claim is made by `withUniqueKey` right before the owner's first event is appended (after the
 * command was validated and decided), so a refused registration reserves nothing. If the owner's
 * append then fails, the claim is released (`UniqueKeyReleased`). A claim whose owner never came into
 * being and that was never released (the process died in between) is taken over once it is older
 * than a grace period.
 *
 * The take-over never trusts "the owner's stream is empty" alone: the owner's append (expected "no
 * stream") may be in flight on another instance. So the taker first fences the owner: it appends
 * `UniqueKeyOwnerVoided` to the owner's stream with "no stream". The event store lets exactly one of
 * the two appends create that stream: if the owner's lands first, the fence fails and the value stays
 * taken; if the fence lands first, the owner's append fails, its command is refused (a voided stream
 * never becomes an aggregate, command-handler.ts) and the take-over proceeds. The grace period only
 * spares a slow owner from being voided; correctness does not depend on any clock.
 */

export const uniqueStream = (scope: string, value: string) => streams.unique(scope, createHash('sha256').update(value.normalize('NFKC').toLowerCase()).digest('hex').slice(0, 40));
const RESERVED = 'UniqueKeyReserved';
const RELEASED = 'UniqueKeyReleased';
/** Far longer than the gap between a reservation and its owner's first event in a live process. */
const ORPHAN_GRACE_MS = 60_000;


export interface UniqueKeyClaim {
  readonly scope: string;
  readonly value: string;
  readonly owner: string;
  readonly ownerStream: (owner: string) => string;
  /** The request field the value came from, named in the refusal. */
  readonly field: string;
  readonly label: string;
}

export async function ownerOf(store: EventStore, scope: string, value: string): Promise<string | null> {
  const [last] = await store.readStream(uniqueStream(scope, value), { direction: 'backwards', maxCount: 1 });
  return last && isEventOf(last, [RESERVED]) ? last.data.owner : null;
}

export interface ReserveOptions {
  readonly now?: () => number;
  /** How old an unowned claim must be before it is voided and taken over (tests shorten it). */
  readonly orphanGraceMs?: number;
}

/** Claims the value for `params.owner`; answers the revision of the claim. */
export async function reserveUniqueKey(store: EventStore, params: UniqueKeyClaim, context: CommandContext, options: ReserveOptions = {}): Promise<bigint> {
  const now = options.now ?? Date.now;
  const grace = options.orphanGraceMs ?? ORPHAN_GRACE_MS;
  const stream = uniqueStream(params.scope, params.value);
  const metadata = { actor: context.actor, correlationId: context.correlationId };
  const event = { type: RESERVED, data: { owner: params.owner, value: params.value }, metadata };
  const taken = () => DomainError.field('already_exists', params.field, `この${params.label}「${params.value}」は既に使われています。`);
  let expected: bigint | 'no_stream' = 'no_stream';
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return (await store.append(stream, [event], expected)).nextExpectedRevision;
    } catch (error) {
      if (!(error instanceof RevisionConflictError)) throw error;
    }
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    // The append just failed because the stream exists, and a reservation stream holds nothing else.
    if (!last || !isEventOf(last, [RESERVED, RELEASED])) throw new Error(`unique key stream ${stream} holds no reservation`);
    if (isEventOf(last, [RESERVED])) {
      if (last.data.owner === params.owner) return last.revision;
      const ownerStream = params.ownerStream(last.data.owner);
      const [first] = await store.readStream(ownerStream, { maxCount: 1 });
      if (first && !isVoidedOwner(first)) throw taken();
      if (!first) {
        if (now() - Date.parse(last.metadata.occurredAt) <= grace) throw taken();
        try {
          await store.append(ownerStream, [{ type: VOIDED_OWNER, data: { scope: params.scope, owner: last.data.owner }, metadata }], 'no_stream');
        } catch (error) {
          if (!(error instanceof RevisionConflictError)) throw error;
          // The owner (or another taker's fence) got there first: look again.
          continue;
        }
      }
    }
    expected = last.revision;
  }
  // Ten lost races in a row: someone else keeps claiming this very value.
  throw taken();
}

/**
 * Runs a command that creates the owner of a unique value: the value is claimed only when the
 * command is about to append (so a refusal claims nothing) and released if that append fails.
 */
export async function withUniqueKey<T>(store: EventStore, params: UniqueKeyClaim, context: CommandContext, run: (context: CommandContext) => Promise<T>, options: ReserveOptions = {}): Promise<T> {
  let claimedAt: bigint | undefined;
  try {
    return await run(withBeforeAppend(context, async () => {
      claimedAt = await reserveUniqueKey(store, params, context, options);
    }));
  } catch (error) {
    if (claimedAt === undefined) throw error;
    const [first] = await store.readStream(params.ownerStream(params.owner), { maxCount: 1 });
    // Voided by a take-over while this command was on its way: the value belongs to the taker.
    if (isVoidedOwner(first)) throw DomainError.field('already_exists', params.field, `この${params.label}「${params.value}」は既に使われています。`);
    if (!first) {
      const metadata = { actor: context.actor, correlationId: context.correlationId };
      await store.append(uniqueStream(params.scope, params.value), [{ type: RELEASED, data: { owner: params.owner }, metadata }], claimedAt).catch(() => undefined);
    }
    throw error;
  }
}
