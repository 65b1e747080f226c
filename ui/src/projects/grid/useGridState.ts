import { useCallback, useMemo, useState } from 'react';
import { summarize } from '@sss/contracts/project/summaries';
import { gridErrors, rowsFrom, summaryResources, withCell, type GridRow, type GridRowSource } from './gridModel.ts';
import { inRange, rangeOf, type CellAddress } from './navigation.ts';
import type { CellWrite } from './tsv.ts';

/**
 * The grid's unsaved rows, the selection (anchor + focus, as in a spreadsheet), and everything
 * derived from them: messages per cell and the summaries from `summarize()`, recomputed on every
 * keystroke so totals move as the person types.
 */
export function useGridState(sources: readonly GridRowSource[], months: readonly string[]) {
  const initial = useMemo(() => rowsFrom(sources, months), [sources, months]);
  const [rows, setRows] = useState<GridRow[]>(initial);
  const [anchor, setAnchor] = useState<CellAddress>({ row: 0, col: 0 });
  const [focus, setFocus] = useState<CellAddress>({ row: 0, col: 0 });

  const setCell = useCallback((row: number, col: number, value: string) => setRows((current) => withCell(current, row, col, value)), []);
  const applyWrites = useCallback((writes: readonly CellWrite[]) => setRows((current) => writes.reduce((acc, w) => withCell(acc, w.row, w.col, w.value), current)), []);
  const select = useCallback((cell: CellAddress, extend: boolean) => {
    setFocus(cell);
    if (!extend) setAnchor(cell);
  }, []);
  const reset = useCallback(() => setRows(initial), [initial]);

  const range = rangeOf(anchor, focus);
  const errors = useMemo(() => gridErrors(rows), [rows]);
  const summary = useMemo(() => summarize(summaryResources(rows, months), months), [rows, months]);
  const dirty = rows.some((r, i) => r.cells.some((c, j) => c !== initial[i]?.cells[j]));

  return { rows, setCell, applyWrites, focus, range, select, isSelected: (cell: CellAddress) => inRange(range, cell), errors, summary, dirty, reset };
}
