import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { HistoryRef, HistoryRefKind, Words } from '@sss/contracts/common';
import { isEventOf } from '@sss/contracts/events/registry';
import { formatYen } from '@sss/contracts/domain/money';
import { current } from '@sss/contracts/organization/timeline';
import { streams } from '@sss/contracts/streams/names';
import { companyDecider } from '../company/decider.ts';
import { partnerDecider } from '../partner/decider.ts';
import { userDecider } from '../user/decider.ts';
import { organizationDecider } from '../organization/decider.ts';
import { projectDecider } from '../project/decider.ts';
import { estimateDecider } from '../project/estimate-decider.ts';
import { orderDecider } from '../project/order-decider.ts';
import { ringiDecider } from '../ringi/ringi-decider.ts';
import type { DomainEvent } from '../kernel/decider.ts';

/**
 * Names of the records a history points at, as they are now, resolved once per history read: the
 * distinct references of the whole page are collected first, then each record's stream is read once
 * (all of them in parallel; the organization is one stream for every unit), never once per field.
 * The event store is the source, as for the history itself: the write side has no read models, and
 * a history must not depend on a projection being caught up.
 */
export interface Ref {
  readonly kind: HistoryRefKind;
  readonly id: string;
}

export type Names = ReadonlyMap<string, HistoryRef>;

export const refKey = (kind: HistoryRefKind, id: string): string => `${kind}:${id}`;

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const fold = <S>(decider: { initialState: S; evolve(state: S, event: never): S }, events: readonly RecordedEvent[]): S =>
  events.reduce<S>((state, e) => decider.evolve(state, { type: e.type, data: e.data } satisfies DomainEvent as never), decider.initialState);

const same = (name: string): Words => ({ ja: name, en: name });

type Resolved = { name: Words; projectId?: string } | null;

/** The record's name from its own stream; null when the stream holds nothing (a record never registered). */
async function nameOf(store: EventStore, kind: Exclude<HistoryRefKind, 'orgUnit'>, id: string): Promise<Resolved> {
  const read = (stream: string) => store.readStream(stream);
  switch (kind) {
    case 'company': {
      const state = fold(companyDecider, await read(streams.company(id)));
      return state.details ? { name: same(state.details.name) } : null;
    }
    case 'partner': {
      const state = fold(partnerDecider, await read(streams.partner(id)));
      return state.partnerId ? { name: same(state.name) } : null;
    }
    case 'user': {
      const state = fold(userDecider, await read(streams.user(id)));
      return state.userId ? { name: same(state.name) } : null;
    }
    case 'project': {
      const state = fold(projectDecider, await read(streams.project(id)));
      return state.basics ? { name: same(`${state.projectNumber} ${state.basics.name}`) } : null;
    }
    case 'estimate': {
      const state = fold(estimateDecider, await read(streams.estimate(id)));
      return state.exists ? { name: { ja: `見積 ${state.projectNumber}`, en: `Estimate ${state.projectNumber}` }, projectId: state.projectId } : null;
    }
    case 'order': {
      const state = fold(orderDecider, await read(streams.order(id)));
      return state.exists ? { name: { ja: `受注 ${state.projectNumber}`, en: `Order ${state.projectNumber}` }, projectId: state.projectId } : null;
    }
    case 'ringi': {
      const state = fold(ringiDecider, await read(streams.ringi(id)));
      return state.exists ? { name: { ja: `稟議「${state.title}」`, en: `Ringi “${state.title}”` } } : null;
    }
    case 'deposit': {
      const [imported] = await store.readStream(streams.deposit(id), { maxCount: 1 });
      if (!imported || !isEventOf(imported, ['DepositImported'])) return null;
      const { valueDate, amount, payerName } = imported.data;
      return { name: { ja: `入金 ${valueDate} ${formatYen(amount)} ${payerName}`, en: `Deposit ${valueDate} ${formatYen(amount)} ${payerName}` } };
    }
  }
}

/** Every reference named; one not found (or not an id) is left out, and the history says so in words. */
export async function resolveNames(store: EventStore, refs: Iterable<Ref>): Promise<Names> {
  const distinct = new Map<string, Ref>();
  for (const ref of refs) if (SAFE_ID.test(ref.id)) distinct.set(refKey(ref.kind, ref.id), ref);
  const names = new Map<string, HistoryRef>();
  const wanted = [...distinct.values()];
  const units = wanted.filter((r) => r.kind === 'orgUnit');
  const others = wanted.filter((r): r is Ref & { kind: Exclude<HistoryRefKind, 'orgUnit'> } => r.kind !== 'orgUnit');
  await Promise.all([
    (async () => {
      if (units.length === 0) return;
      const tree = fold(organizationDecider, await store.readStream(streams.organization)).units;
      for (const { id } of units) {
        const unit = tree.get(id);
        if (unit) names.set(refKey('orgUnit', id), { kind: 'orgUnit', id, name: same(current(unit).name) });
      }
    })(),
    ...others.map(async ({ kind, id }) => {
      const resolved = await nameOf(store, kind, id);
      if (resolved) names.set(refKey(kind, id), { kind, id, ...resolved });
    }),
  ]);
  return names;
}
