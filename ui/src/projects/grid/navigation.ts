/**
 * Where the cursor goes in the 月毎明細 grid. Pure, so the keyboard behaviour is tested without a
 * browser. The grid behaves like a spreadsheet because that is what sales people plan in today:
 * arrows move one cell, Tab / Shift+Tab walk the row and wrap to the next / previous row, Enter
 * commits and moves down (Shift+Enter up).
 */

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

export type NavigationKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Tab' | 'Enter' | 'Home' | 'End';

const NAVIGATION_KEYS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'Home', 'End'];

export function isNavigationKey(key: string): key is NavigationKey {
  return NAVIGATION_KEYS.includes(key);
}

const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), Math.max(max - 1, 0));

/**
 * The next cell, or `null` when the key would leave the grid (Tab past the last cell, Shift+Tab
 * before the first): then the browser's own focus order takes over, so keyboard users are never trapped.
 */
export function nextCell(at: CellAddress, key: NavigationKey, shift: boolean, size: GridSize): CellAddress | null {
  if (size.rows === 0 || size.cols === 0) return null;
  const { row, col } = at;
  switch (key) {
    case 'ArrowUp':
      return { row: clamp(row - 1, size.rows), col };
    case 'ArrowDown':
      return { row: clamp(row + 1, size.rows), col };
    case 'ArrowLeft':
      return { row, col: clamp(col - 1, size.cols) };
    case 'ArrowRight':
      return { row, col: clamp(col + 1, size.cols) };
    case 'Home':
      return { row, col: 0 };
    case 'End':
      return { row, col: size.cols - 1 };
    case 'Enter':
      return { row: clamp(row + (shift ? -1 : 1), size.rows), col };
    case 'Tab': {
      const index = row * size.cols + col + (shift ? -1 : 1);
      if (index < 0 || index >= size.rows * size.cols) return null;
      return { row: Math.floor(index / size.cols), col: index % size.cols };
    }
  }
}

/** The rectangle between the anchor (where selection began) and the focus, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rangeOf(anchor: CellAddress, focus: CellAddress): CellRange {
  return {
    top: Math.min(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    bottom: Math.max(anchor.row, focus.row),
    right: Math.max(anchor.col, focus.col),
  };
}

export function inRange(range: CellRange, cell: CellAddress): boolean {
  return cell.row >= range.top && cell.row <= range.bottom && cell.col >= range.left && cell.col <= range.right;
}
