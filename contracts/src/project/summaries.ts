import Big from 'big.js';
import type { EffortMap, ResourceKind } from './fields.ts';

/**
 * 月毎明細 summaries: プロジェクトサマリー, 社員別, パートナー別, 諸経費 — by month and in total — and the
 * figures of the 収支管理表 and the sales plan. Pure; both sides use it.
 *
 * Rounding (decided once, here):
 * - The unit of rounding is one CELL: one resource row in one month. revenue = 提示単価 × 工数 and
 *   cost = 原価 × 工数 are computed exactly with big.js and rounded to the yen half-up (an effort
 *   has at most two decimals, so a cell is at most 0.5 yen off its exact value).
 * - Every other figure is a SUM of those integer cells. So month totals add up to the total,
 *   rows add up to the total, 社員+パートナー+諸経費 add up to 原価, and 粗利 = 売上 − 原価 everywhere,
 *   to the yen, whichever way a person adds the numbers on screen or in Excel.
 * - Consequence: a row's total may differ from 単価 × Σ工数 by a few yen when a price is not a
 *   multiple of 100. We accept that: the row total must equal the sum of the month cells shown beside it.
 * - 粗利率 = 粗利 ÷ 売上 × 100, one decimal, half-up (ties away from zero, also for negative margins),
 *   as a decimal string ("23.5"); null when 売上 is 0, because a margin of nothing is not a number.
 * - `effort` of an aggregate counts 人月 of people only (社員・パートナー); 諸経費 maps hold quantities,
 *   which are not 人月, so they appear only in the expense rows and groups.
 */

/** What a summary needs of a row; a recorded `ProjectResource` fits. */
export interface SummaryResource {
  readonly resourceNo: number;
  readonly kind: ResourceKind;
  readonly name: string;
  readonly cost: number;
  readonly quotedUnitPrice: number;
  readonly effort: EffortMap;
  readonly employeeId?: string;
  readonly partnerId?: string;
  readonly partnerCompanyId?: string;
}

