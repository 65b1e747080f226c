import { Type, type Static } from 'typebox';
import { Text } from '../common.ts';
import { MonthParam } from '../sales/schemas.ts';
import { formatMonthJapanese } from '../domain/months.ts';

/** 月次締め's commands and view (docs/finance.md §Month-end close). */

export const PeriodParams = Type.Object({ month: MonthParam });

/** Closing needs nothing but the month (in the path): who and when are the event's metadata. */
export const CloseMonth = Type.Object({}, { additionalProperties: false });

export const ReopenMonth = Type.Object({ reason: Text('締め解除の理由', 500, 1) }, { additionalProperties: false });
export type ReopenMonth = Static<typeof ReopenMonth>;

const Str = Type.String();
const Nullable = Type.Union([Str, Type.Null()]);

/** One month that was ever closed: closed now or reopened, with who did it last and when. */
export const AccountingPeriodView = Type.Object({
  month: Str,
  closed: Type.Boolean(),
  closedAt: Nullable,
  closedBy: Nullable,
  reopenedAt: Nullable,
  reopenedBy: Nullable,
  reopenReason: Nullable,
  revision: Str,
});
export type AccountingPeriodView = Static<typeof AccountingPeriodView>;

export const AccountingPeriods = Type.Object({ rows: Type.Array(AccountingPeriodView), closedMonths: Type.Array(Str) });
export type AccountingPeriods = Static<typeof AccountingPeriods>;

/** 「2026年10月は締め済みです」: the one wording of the refusal, shared by the server and the UI. */
export const closedMonthMessage = (month: string): string => `${formatMonthJapanese(month)}は締め済みです`;
