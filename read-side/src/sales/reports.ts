import type { ReadStore } from '@sss/contracts/ports/read-store';
import type { Dashboard, PeriodQuery, PlanActualRow, SalesByRow } from '@sss/contracts/sales/views';
import { MONTHLY_SALES_STATUSES, MONTHLY_SALES_STATUS_LABELS } from '@sss/contracts/sales/status';
import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import { current, type OrgUnitTimeline } from '@sss/contracts/organization/timeline';
import { addMonths, monthOf } from '@sss/contracts/domain/months';
import { INVOICES, MONTHLY_SALES, SALES_PROJECTS } from './projection.ts';
import { allRows } from '../http/all-rows.ts';

/**
 * Finance reports as store aggregations (groupSum: FerretDB v1 offers only $sum/$count, which is
 * all these need). Plan is the order budget; actual counts a month once its sales check is approved.
 */

const ORG_UNITS = 'org_units';

export function monthFilter(period: PeriodQuery): Record<string, unknown> {
  const range: Record<string, string> = {};
  if (period.from) range.$gte = period.from;
  if (period.to) range.$lte = period.to;
  return Object.keys(range).length ? { month: range } : {};
}

async function orgNames(store: ReadStore): Promise<Map<string, string>> {
  // The organization projection's documents, read at query time; a missing name falls back to the id.
  const docs = await allRows(store, ORG_UNITS, {});
  return new Map(docs.map((d) => [d._id, current(d.timeline as OrgUnitTimeline).name]));
}

export async function planActual(store: ReadStore, period: PeriodQuery): Promise<{ rows: PlanActualRow[]; totals: { plan: number; actual: number } }> {
  const groups = await store.groupSum(MONTHLY_SALES, monthFilter(period), { by: ['month', 'orgUnitId'], sum: ['planRevenue', 'confirmedNet'] });
  const names = await orgNames(store);
  const rows = groups
    .map((g) => {
      const orgUnitId = String(g.key.orgUnitId ?? '');
      const plan = g.sums.planRevenue ?? 0;
      const actual = g.sums.confirmedNet ?? 0;
      return { month: String(g.key.month), orgUnitId, orgUnitName: names.get(orgUnitId) ?? (orgUnitId || '（未設定）'), plan, actual, difference: actual - plan, projects: g.count };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.orgUnitName.localeCompare(b.orgUnitName));
  return { rows, totals: { plan: rows.reduce((t, r) => t + r.plan, 0), actual: rows.reduce((t, r) => t + r.actual, 0) } };
}

export async function salesBy(store: ReadStore, field: 'customerId' | 'contractType', period: PeriodQuery): Promise<SalesByRow[]> {
  const filter = monthFilter(period);
  const groups = await store.groupSum(MONTHLY_SALES, filter, { by: [field, ...(field === 'customerId' ? ['customerName'] : [])], sum: ['planRevenue', 'confirmedNet', 'invoicedGross'] });
  return groups
    .map((g) => ({ key: String(g.key[field] ?? ''), label: String((field === 'customerId' ? g.key.customerName : g.key[field]) || '（未設定）'), plan: g.sums.planRevenue ?? 0, actual: g.sums.confirmedNet ?? 0, invoiced: g.sums.invoicedGross ?? 0, months: g.count }))
    .sort((a, b) => b.actual - a.actual || a.label.localeCompare(b.label));
}

export async function dashboard(store: ReadStore, today: string): Promise<Dashboard> {
  const month = monthOf(today);
  const [thisMonth] = await store.groupSum(MONTHLY_SALES, { month }, { by: [], sum: ['planRevenue', 'confirmedNet'] });
  const pipelineGroups = await store.groupSum(SALES_PROJECTS, {}, { by: ['status'], sum: [] });
  const monthGroups = await store.groupSum(MONTHLY_SALES, {}, { by: ['status'], sum: [] });
  const approvalsWaiting = await store.count(MONTHLY_SALES, { status: 'checking' });
  const [overdue] = await store.groupSum(INVOICES, { state: 'current', outstanding: { $gt: 0 }, dueDate: { $lt: today } }, { by: [], sum: ['outstanding'] });
  const from = addMonths(month, -5);
  const trendGroups = await store.groupSum(MONTHLY_SALES, { month: { $gte: from, $lte: month } }, { by: ['month'], sum: ['planRevenue', 'confirmedNet'] });
  const trend = Array.from({ length: 6 }, (_, i) => addMonths(from, i)).map((m) => {
    const g = trendGroups.find((t) => t.key.month === m);
    return { month: m, plan: g?.sums.planRevenue ?? 0, actual: g?.sums.confirmedNet ?? 0 };
  });
  return {
    month,
    thisMonth: { plan: thisMonth?.sums.planRevenue ?? 0, actual: thisMonth?.sums.confirmedNet ?? 0 },
    pipeline: PROJECT_STATUSES.map((status) => ({ status, label: PROJECT_STATUS_LABELS[status], count: pipelineGroups.find((g) => g.key.status === status)?.count ?? 0 })).filter((p) => p.count > 0),
    monthsByStatus: MONTHLY_SALES_STATUSES.map((status) => ({ status, label: MONTHLY_SALES_STATUS_LABELS[status], count: monthGroups.find((g) => g.key.status === status)?.count ?? 0 })),
    approvalsWaiting,
    overdue: { count: overdue?.count ?? 0, outstanding: overdue?.sums.outstanding ?? 0 },
    trend,
  };
}
