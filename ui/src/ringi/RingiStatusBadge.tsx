import type { RingiStatus } from '@sss/contracts/ringi/events';
import { ringiStatusLabels, ringiLabels } from '../i18n/ringi.ts';
import { useLabels } from '../i18n/useLabels.ts';

const STATUS_TONE: Record<RingiStatus, string> = { filing: 'warning', in_flow: 'warning', approved: 'ok', rejected: 'danger', sent_back: 'muted', withdrawn: 'muted' };

export function RingiStatusBadge({ status, stuck }: { status: RingiStatus; stuck?: string | null }) {
  const label = useLabels(ringiStatusLabels);
  const l = useLabels(ringiLabels);
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
