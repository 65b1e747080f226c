import { defineProjection, type Projection } from '../projector/projection.ts';

/** 月次締め's read model (docs/finance.md §Month-end close): one document per month ever closed. */

export const ACCOUNTING_PERIODS = 'accounting_periods';

export const accountingPeriodProjection: Projection = defineProjection({
  name: 'periods',
  version: 1,
  collections: { [ACCOUNTING_PERIODS]: [{ keys: { closed: 1 } }] },
  canHandle: ['MonthClosed', 'MonthReopened'],

  async project(event, docs) {
    const { month } = event.data;
    const current = (await docs.get(ACCOUNTING_PERIODS, month)) ?? { _id: month, month, closedAt: null, closedBy: null, reopenedAt: null, reopenedBy: null, reopenReason: null };
    const revision = event.revision.toString();
    const { occurredAt, actor } = event.metadata;
    switch (event.type) {
      case 'MonthClosed':
        return [{ op: 'put', collection: ACCOUNTING_PERIODS, doc: { ...current, closed: true, closedAt: occurredAt, closedBy: actor, revision } }];
      case 'MonthReopened':
        return [{ op: 'put', collection: ACCOUNTING_PERIODS, doc: { ...current, closed: false, reopenedAt: occurredAt, reopenedBy: actor, reopenReason: event.data.reason, revision } }];
    }
  },
});
