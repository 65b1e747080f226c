import { PROJECT_STATUSES, PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import type { ProjectListParams } from '../api/projects.ts';
import { useCustomers, useOrgUnits } from './queries.ts';
import { useProjectText } from './text.ts';

interface Props {
  query: ProjectListParams;
  typed: string;
  onType: (text: string) => void;
  onChange: (change: Partial<ProjectListParams>) => void;
}

/** The filters of 案件一覧: free text, status, customer, 主管部 and a date the period must contain. */
export function ProjectListFilters({ query, typed, onType, onChange }: Props) {
  const text = useProjectText();
  const customers = useCustomers();
  const orgUnits = useOrgUnits();
  return (
    <div className="toolbar">
      <input type="search" className="search" placeholder={text('search')} aria-label={text('search')} data-testid="project-search" value={typed} onChange={(e) => onType(e.target.value)} />
      <select aria-label={text('status')} data-testid="filter-status" value={query.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || undefined) as ProjectListParams['status'] })}>
        <option value="">{text('anyStatus')}</option>
        {PROJECT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {PROJECT_STATUS_LABELS[status]}
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
        {text('activeOn')}
        <input type="date" data-testid="filter-active-on" value={query.activeOn ?? ''} onChange={(e) => onChange({ activeOn: e.target.value || undefined })} />
      </label>
    </div>
  );
}
