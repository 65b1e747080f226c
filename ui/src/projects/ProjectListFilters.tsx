import { PROJECT_STATUSES } from '@sss/contracts/project/status';
import { projectStatusLabels } from '../i18n/codes.ts';
import type { ProjectListParams } from '../api/projects.ts';
import { useCustomers, useOrgUnits } from './queries.ts';
import { useSession } from '../auth/index.ts';
import './projects.css';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { RangeDash } from '../components/RangeDash.tsx';

interface Props {
  query: ProjectListParams;
  typed: string;
  onType: (text: string) => void;
  onChange: (change: Partial<ProjectListParams>) => void;
}

/** The filters of 案件一覧: free text, status, customer, 主管部, a period the project overlaps, and the leader. */
export function ProjectListFilters({ query, typed, onType, onChange }: Props) {
  const text = useLabels(projectLabels);
  const statusLabel = useLabels(projectStatusLabels);
  // リーダー filter: there is no employee directory for sales yet, so the common question "my projects" is offered
  const userId = useSession().data?.id;
  const customers = useCustomers();
  const orgUnits = useOrgUnits();
  return (
    <div className="toolbar filters">
      <input type="search" className="search" placeholder={text('search')} aria-label={text('search')} data-testid="project-search" value={typed} onChange={(e) => onType(e.target.value)} />
      <select aria-label={text('status')} data-testid="filter-status" value={query.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as ProjectListParams['status'] })}>
        <option value="">{text('anyStatus')}</option>
        {PROJECT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {statusLabel(status)}
          </option>
        ))}
      </select>
      <select aria-label={text('customer')} data-testid="filter-customer" value={query.customerCompanyId ?? ''} onChange={(e) => onChange({ customerCompanyId: e.target.value || undefined })}>
        <option value="">{text('anyCustomer')}</option>
        {customers.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <select aria-label={text('orgUnit')} data-testid="filter-org-unit" value={query.supervisingOrgUnitId ?? ''} onChange={(e) => onChange({ supervisingOrgUnitId: e.target.value || undefined })}>
        <option value="">{text('anyOrgUnit')}</option>
        {orgUnits.data?.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.path.join(' / ')}
          </option>
        ))}
      </select>
      <label className="checkbox">
        {text('period')}
        <input type="date" aria-label={text('periodFrom')} data-testid="filter-period-from" value={query.periodFrom ?? ''} onChange={(e) => onChange({ periodFrom: e.target.value || undefined })} />
        <RangeDash />
        <input type="date" aria-label={text('periodTo')} data-testid="filter-period-to" value={query.periodTo ?? ''} onChange={(e) => onChange({ periodTo: e.target.value || undefined })} />
      </label>
      {userId && (
        <label className="checkbox">
          <input type="checkbox" data-testid="filter-mine" checked={query.leaderEmployeeId === userId} onChange={(e) => onChange({ leaderEmployeeId: e.target.checked ? userId : undefined })} />
          {text('mine')}
        </label>
      )}
    </div>
  );
}
