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
import { FIELD_LABELS } from './field-labels.ts';
import { CODE_LABELS } from './code-labels.ts';
import { REFERENCES } from './references.ts';
import type { Vocabulary } from './state-diff.ts';

/**
 * The aggregates that have a history, each with the fold its decider already defines: the state
 * before and after an event is exactly what the write side decided against, so the history's
 * before → after can never disagree with the behaviour.
 */
export interface HistoryFold {
  readonly initialState: unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  readonly vocabulary: Vocabulary;
}

const foldOf = <S, E extends DomainEvent>(decider: Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>, vocabulary: Vocabulary): HistoryFold => ({
  initialState: decider.initialState,
  evolve: (state, event) => decider.evolve(state as S, event as E),
  vocabulary,
});

const FOLDS: Readonly<Record<string, HistoryFold>> = {
  company: foldOf(companyDecider, { fields: FIELD_LABELS.company, codes: CODE_LABELS.company, references: REFERENCES.company }),
  partner: foldOf(partnerDecider, { fields: FIELD_LABELS.partner, codes: CODE_LABELS.partner, references: REFERENCES.partner }),
  user: foldOf(userDecider, { fields: FIELD_LABELS.user, codes: CODE_LABELS.user, references: REFERENCES.user }),
  organization: foldOf(organizationDecider, { fields: FIELD_LABELS.organization, codes: CODE_LABELS.organization, references: REFERENCES.organization }),
  project: foldOf(projectDecider, { fields: FIELD_LABELS.project, codes: CODE_LABELS.project, references: REFERENCES.project }),
  estimate: foldOf(estimateDecider, { fields: FIELD_LABELS.estimate, codes: CODE_LABELS.estimate, references: REFERENCES.estimate }),
  order: foldOf(orderDecider, { fields: FIELD_LABELS.order, codes: CODE_LABELS.order, references: REFERENCES.order }),
  monthlysales: foldOf(monthlySalesDecider, { fields: FIELD_LABELS.monthlysales, codes: CODE_LABELS.monthlysales, references: REFERENCES.monthlysales }),
  ringi: foldOf(ringiDecider, { fields: FIELD_LABELS.ringi, codes: CODE_LABELS.ringi, references: REFERENCES.ringi }),
};

/** The fold of the aggregate a stream belongs to; null for bookkeeping streams (no history view). */
export const historyFoldOf = (streamName: string): HistoryFold | null => FOLDS[categoryOf(streamName)] ?? null;
