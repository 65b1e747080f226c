interface SortHeaderProps {
  column: string;
  label: string;
  /** The list's current sort: `column` ascending, `-column` descending. */
  sort: string | undefined;
  onSort: (column: string) => void;
  align?: 'right';
}

export function SortHeader({ column, label, sort, onSort, align }: SortHeaderProps) {
  const direction = sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <th aria-sort={direction} className={align === 'right' ? 'num' : undefined}>
      <button type="button" className="sort" data-testid={`sort-${column}`} onClick={() => onSort(column)}>
        {label}
        <span className="sort-mark" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
