import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { listEstimates } from '../api/projects.ts';
import { Pager } from '../companies/Pager.tsx';
import { formatDateTime } from '../format/date.ts';
import { formatYen } from '../format/yen.ts';
import { ProblemMessage } from '../forms/ProblemMessage.tsx';
import { useDocumentTitle } from '../shell/useDocumentTitle.ts';

/** 見積一覧: one row per estimate (its newest version); a row opens the project's 見積 editor. */
export function EstimateListPage() {
  const [search, setSearch] = useSearchParams();
  const q = search.get('q')?.trim() || undefined;
  const page = Math.max(1, Number(search.get('page')) || 1);
  const query = { ...(q ? { q } : {}), page, pageSize: 20 };
  const list = useQuery({ queryKey: ['projects', 'estimates', query], queryFn: ({ signal }) => listEstimates(query, signal), placeholderData: keepPreviousData });
  useDocumentTitle('見積一覧');
  return (
    <section className="page" data-testid="estimate-list">
      <div className="page-header">
        <h1>見積一覧</h1>
      </div>
      <div className="toolbar">
        <input type="search" className="search" placeholder="案件番号・案件名・件名" aria-label="検索" data-testid="estimate-search" defaultValue={q ?? ''} onKeyDown={(e) => e.key === 'Enter' && setSearch(e.currentTarget.value.trim() ? { q: e.currentTarget.value.trim() } : {}, { replace: true })} />
      </div>
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className="table-wrap">
        <table className="table" data-testid="estimate-table">
          <thead>
            <tr>
              <th>見積番号</th>
              <th>案件</th>
              <th>件名</th>
              <th>宛先</th>
              <th>版</th>
              <th className="num">合計（税込）</th>
              <th>更新</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={7} className="empty">
                  見積はありません
                </td>
              </tr>
            )}
            {list.data?.items.map((e) => (
              <tr key={e.id} data-testid="estimate-row" data-project-id={e.projectId} data-status={e.status}>
                <td className="mono">{e.estimateNumber ?? '（下書き）'}</td>
                <td>
                  <Link to={`/projects/${encodeURIComponent(e.projectId)}/estimate`}>
                    {e.projectNumber} {e.projectName}
                  </Link>
                </td>
                <td>{e.subject}</td>
                <td>{e.addressee}</td>
                <td>
                  第{e.latestVersion}版・{e.status === 'issued' ? '発行済' : '下書き'}
                </td>
                <td className="num">{formatYen(e.total)}</td>
                <td className="date">{formatDateTime(e.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(p) => setSearch({ ...(q ? { q } : {}), page: String(p) }, { replace: true })} />}
    </section>
  );
}
