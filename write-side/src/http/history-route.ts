import type { EventStore } from '@sss/contracts/ports/event-store';
import type { History } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import { verifyChain } from '../eventstore/metadata.ts';
import { actorNames } from '../user/names.ts';

/**
 * An aggregate's history straight from its stream — the audit truth, not a projection of it —
 * with the hash chain verified on every read, so a tampered log shows itself to the auditor.
 */
export async function streamHistory(store: EventStore, streamName: string): Promise<History> {
  const events = await store.readStream(streamName);
  if (events.length === 0) throw new DomainError('not_found', '履歴が見つかりません。');
  const verdict = verifyChain(events);
  const names = await actorNames(store, events.map((e) => e.metadata.actor));
  return {
    streamName,
    chainValid: verdict.valid,
    ...(verdict.brokenAt !== undefined ? { brokenAt: verdict.brokenAt.toString() } : {}),
    events: events.map((e) => ({
      revision: e.revision.toString(),
      type: e.type,
      occurredAt: e.metadata.occurredAt,
      actor: e.metadata.actor,
      actorName: names.get(e.metadata.actor) ?? e.metadata.actor,
      data: e.data,
      hash: e.metadata.hash,
    })),
  };
}
