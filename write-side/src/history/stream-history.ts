import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { History, HistoryLink } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import { eventLabel } from '@sss/contracts/history/event-labels';
import { systemActorName } from '@sss/contracts/history/system-actors';
import { streams } from '@sss/contracts/streams/names';
import { verifyChain } from '../eventstore/metadata.ts';
import { actorNames } from '../user/names.ts';
import { historyFoldOf } from './aggregates.ts';
import { recordedEnd } from './recorded-end.ts';
import { describeChanges, diffStates, referencesIn } from './state-diff.ts';
import { resolveNames } from './name-resolver.ts';
import { summarize } from './summary.ts';
import { latestLedgerVerification, verificationOf } from './verification.ts';

/**
 * An aggregate's history straight from its stream — the audit truth, not a projection of it: each
 * event in words with its field-level before → after (the decider's own fold), who did it, why,
 * what caused it, and how far it is proven untouched.
 */
export async function streamHistory(store: EventStore, streamName: string): Promise<History> {
  const events = await store.readStream(streamName);
  const end = recordedEnd(store, streamName);
  if (events.length === 0 && end === null) throw new DomainError('not_found', '履歴が見つかりません。');
  const last = events.length === 0 ? -1n : events[events.length - 1]!.revision;
  const missingFrom = end !== null && end > last ? last + 1n : undefined;
  const chain = verifyChain(events);
  const brokenAt = chain.brokenAt ?? missingFrom;
  const [names, ledger, ringiLinks] = await Promise.all([
    actorNames(store, events.filter((e) => !e.metadata.actor.startsWith('system:')).map((e) => e.metadata.actor)),
    latestLedgerVerification(store),
    ringisOf(store, events),
  ]);

  const fold = historyFoldOf(streamName);
  let state = fold?.initialState;
  const diffs = events.map((event) => {
    const before = state;
    if (!fold) return [];
    state = fold.evolve(state, { type: event.type, data: event.data });
    return diffStates(before, state);
  });
  // Every record the page points at, named with one read per record (docs/history.md §Names, not ids).
  const refNames = fold ? await resolveNames(store, diffs.flatMap((raw) => referencesIn(raw, fold.vocabulary))) : new Map();
  const entries = events.map((event, index) => {
    const changes = fold ? describeChanges(diffs[index]!, fold.vocabulary, refNames) : [];
    const typeLabel = eventLabel(event.type);
    const system = systemActorName(event.metadata.actor);
    const person = names.get(event.metadata.actor) ?? event.metadata.actor;
    return {
      position: event.position.toString(),
      revision: event.revision.toString(),
      type: event.type,
      typeLabel,
      occurredAt: event.metadata.occurredAt,
      actor: event.metadata.actor,
      actorName: system?.ja ?? person,
      actorNameEn: system?.en ?? person,
      summary: summarize(typeLabel, changes),
      changes,
      reason: reasonOf(event.data),
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
      links: linksOf(event, ringiLinks),
      verification: verificationOf(event, { ...(chain.brokenAt !== undefined ? { brokenAt: chain.brokenAt } : {}), ...(missingFrom !== undefined ? { missingFrom } : {}) }, ledger, index === events.length - 1),
      data: event.data,
      hash: event.metadata.hash,
    };
  });
  return {
    streamName,
    chainValid: brokenAt === undefined,
    ...(brokenAt !== undefined ? { brokenAt: brokenAt.toString() } : {}),
    ...(missingFrom !== undefined ? { missingFrom: missingFrom.toString() } : {}),
    events: entries,
  };
}

function reasonOf(data: unknown): string | null {
  const reason = data && typeof data === 'object' ? (data as Record<string, unknown>).reason : undefined;
  return typeof reason === 'string' && reason !== '' ? reason : null;
}

/** Candidate 稟議 ids of an event: its correlation (the 稟議 process correlates by 稟議 id) and a `ringiId` in its data. */
function ringiCandidates(event: RecordedEvent): string[] {
  const inData = event.data && typeof event.data === 'object' ? (event.data as Record<string, unknown>).ringiId : undefined;
  return [event.metadata.correlationId, ...(typeof inData === 'string' ? [inData] : [])];
}

/** The 稟議 that exist among the candidates, each with its title for the link. */
async function ringisOf(store: EventStore, events: readonly RecordedEvent[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const candidates = new Set(events.filter((e) => !e.streamName.startsWith('ringi-')).flatMap(ringiCandidates));
  for (const id of candidates) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) continue;
    const [first] = await store.readStream(streams.ringi(id), { maxCount: 1 });
    if (!first) continue;
    const title = first.data && typeof first.data === 'object' ? (first.data as Record<string, unknown>).title : undefined;
    found.set(id, typeof title === 'string' ? title : id);
  }
  return found;
}

function linksOf(event: RecordedEvent, ringis: ReadonlyMap<string, string>): HistoryLink[] {
  const ids = [...new Set(ringiCandidates(event))].filter((id) => ringis.has(id));
  return ids.map((id) => ({ kind: 'ringi', id, label: { ja: `稟議「${ringis.get(id)}」`, en: `Ringi “${ringis.get(id)}”` } }));
}
