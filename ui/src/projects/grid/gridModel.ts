import type { ResourceKind } from '@sss/contracts/project/fields';
import type { SummaryResource } from '@sss/contracts/project/summaries';
import { checkEffort, checkYen, type CellCheck } from './cellInput.ts';

/**
 * The grid's unsaved state: what the person has typed, cell by cell, as text. Columns are 原価,
 * 提示単価, then one per month. Totals are computed from this state (not from the server's) so they
 * move as the person types; a cell that does not parse counts as its saved value until fixed.
 */

export interface GridRowSource {
  readonly resourceNo: number;
  readonly kind: ResourceKind;
  readonly name: string;
  readonly cost: number;
  readonly quotedUnitPrice: number;
  readonly effort: Readonly<Record<string, string>>;
  readonly employeeId?: string | null;
  readonly partnerId?: string | null;
}

export interface GridRow {
  readonly source: GridRowSource;
  /** Index 0: 原価, 1: 提示単価, then months in order. */
  readonly cells: readonly string[];
}

export const FIXED_COLUMNS = ['cost', 'quotedUnitPrice'] as const;
export const COLUMN_LABELS = { cost: '原価', quotedUnitPrice: '提示単価' } as const;

export function rowsFrom(sources: readonly GridRowSource[], months: readonly string[]): GridRow[] {
  return sources.map((source) => ({ source, cells: [String(source.cost), String(source.quotedUnitPrice), ...months.map((m) => source.effort[m] ?? '')] }));
}

export function checkCell(col: number, text: string): CellCheck {
  if (col < FIXED_COLUMNS.length) return checkYen(text, COLUMN_LABELS[FIXED_COLUMNS[col]!]);
  return checkEffort(text);
}

export function withCell(rows: readonly GridRow[], row: number, col: number, value: string): GridRow[] {
  return rows.map((r, i) => (i === row ? { ...r, cells: r.cells.map((c, j) => (j === col ? value : c)) } : r));
}

/** Rows as `summarize()` wants them, from what is typed; unreadable cells fall back to the saved value. */
export function summaryResources(rows: readonly GridRow[], months: readonly string[]): SummaryResource[] {
  return rows.map(({ source, cells }) => {
    const yen = (col: number, saved: number) => {
      const check = checkCell(col, cells[col] ?? '');
      return check.ok ? Number(check.value) : saved;
    };
    const effort: Record<string, string> = {};
    months.forEach((month, i) => {
      const check = checkEffort(cells[FIXED_COLUMNS.length + i] ?? '');
      const value = check.ok ? check.value : (source.effort[month] ?? '');
      if (value !== '' && Number(value) !== 0) effort[month] = value;
    });
    return {
      resourceNo: source.resourceNo,
      kind: source.kind,
      name: source.name,
      cost: yen(0, source.cost),
      quotedUnitPrice: yen(1, source.quotedUnitPrice),
      effort,
      ...(source.employeeId ? { employeeId: source.employeeId } : {}),
      ...(source.partnerId ? { partnerId: source.partnerId } : {}),
    };
  });
}

export interface CellError {
  readonly row: number;
  readonly col: number;
  readonly message: string;
}

export function gridErrors(rows: readonly GridRow[]): CellError[] {
  const errors: CellError[] = [];
  rows.forEach((r, row) =>
    r.cells.forEach((text, col) => {
      const check = checkCell(col, text);
      if (!check.ok) errors.push({ row, col, message: check.message });
    }),
  );
  return errors;
}

/** What saving sends for one row: new 原価/提示単価 (if changed) and the months whose effort changed ("0" clears). */
export interface RowChange {
  readonly resourceNo: number;
  readonly prices?: { cost: number; quotedUnitPrice: number };
  readonly efforts?: Record<string, string>;
}

// both sides are checked decimals of at most two places, so comparing their parsed values is exact
const sameEffort = (a: string, b: string) => Number(a || '0') === Number(b || '0');

export function changesOf(rows: readonly GridRow[], months: readonly string[]): RowChange[] {
  const changes: RowChange[] = [];
  for (const resource of summaryResources(rows, months)) {
    const row = rows.find((r) => r.source.resourceNo === resource.resourceNo)!;
    const { source } = row;
    const efforts: Record<string, string> = {};
    for (const month of months) {
      const now = resource.effort[month] ?? '';
      // compare as decimals: "0.50" typed over a saved "0.5" is not a change
      if (!sameEffort(now, source.effort[month] ?? '')) efforts[month] = now === '' ? '0' : now;
    }
    const pricesChanged = resource.cost !== source.cost || resource.quotedUnitPrice !== source.quotedUnitPrice;
    if (!pricesChanged && Object.keys(efforts).length === 0) continue;
    changes.push({
      resourceNo: source.resourceNo,
      ...(pricesChanged ? { prices: { cost: resource.cost, quotedUnitPrice: resource.quotedUnitPrice } } : {}),
      ...(Object.keys(efforts).length > 0 ? { efforts } : {}),
    });
  }
  return changes;
}
