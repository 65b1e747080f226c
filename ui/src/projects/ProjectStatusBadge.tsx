import type { ProjectStatus } from '@sss/contracts/project/status';
import { projectStatusLabels } from '../i18n/codes.ts';
import { useLabels } from '../i18n/useLabels.ts';

const TONE: Partial<Record<ProjectStatus, string>> = {
  proposal_in_ringi: 'warning',
  estimate_in_ringi: 'warning',
  early_start_in_ringi: 'warning',
  order_in_ringi: 'warning',
  estimate_approved: 'ok',
  ordered: 'ok',
  early_started: 'ok',
  lost: 'danger',
  cancelled: 'muted',
  completed: 'muted',
};

/** The status as the list and the detail show it; 稟議中 states stand out because someone must act on them. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const label = useLabels(projectStatusLabels);
  return (
    <span className={`badge ${TONE[status] ?? ''}`} data-testid="project-status" data-status={status}>
      {label(status)}
    </span>
  );
}
