import type { ReactNode } from 'react';
import { useTitle } from '../i18n/titles.ts';

/** Label/value pairs; `testId` names the value so tests can read one field. */
export function DetailList({ rows }: { rows: readonly { label: string; value: ReactNode; testId: string; num?: boolean }[] }) {
  const title = useTitle();
  return (
    <dl className="details">
      {rows.map((row) => (
        <div key={row.testId} className="detail-row">
          <dt>{title(row.label)}</dt>
          <dd data-testid={`detail-${row.testId}`} className={row.num ? 'num' : undefined}>
            {row.value === '' || row.value === null || row.value === undefined ? '—' : row.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
