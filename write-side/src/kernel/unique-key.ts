import { createHash } from 'node:crypto';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import type { CommandContext } from './command-handler.ts';
import { withBeforeAppend } from './before-append.ts';

/**
 * Uniqueness across aggregates (a company code, a user's email) without a second database: a
 * reservation stream per value, created with expected revision "no stream", so of two concurrent
 * claims exactly one wins.
 *
 * The claim is made by `withUniqueKey` right before the owner's first event is appended (after the
 * command was validated and decided), so a refused registration reserves nothing. If the owner's
 * append then fails, the claim is released (`UniqueKeyReleased`). A claim whose owner never came into
 * being and that was never released (the process died in between) is taken over once it is older
 * than a grace period — not sooner, because the owner may still be on its way.
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

/** Claims the value for `params.owner`; answers the revision of the claim. */
export async function reserveUniqueKey(store: EventStore, params: UniqueKeyClaim, context: CommandContext, now: () => number = Date.now): Promise<bigint> {
  const stream = uniqueStream(params.scope, params.value);
  const event = { type: RESERVED, data: { owner: params.owner, value: params.value }, metadata: { actor: context.actor, correlationId: context.correlationId } };
  const taken = () => DomainError.field('already_exists', params.field, `この${params.label}「${params.value}」は既に使われています。`);
  let expected: bigint | 'no_stream' = 'no_stream';
  for (let attempt = 0; attempt < 5; attempt++) {
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
      const ownerExists = (await store.readStream(params.ownerStream(last.data.owner), { maxCount: 1 })).length > 0;
      const orphan = !ownerExists && now() - Date.parse(last.metadata.occurredAt) > ORPHAN_GRACE_MS;
      if (!orphan) throw taken();
    }
    expected = last.revision;
  }
  // Five lost races in a row: someone else keeps claiming this very value.
  throw taken();
}

/**
 * Runs a command that creates the owner of a unique value: the value is claimed only when the
 * command is about to append (so a refusal claims nothing) and released if that append fails.
 */
export async function withUniqueKey<T>(store: EventStore, params: UniqueKeyClaim, context: CommandContext, run: (context: CommandContext) => Promise<T>): Promise<T> {
  let claimedAt: bigint | undefined;
  try {
    return await run(withBeforeAppend(context, async () => {
      claimedAt = await reserveUniqueKey(store, params, context);
    }));
  } catch (error) {
    if (claimedAt !== undefined && (await store.readStream(params.ownerStream(params.owner), { maxCount: 1 })).length === 0) {
      const metadata = { actor: context.actor, correlationId: context.correlationId };
      await store.append(uniqueStream(params.scope, params.value), [{ type: RELEASED, data: { owner: params.owner }, metadata }], claimedAt).catch(() => undefined);
    }
    throw error;
  }
}
