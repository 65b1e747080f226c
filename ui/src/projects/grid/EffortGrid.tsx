import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ProjectDetail } from '@sss/contracts/project/views';
import { GridCell } from './GridCell.tsx';
import { GridTotals } from './GridTotals.tsx';
import { changesOf, COLUMN_LABELS, FIXED_COLUMNS } from './gridModel.ts';
import { nextCell, type NavigationKey } from './navigation.ts';
import { saveGrid } from './saveGrid.ts';
import { parseTsv, pasteWrites, toTsv } from './tsv.ts';
import { useGridState } from './useGridState.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { projectQueries } from '../queries.ts';
import { projectLabels } from '../../i18n/projects.ts';
import { resourceKindLabels } from '../../i18n/codes.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import '../projects.css';
import { useTitle } from '../../i18n/titles.ts';

interface Props {
  project: ProjectDetail;
  months: readonly string[];
  editable: boolean;
  onRemove?: (resourceNo: number) => void;
  /** Told when unsaved input appears or goes, so the page can hold back actions that would reload the grid. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * 月毎明細: one row per resource, 原価・提示単価 then one column per month, edited like a spreadsheet.
 * The parent keys it by the project revision, so after a save (or someone else's) it starts from
 * the stored rows again.
 */
export function EffortGrid({ project, months, editable, onRemove, onDirtyChange }: Props) {
  const text = useLabels(projectLabels);
  // the kind's label from the UI's own table: the read model's kindLabel is Japanese
  const resourceKind = useLabels(resourceKindLabels);
  const client = useQueryClient();
  const grid = useGridState(project.resources, months);
  const [saving, setSaving] = useState(false);
  useEffect(() => onDirtyChange?.(grid.dirty), [grid.dirty, onDirtyChange]);
  const [saveError, setSaveError] = useState<unknown>(null);
  const size = { rows: grid.rows.length, cols: FIXED_COLUMNS.length + months.length };
  const errorAt = new Map(grid.errors.map((e) => [`${e.row}:${e.col}`, e.message]));
  const columnKey = (col: number) => (col < FIXED_COLUMNS.length ? FIXED_COLUMNS[col]! : months[col - FIXED_COLUMNS.length]!);
  const title = useTitle();
  const columnLabel = (col: number) => (col < FIXED_COLUMNS.length ? title(COLUMN_LABELS[FIXED_COLUMNS[col]!]) : months[col - FIXED_COLUMNS.length]!);

  const move = (key: NavigationKey, shift: boolean) => {
    const next = nextCell(grid.focus, key, shift && key !== 'Tab' && key !== 'Enter' ? false : shift, size);
    if (!next) return false;
    grid.select(next, shift && key.startsWith('Arrow'));
    return true;
  };
  const paste = (clipboard: string) => grid.applyWrites(pasteWrites(parseTsv(clipboard), grid.range, size));
  const copyText = () => {
    const { top, left, bottom, right } = grid.range;
    if (top === bottom && left === right) return null;
    return toTsv(grid.rows.slice(top, bottom + 1).map((r) => r.cells.slice(left, right + 1)));
  };

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      await saveGrid(project.id, project.revision, project.resources, changesOf(grid.rows, months));
      await client.invalidateQueries({ queryKey: projectQueries.all });
    } catch (error) {
      // keep what was typed on screen: reloading would re-key the grid and drop it; the person decides
      setSaveError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="effort-grid" data-testid="effort-grid" data-dirty={grid.dirty}>
      {editable && <p className="hint">{text('gridHelp')}</p>}
      <div className="table-wrap grid-wrap">
        <table className="table compact grid-table" role="grid">
          <thead>
            <tr>
              <th>{text('kind')}</th>
              <th>{text('resourceName')}</th>
              {Array.from({ length: size.cols }, (_, col) => (
                <th key={col} className="num">
                  {columnLabel(col)}
                </th>
              ))}
              <th className="num">{text('effort')}</th>
              <th className="num">{text('cost')}</th>
              <th className="num">{text('revenue')}</th>
              {editable && onRemove && <th />}
            </tr>
          </thead>
          <tbody>
            {grid.rows.length === 0 && (
              <tr>
                <td colSpan={size.cols + 5} className="empty" data-testid="grid-empty">
                  {text('noResources')}
                </td>
              </tr>
            )}
            {grid.rows.map((row, r) => {
              const line = grid.summary.rows[r];
              return (
                <tr key={row.source.resourceNo} data-testid="grid-row" data-resource-no={row.source.resourceNo} data-kind={row.source.kind}>
                  <td>
                    <span className={`badge kind-${row.source.kind}`}>{resourceKind(row.source.kind)}</span>
                  </td>
                  <td data-user-data>{row.source.name}</td>
                  {row.cells.map((value, c) => (
                    <GridCell
                      key={c}
                      at={{ row: r, col: c }}
                      value={value}
                      error={errorAt.get(`${r}:${c}`)}
                      label={`${row.source.name} ${columnLabel(c)}`}
                      testId={`cell-${row.source.resourceNo}-${columnKey(c)}`}
                      focused={grid.focus.row === r && grid.focus.col === c}
                      selected={grid.isSelected({ row: r, col: c })}
                      readOnly={!editable}
                      onChange={(v) => grid.setCell(r, c, v)}
                      onMove={move}
                      onSelect={(extend) => grid.select({ row: r, col: c }, extend)}
                      onPaste={paste}
                      copyText={copyText}
                      onRevert={() => grid.setCell(r, c, c === 0 ? String(row.source.cost) : c === 1 ? String(row.source.quotedUnitPrice) : (row.source.effort[months[c - 2]!] ?? ''))}
                    />
                  ))}
                  <td className="num" data-testid={`row-effort-${row.source.resourceNo}`}>
                    {line?.total.effort}
                  </td>
                  <td className="num" data-testid={`row-cost-${row.source.resourceNo}`}>
                    {formatYen(line?.total.cost)}
                  </td>
                  <td className="num" data-testid={`row-revenue-${row.source.resourceNo}`}>
                    {formatYen(line?.total.revenue)}
                  </td>
                  {editable && onRemove && (
                    <td>
                      <button type="button" className="button small ghost" data-testid={`remove-resource-${row.source.resourceNo}`} disabled={grid.dirty} onClick={() => onRemove(row.source.resourceNo)}>
                        {text('removeResource')}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
          <GridTotals summary={grid.summary} leading={2 + FIXED_COLUMNS.length} trailing={editable && onRemove ? 1 : 0} />
        </table>
      </div>
      {grid.errors.length > 0 && (
        <p className="alert error" data-testid="grid-errors">
          {text('gridErrors')}
        </p>
      )}
      <ProblemMessage error={saveError} testId="grid-save-error" />
      {saveError !== null && (
        <button type="button" className="button small" data-testid="grid-reload" onClick={() => void client.invalidateQueries({ queryKey: projectQueries.all })}>
          {text('reloadLatest')}
        </button>
      )}
      {editable && (
        <div className="form-actions left">
          <button type="button" className="button primary" data-testid="grid-save" disabled={!grid.dirty || grid.errors.length > 0 || saving} onClick={() => void save()}>
            {saving ? text('saving') : text('save')}
          </button>
          <button type="button" className="button" data-testid="grid-reset" disabled={!grid.dirty || saving} onClick={grid.reset}>
            {text('reset')}
          </button>
          {grid.dirty && (
            <span className="subtle" data-testid="grid-unsaved">
              {text('unsaved')}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
