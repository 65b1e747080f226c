/**
 * 月次締め (docs/finance.md §Month-end close): one stream per month, `accountingperiod-<YYYY-MM>`. Who closed or
 * reopened, and when, are the event's metadata (`actor`, `occurredAt`); a reopening carries its reason.
 * Schema version 1.
 */
export type AccountingPeriodEvent =
  | { type: 'MonthClosed'; data: { readonly month: string } }
  | { type: 'MonthReopened'; data: { readonly month: string; readonly reason: string } };
