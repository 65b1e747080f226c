import { useEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { isNavigationKey, type CellAddress, type NavigationKey } from './navigation.ts';

interface Props {
  at: CellAddress;
  value: string;
  error: string | undefined;
  label: string;
  testId: string;
  focused: boolean;
  selected: boolean;
  readOnly: boolean;
  onChange: (value: string) => void;
  onMove: (key: NavigationKey, shift: boolean) => boolean;
  onSelect: (extend: boolean) => void;
  onPaste: (text: string) => void;
  /** The selected range as Excel text, or null for a single cell (then the browser copies the input's own selection). */
  copyText: () => string | null;
  onRevert: () => void;
}

/**
 * One editable cell. An <input> per cell keeps the grid usable with a screen reader and IME; the
 * spreadsheet feel comes from the key handling: ←/→ move once the caret is at the edge of the text,
 * ↑/↓/Tab/Enter always move, Shift extends the selection, Esc restores the saved value.
 */
export function GridCell({ at, value, error, label, testId, focused, selected, readOnly, onChange, onMove, onSelect, onPaste, copyText, onRevert }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // follow the keyboard only while the grid has focus, so a re-render never steals it from the page
    const input = ref.current;
    if (focused && input && document.activeElement !== input && input.closest('table')?.contains(document.activeElement)) input.focus();
  }, [focused]);

  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // IME conversion owns Enter and the arrows
    if (e.key === 'Escape') {
      onRevert();
      return;
    }
    if (!isNavigationKey(e.key) || e.key === 'Home' || e.key === 'End') return;
    const input = e.currentTarget;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (e.key === 'ArrowLeft' && !all && input.selectionStart !== 0) return;
    if (e.key === 'ArrowRight' && !all && input.selectionEnd !== input.value.length) return;
    const extend = e.shiftKey && e.key.startsWith('Arrow');
    if (extend) {
      e.preventDefault();
      onMove(e.key, true);
      return;
    }
    if (onMove(e.key, e.shiftKey)) e.preventDefault();
  };

  const paste = (e: ClipboardEvent<HTMLInputElement>) => {
    if (readOnly) return;
    e.preventDefault();
    onPaste(e.clipboardData.getData('text/plain'));
  };

  const copy = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = copyText();
    if (text === null) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
  };

  return (
    <td className={`grid-cell${selected ? ' selected' : ''}${error ? ' invalid' : ''}`} title={error}>
      <input
        ref={ref}
        className="grid-input num"
        data-testid={testId}
        data-row={at.row}
        data-col={at.col}
        aria-label={label}
        aria-invalid={Boolean(error)}
        readOnly={readOnly}
        inputMode="decimal"
        value={value}
        onFocus={(e) => {
          e.currentTarget.select();
          if (!focused) onSelect(false);
        }}
        onMouseDown={(e) => {
          if (e.shiftKey) {
            e.preventDefault();
            onSelect(true);
          }
        }}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={keyDown}
        onPaste={paste}
        onCopy={copy}
      />
      {error && (
        <span className="grid-error" role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      )}
    </td>
  );
}
