import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../components/Pager.tsx';
import { formatDateTime } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { estimateQueries } from './queries.ts';
import { pageSizeFrom, putPageSize, rememberPageSize } from '../lib/pageSize.ts';
import { Dot } from '../components/Dot.tsx';

const ESTIMATE_LIST = 'estimates';

function searchOf(q: string | undefined, page: number, pageSize: number) {
  const search = new URLSearchParams(q ? { q } : {});
  if (page > 1) search.set('page', String(page));
  putPageSize(search, pageSize);
  return search;
}

/** 見積一覧: one row per estimate (its newest version); a row opens the project's 見積 editor. */
export function EstimateListPage() {
  const [search, setSearch] = useSearchParams();
  const q = search.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const query = { ...(q ? { q } : {}), page, pageSize: pageSizeFrom(search, ESTIMATE_LIST) };
  const list = useQuery(estimateQueries.list(query));
  const text = useLabels(projectLabels);
  useDocumentTitle(text('estimateListTitle'));
  return (
    <section className="page" data-testid="estimate-list">
      <div className="page-header">
        <h1>{text('estimateListTitle')}</h1>
      </div>
      <div className="toolbar">
        <input type="search" className="search" placeholder={text('estimateSearch')} aria-label={text('searchLabel')} data-testid="estimate-search" defaultValue={q ?? ''} onKeyDown={(e) => e.key === 'Enter' && setSearch(searchOf(e.currentTarget.value.trim() || undefined, 1, query.pageSize), { replace: true })} />
      </div>
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className="table-wrap">
        <table className="table" data-testid="estimate-table">
          <thead>
            <tr>
              <th>{text('estimateNumber')}</th>
              <th>{text('project')}</th>
              <th>{text('subject')}</th>
              <th>{text('addressee')}</th>
              <th>{text('versions')}</th>
              <th className="num">{text('totalInclTax')}</th>
              <th>{text('updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  {text('estimateEmpty')}
                </td>
              </tr>
            )}
            {list.data?.items.map((e) => (
              <tr key={e.id} data-testid="estimate-row" data-project-id={e.projectId} data-status={e.status}>
                <td className="mono">{e.estimateNumber ?? text('draftParen')}</td>
                <td>
                  <Link to={`/projects/${encodeURIComponent(e.projectId)}/estimate`}>
                    {e.projectNumber} {e.projectName}
                  </Link>
                </td>
                <td>{e.subject}</td>
                <td>{e.addressee}</td>
                <td>
                  {text('versionLabel', { version: e.latestVersion })}<Dot />{e.status === 'issued' ? text('issued') : text('draft')}
                </td>
                <td className="num">{formatYen(e.total)}</td>
                <td className="date">{formatDateTime(e.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => setSearch(searchOf(q, p, query.pageSize), { replace: true })} onPageSize={(size) => { rememberPageSize(ESTIMATE_LIST, size); setSearch(searchOf(q, 1, size), { replace: true }); }} />}
    </section>
  );
}
