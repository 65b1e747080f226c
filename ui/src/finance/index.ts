/** The finance feature's public entry: the closed-month marks other features' reports show. */
export { ClosedMonthBadge, ClosedMonthsNotice } from './ClosedMonthsNotice.tsx';
