import { Link, useNavigate } from 'react-router';
import { ProjectListFilters } from './ProjectListFilters.tsx';
import { ProjectStatusBadge } from './ProjectStatusBadge.tsx';
import { nextSort, PROJECT_LIST, queryFromSearch, searchFromQuery } from './listParams.ts';
import { rememberPageSize } from '../lib/pageSize.ts';
import { useProjectList } from './queries.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { projectCsvUrl } from '../api/projects.ts';
import { may, useSession } from '../auth/index.ts';
import { Pager } from '../components/Pager.tsx';
import { SortHeader } from '../components/SortHeader.tsx';
import { formatDate } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useUrlListQuery } from '../components/useUrlListQuery.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ListStatusRows } from '../components/ListStatusRows.tsx';
import { RangeDash } from '../components/RangeDash.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { requires } from '../auth/index.ts';

export function ProjectListPage() {
  const text = useLabels(projectLabels);
  const navigate = useNavigate();
  const { data: user } = useSession();
  const { query, typed, setTyped, update } = useUrlListQuery(queryFromSearch, searchFromQuery);
  const list = useProjectList(query);
  useDocumentTitle(text('listTitle'));

  const sortBy = (column: string) => update({ sort: nextSort(query.sort, column) });

  return (
    <section className="page" data-testid="project-list">
      <div className="page-header">
        <h1>{text('listTitle')}</h1>
        <div className="actions">
          <DownloadLink href={projectCsvUrl(query)} className="button" testId="project-csv">
            {text('csv')}
          </DownloadLink>
          {may(user, 'POST', '/api/projects') && (
            <Link to="/projects/new" className="button primary" data-testid="project-new" {...requires('POST', '/api/projects')}>
              {text('new')}
            </Link>
          )}
        </div>
      </div>
      <ProjectListFilters query={query} typed={typed} onType={setTyped} onChange={update} />
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className={`table-wrap${list.isPlaceholderData ? ' stale' : ''}`}>
        <table className="table" data-testid="project-table">
          <thead>
            <tr>
              <SortHeader column="projectNumber" label={text('number')} sort={query.sort} onSort={sortBy} />
              <SortHeader column="name" label={text('name')} sort={query.sort} onSort={sortBy} />
              <th>{text('customer')}</th>
              <th>{text('orgUnit')}</th>
              <th>{text('leader')}</th>
              <SortHeader column="startDate" label={text('period')} sort={query.sort} onSort={sortBy} />
              <th>{text('status')}</th>
              <th className="num">{text('revenue')}</th>
              <th className="num">{text('grossProfit')}</th>
              <th className="num">{text('grossMargin')}</th>
            </tr>
          </thead>
          <tbody>
            <ListStatusRows pending={list.isPending} empty={list.data?.items.length === 0} columns={10} loadingText={text('loading')} emptyText={text('empty')} emptyTestId="project-empty" />
            {list.data?.items.map((p) => (
              <tr key={p.id} className="clickable" data-testid="project-row" data-project-id={p.id} data-project-number={p.projectNumber} onClick={() => navigate(`/projects/${encodeURIComponent(p.id)}`)}>
                <td className="mono">{p.projectNumber}</td>
                <td>
                  <Link to={`/projects/${encodeURIComponent(p.id)}`} data-testid="project-link" onClick={(e) => e.stopPropagation()}>
                    {p.name}
                  </Link>
                </td>
                <td>{p.customer.name}</td>
                <td>{p.supervisingOrgUnit.name}</td>
                <td>{p.leader.name}</td>
                <td className="date">
                  {formatDate(p.startDate)}
                  <RangeDash />
                  {formatDate(p.endDate)}
                </td>
                <td>
                  <ProjectStatusBadge status={p.status} />
                </td>
                <td className="num" data-testid="project-revenue">
                  {formatYen(p.revenue)}
                </td>
                <td className="num">{formatYen(p.grossProfit)}</td>
                <td className="num">{p.grossMarginPercent === null ? '—' : `${p.grossMarginPercent}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => update({ page })} onPageSize={(pageSize) => { rememberPageSize(PROJECT_LIST, pageSize); update({ pageSize }); }} />}
    </section>
  );
}
