import type { RingiStatus } from '@sss/contracts/ringi/events';
import { STATUS_TONE, useRingiLabels } from './labels.ts';

export function RingiStatusBadge({ status, stuck }: { status: RingiStatus; stuck?: string | null }) {
  const { status: label, l } = useRingiLabels();
  return (
    <span className="badges">
      <span className={`badge ${STATUS_TONE[status]}`} data-testid="ringi-status" data-status={status}>
        {label(status)}
      </span>
      {stuck && (
        <span className="badge danger" title={stuck} data-testid="ringi-stuck">
          {l('stuck')}
        </span>
      )}
    </span>
  );
}