export interface Figures {
  /** 人月 of people (or quantity, for an expense row or group); decimal string. */
  effort: string;
  revenue: number;
  cost: number;
  employeeCost: number;
  partnerCost: number;
  expenseCost: number;
  grossProfit: number;
  grossMarginPercent: string | null;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface SummaryLine {
  /** resource no. for a row; employee id / partner id / resource no. for a group. */
  key: string;
  kind: ResourceKind;
  name: string;
  resourceNos: number[];
  months: MonthFigures[];
  total: Figures;
}

export interface ProjectSummary {
  months: string[];
  /** One line per 月毎明細 row, in the order given. */
  rows: SummaryLine[];
  /** プロジェクトサマリー by month, then in total. */
  byMonth: MonthFigures[];
  total: Figures;
  /** 社員別サマリー: one line per employee (rows of the same person are added together). */
  employees: SummaryLine[];
  /** パートナー別サマリー: one line per partner person. */
  partners: SummaryLine[];
  /** 諸経費サマリー: one line per expense row. */
  expenses: SummaryLine[];
}

interface Cell {
  effort: Big;
  labourEffort: Big;
  revenue: number;
  cost: number;
  kind: ResourceKind;
}

/** Half-up to the yen. Inputs are non-negative, so half-up and half-away-from-zero agree. */
export function yenOf(unitPrice: number, effort: string | Big): number {
  return new Big(effort).times(unitPrice).round(0, Big.roundHalfUp).toNumber();
}

export function grossMarginPercent(grossProfit: number, revenue: number): string | null {
  if (revenue === 0) return null;
  // Whole yen (what yenOf makes) take an exact integer path with the same rounding: big.js divides
  // to 20 places first, and that was a tenth of a 案件詳細 request (one call per line and month).
  if (Number.isSafeInteger(grossProfit) && Number.isSafeInteger(revenue) && grossProfit !== 0) {
    const numerator = BigInt(Math.abs(grossProfit)) * 1000n;
    const denominator = BigInt(Math.abs(revenue));
    const tenths = numerator / denominator + ((numerator % denominator) * 2n >= denominator ? 1n : 0n);
    // Negative whenever the quotient is, also when it rounds to zero ("-0.0"), as big.js writes it.
    const sign = grossProfit < 0 !== revenue < 0 ? '-' : '';
    return `${sign}${tenths / 10n}.${tenths % 10n}`;
  }
  return new Big(grossProfit).times(100).div(revenue).toFixed(1, Big.roundHalfUp);
}

function cellOf(resource: SummaryResource, month: string): Cell {
  const effort = new Big(resource.effort[month] ?? '0');
  return {
    effort,
    labourEffort: resource.kind === 'expense' ? new Big(0) : effort,
    revenue: yenOf(resource.quotedUnitPrice, effort),
    cost: yenOf(resource.cost, effort),
    kind: resource.kind,
  };
}

function figuresOf(cells: readonly Cell[], effortOf: (c: Cell) => Big): Figures {
  let effort = new Big(0);
  let revenue = 0;
  const costByKind = { employee: 0, partner: 0, expense: 0 };
  for (const c of cells) {
    effort = effort.plus(effortOf(c));
    revenue += c.revenue;
    costByKind[c.kind] += c.cost;
  }
  const cost = costByKind.employee + costByKind.partner + costByKind.expense;
  const grossProfit = revenue - cost;
  return {
    effort: effort.toString(),
    revenue,
    cost,
    employeeCost: costByKind.employee,
    partnerCost: costByKind.partner,
    expenseCost: costByKind.expense,
    grossProfit,
    grossMarginPercent: grossMarginPercent(grossProfit, revenue),
  };
}

/** Months to show: those asked for (the project period) plus any month that holds effort, sorted. */
function monthsOf(resources: readonly SummaryResource[], period: readonly string[]): string[] {
  const months = new Set(period);
  for (const r of resources) for (const m of Object.keys(r.effort)) months.add(m);
  return [...months].sort();
}

/** One row's cells, month by month: computed once, then only added up. */
interface RowCells {
  readonly resource: SummaryResource;
  readonly cells: readonly Cell[];
}

function lineOf(key: string, kind: ResourceKind, name: string, members: readonly RowCells[], months: readonly string[]): SummaryLine {
  // Within one line every member has the same kind, so the line's effort is its own unit (人月 or quantity).
  const ownEffort = (c: Cell) => c.effort;
  const monthLines = months.map((month, i) => ({ month, ...figuresOf(members.map((m) => m.cells[i]!), ownEffort) }));
  const total = figuresOf(members.flatMap((m) => m.cells), ownEffort);
  return { key, kind, name, resourceNos: members.map((m) => m.resource.resourceNo), months: monthLines, total };
}

function groupBy(rows: readonly RowCells[], keyOf: (r: SummaryResource) => string): Map<string, RowCells[]> {
  const groups = new Map<string, RowCells[]>();
  for (const row of rows) {
    const key = keyOf(row.resource);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * Summarise a project's 月毎明細. `periodMonths` (see `monthsBetween` in domain/months) makes empty months of the
 * project period appear as zero columns, as the grid shows them.
 */
export function summarize(resources: readonly SummaryResource[], periodMonths: readonly string[] = []): ProjectSummary {
  const months = monthsOf(resources, periodMonths);
  const rows: RowCells[] = resources.map((resource) => ({ resource, cells: months.map((month) => cellOf(resource, month)) }));
  const labour = (c: Cell) => c.labourEffort;
  const byMonth = months.map((month, i) => ({ month, ...figuresOf(rows.map((r) => r.cells[i]!), labour) }));
  const total = figuresOf(rows.flatMap((r) => r.cells), labour);

  const single = (r: RowCells) => lineOf(String(r.resource.resourceNo), r.resource.kind, r.resource.name, [r], months);
  const people = (kind: 'employee' | 'partner', idOf: (r: SummaryResource) => string | undefined) =>
    [...groupBy(rows.filter((r) => r.resource.kind === kind), (r) => idOf(r) ?? `#${r.resourceNo}`)].map(([key, members]) =>
      lineOf(key, kind, members[0]!.resource.name, members, months),
    );

  return {
    months,
    rows: rows.map(single),
    byMonth,
    total,
    employees: people('employee', (r) => r.employeeId),
    partners: people('partner', (r) => r.partnerId),
    expenses: rows.filter((r) => r.resource.kind === 'expense').map(single),
  };
}
