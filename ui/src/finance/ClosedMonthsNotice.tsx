import { monthCloseLabels } from '../i18n/monthClose.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useClosedMonths } from './queries.ts';
import { useMonthLabel } from './monthLabel.ts';

/**
 * Which months are closed (月次締め), for the reports that show figures of them (月次売上予実, 請求一覧,
 * 売掛金): a reader sees which numbers can no longer change. `months` limits it to the ones the report shows.
 */
export function ClosedMonthsNotice({ months }: { months?: readonly string[] }) {
  const l = useLabels(monthCloseLabels);
  const monthLabel = useMonthLabel();
  const closed = useClosedMonths().filter((m) => !months || months.includes(m));
  if (closed.length === 0) return null;
  return <p className="alert info" data-testid="closed-months">{l('closedMonths')}: {[...closed].sort().map(monthLabel).join('、')}</p>;
}

/** The 締め済 mark beside one month's row. */
export function ClosedMonthBadge({ month }: { month: string }) {
  const l = useLabels(monthCloseLabels);
  return useClosedMonths().includes(month) ? <span className="badge" data-testid="closed-month-badge">{l('closedBadge')}</span> : null;
}
