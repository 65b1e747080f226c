import { createHash } from 'node:crypto';
import { RevisionConflictError, type EventStore } from '@sss/contracts/ports/event-store';
import { DomainError } from '@sss/contracts/http/problem';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import type { CommandContext } from './command-handler.ts';

/**
 * Uniqueness across aggregates (a company code, a user's email) without a second database: a
 * reservation stream per value, created with expected revision "no stream", so of two concurrent
 * claims exactly one wins. A claim whose owner never came into being (the process died between
 * the reservation and the owner's first event) is taken over instead of blocking the value forever.
 */

export const uniqueStream = (scope: string, value: string) => streams.unique(scope, createHash('sha256').update(value.normalize('NFKC').toLowerCase()).digest('hex').slice(0, 40));
const RESERVED = 'UniqueKeyReserved';

export async function ownerOf(store: EventStore, scope: string, value: string): Promise<string | null> {
  const [last] = await store.readStream(uniqueStream(scope, value), { direction: 'backwards', maxCount: 1 });
  return last && isEventOf(last, [RESERVED]) ? last.data.owner : null;
}

export async function reserveUniqueKey(
  store: EventStore,
  params: { scope: string; value: string; owner: string; ownerStream: (owner: string) => string; field: string; label: string },
  context: CommandContext,
): Promise<void> {
  const stream = uniqueStream(params.scope, params.value);
  const event = { type: RESERVED, data: { owner: params.owner, value: params.value }, metadata: { actor: context.actor, correlationId: context.correlationId } };
  try {
    await store.append(stream, [event], 'no_stream');
    return;
  } catch (error) {
    if (!(error instanceof RevisionConflictError)) throw error;
  }
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  // The append just failed because the stream exists, and a reservation stream holds nothing else.
  if (!last || !isEventOf(last, [RESERVED])) throw new Error(`unique key stream ${stream} holds no reservation`);
  const current = last.data.owner;
  if (current === params.owner) return;
  const orphan = (await store.readStream(params.ownerStream(current), { maxCount: 1 })).length === 0;
  if (!orphan) throw DomainError.field('already_exists', params.field, `この${params.label}「${params.value}」は既に使われています。`);
  await store.append(stream, [event], last.revision);
}
