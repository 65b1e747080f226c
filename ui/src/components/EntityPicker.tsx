import { useId, useState, type KeyboardEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Field } from './Field.tsx';
import { useDebounced } from '../lib/useDebounced.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { pickerLabels } from '../i18n/picker.ts';

/** One page of candidates as the list routes answer it: `total` is how many match in all. */
export interface PickerPage<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface PickerOption {
  readonly id: string;
  /** What the person sees and what the input shows once picked. */
  readonly label: string;
  /** A second line: the company of a partner, the email of an employee, the path of an org unit. */
  readonly detail?: string;
}

interface EntityPickerProps<T> {
  label: string;
  /** Field path; names the test ids (`input-<name>`, `option-<name>-<n>`) like every other field. */
  name: string;
  /** The picked id ('' for none): sent to the server, never shown. */
  value: string;
  /** The picked entry's label, shown in the input while the person is not typing. */
  valueLabel: string;
  /** Distinguishes this picker's cached searches from others'. */
  queryKey: readonly unknown[];
  /** Asks the server for one page of matches of the typed text (folded there: カナ, かな and ｶﾅ alike). */
  search: (text: string, page: number, signal: AbortSignal) => Promise<PickerPage<T>>;
  toOption: (item: T) => PickerOption;
  /** The whole entry, so a pick can fill other fields from it; null when cleared. */
  onPick: (item: T | null) => void;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  disabled?: boolean;
}

/**
 * A combobox (WAI-ARIA combobox with a listbox popup) over a server-side search: the person types
 * names and the form keeps ids, so no id is ever typed by hand. Typing waits for a pause before asking;
 * ↑↓ move, Enter picks, Esc closes and puts the picked label back. A count and 「さらに表示」 replace
 * any silent cap.
 */
export function EntityPicker<T>({ label, name, value, valueLabel, queryKey, search, toOption, onPick, required, error, hint, disabled }: EntityPickerProps<T>) {
  const text = useLabels(pickerLabels);
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const term = useDebounced(typed ?? '', 250);
  const results = useInfiniteQuery({
    queryKey: ['picker', ...queryKey, term],
    queryFn: ({ pageParam, signal }) => search(term, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.reduce((n, p) => n + p.items.length, 0) < last.total && last.items.length > 0 ? pages.length + 1 : undefined),
    enabled: open,
    staleTime: 30_000,
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages.at(-1)?.total ?? 0;
  const options = items.map(toOption);

  const close = () => {
    setOpen(false);
    setTyped(null);
    setActive(-1);
  };
  const pick = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    onPick(item);
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.max(0, Math.min(options.length - 1, current + step)));
    } else if (event.key === 'Enter' && open) {
      // Enter picks; it never submits the surrounding form half-chosen
      event.preventDefault();
      if (active >= 0) pick(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const onBlur = () => {
    // emptying the input and leaving it clears the choice; any other half-typed text is dropped
    if (typed !== null && typed.trim() === '' && value) onPick(null);
    close();
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <Field label={label} name={name} error={error} hint={hint} required={required ?? false}>
      {({ id, describedBy, invalid }) => (
        <div className="picker" data-testid={`picker-${name}`}>
          <div className="picker-input">
            <input
              id={id}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={open}
              aria-controls={listId}
              aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              data-testid={`input-${name}`}
              data-value={value}
              placeholder={text('placeholder')}
              disabled={disabled}
              value={typed ?? valueLabel}
              onChange={(e) => {
                setTyped(e.target.value);
                setActive(-1);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              onClick={() => setOpen(true)}
              onBlur={onBlur}
              onKeyDown={onKeyDown}
            />
            {value && !disabled && (
              <button type="button" className="picker-clear" aria-label={text('clear')} title={text('clear')} data-testid={`clear-${name}`} onMouseDown={(e) => e.preventDefault()} onClick={() => { onPick(null); close(); }}>
                ×
              </button>
            )}
          </div>
          {open && (
            // mousedown would blur the input before the click lands
            <div className="picker-popup" onMouseDown={(e) => e.preventDefault()}>
              <ul id={listId} role="listbox" aria-label={label} data-testid={`options-${name}`}>
                {options.map((option, index) => (
                  <li
                    key={option.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === active || option.id === value}
                    className={index === active ? 'active' : undefined}
                    data-testid={`option-${name}-${index}`}
                    onClick={() => pick(index)}
                    onMouseEnter={() => setActive(index)}
                  >
                    <span>{option.label}</span>
                    {option.detail && <span className="picker-detail">{option.detail}</span>}
                  </li>
                ))}
              </ul>
              <div className="picker-status" role="status" data-testid={`status-${name}`}>
                {results.isError ? text('failed') : results.isFetching && options.length === 0 ? text('searching') : options.length === 0 ? text('none') : text('shown', { shown: options.length, total })}
                {results.hasNextPage && (
                  <button type="button" className="button small" data-testid={`more-${name}`} disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                    {text('more')}
                  </button>
                )}
              </div>
            </div>
          )}
        </div>
      )}
    </Field>
  );
}
