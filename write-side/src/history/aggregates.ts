import { categoryOf } from '@sss/contracts/streams/names';
import type { Decider, DomainEvent } from '../kernel/decider.ts';
import { companyDecider } from '../company/decider.ts';
import { partnerDecider } from '../partner/decider.ts';
import { userDecider } from '../user/decider.ts';
import { organizationDecider } from '../organization/decider.ts';
import { projectDecider } from '../project/decider.ts';
import { estimateDecider } from '../project/estimate-decider.ts';
import { orderDecider } from '../project/order-decider.ts';
import { monthlySalesDecider } from '../sales/decider.ts';
import { ringiDecider } from '../ringi/ringi-decider.ts';
import { FIELD_LABELS, type LabelTable } from './field-labels.ts';

/**
 * The aggregates that have a history, each with the fold its decider already defines: the state
 * before and after an event is exactly what the write side decided against, so the history's
 * before → after can never disagree with the behaviour.
 */
export interface HistoryFold {
  readonly initialState: unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  readonly labels: LabelTable;
}

const foldOf = <S, E extends DomainEvent>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, labels: LabelTable): HistoryFold => ({
  initialState: decider.initialState,
  evolve: (state, event) => decider.evolve(state as S, event as E),
  labels,
});

const FOLDS: Readonly<Record<string, HistoryFold>> = {
  company: foldOf(companyDecider, FIELD_LABELS.company),
  partner: foldOf(partnerDecider, FIELD_LABELS.partner),
  user: foldOf(userDecider, FIELD_LABELS.user),
  organization: foldOf(organizationDecider, FIELD_LABELS.organization),
  project: foldOf(projectDecider, FIELD_LABELS.project),
  estimate: foldOf(estimateDecider, FIELD_LABELS.estimate),
  order: foldOf(orderDecider, FIELD_LABELS.order),
  monthlysales: foldOf(monthlySalesDecider, FIELD_LABELS.monthlysales),
  ringi: foldOf(ringiDecider, FIELD_LABELS.ringi),
};

/** The fold of the aggregate a stream belongs to; null for bookkeeping streams (no history view). */
export const historyFoldOf = (streamName: string): HistoryFold | null => FOLDS[categoryOf(streamName)] ?? null;
