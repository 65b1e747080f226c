import { Link, useNavigate, useSearchParams } from 'react-router';
import { RINGI_KINDS, RINGI_STATUSES, type RingiKind, type RingiStatus } from '@sss/contracts/ringi/events';
import type { RingiListQuery } from '@sss/contracts/ringi/views';
import { Pager } from '../components/Pager.tsx';
import { formatDateTime } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ringiLabels, ringiKindLabels, ringiStatusLabels } from '../i18n/ringi.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useRingiList } from './queries.ts';
import { RingiStatusBadge } from './RingiStatusBadge.tsx';
import { pageSizeFrom, putPageSize, rememberPageSize } from '../lib/pageSize.ts';

const RINGI_LIST = 'ringi';

type View = NonNullable<RingiListQuery['view']>;
const VIEWS: readonly View[] = ['all', 'mine', 'waiting'];

/** The list's state lives in the URL, as on the other lists: bookmarkable, back-button friendly. */
function queryFromSearch(search: URLSearchParams): RingiListQuery {
  const view = search.get('view') as View | null;
  const status = search.get('status') as RingiStatus | null;
  const kind = search.get('kind') as RingiKind | null;
  const page = Number(search.get('page') ?? '1');
  return {
    view: view && VIEWS.includes(view) ? view : 'all',
    ...(status && RINGI_STATUSES.includes(status) ? { status } : {}),
    ...(kind && RINGI_KINDS.includes(kind) ? { kind } : {}),
    ...(search.get('projectId') ? { projectId: search.get('projectId')! } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizeFrom(search, RINGI_LIST),
  };
}

function searchFromQuery(query: RingiListQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.view && query.view !== 'all') search.set('view', query.view);
  if (query.status) search.set('status', query.status);
  if (query.kind) search.set('kind', query.kind);
  if (query.projectId) search.set('projectId', query.projectId);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  putPageSize(search, query.pageSize);
  return search;
}

export function RingiListPage() {
  const l = useLabels(ringiLabels);
  const kindLabel = useLabels(ringiKindLabels);
  const statusLabel = useLabels(ringiStatusLabels);
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = queryFromSearch(search);
  const list = useRingiList(query);
  useDocumentTitle(l('listTitle'));
  const update = (change: Partial<RingiListQuery>) => setSearch(searchFromQuery({ ...query, page: 1, ...change }), { replace: true });

  return (
    <section className="page" data-testid="ringi-list">
      <div className="page-header">
        <h1>{l('listTitle')}</h1>
      </div>

      <div className="toolbar">
        <div className="segmented" role="tablist">
          {VIEWS.map((v) => (
            <button key={v} type="button" role="tab" aria-selected={query.view === v} className={`button small${query.view === v ? ' primary' : ''}`} data-testid={`ringi-view-${v}`} onClick={() => update({ view: v })}>
              {l(v)}
            </button>
          ))}
        </div>
        <select aria-label={l('status')} data-testid="ringi-filter-status" value={query.status ?? ''} onChange={(e) => update({ status: (e.target.value || undefined) as RingiStatus | undefined })}>
          <option value="">{l('anyStatus')}</option>
          {RINGI_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
        <select aria-label={l('kind')} data-testid="ringi-filter-kind" value={query.kind ?? ''} onChange={(e) => update({ kind: (e.target.value || undefined) as RingiKind | undefined })}>
          <option value="">{l('anyKind')}</option>
          {RINGI_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>

      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />

      <div className={`table-wrap${list.isPlaceholderData ? ' stale' : ''}`}>
        <table className="table" data-testid="ringi-table">
          <thead>
            <tr>
              <th>{l('kind')}</th>
              <th>{l('title')}</th>
              <th>{l('status')}</th>
              <th>{l('waitingFor')}</th>
              <th>{l('documentNumber')}</th>
              <th>{l('requestedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={6} className="empty" data-testid="ringi-empty">
                  {l('empty')}
                </td>
              </tr>
            )}
            {list.data?.items.map((r) => (
              <tr key={r.id} className="clickable" data-testid="ringi-row" data-ringi-id={r.id} onClick={() => navigate(`/ringi/${encodeURIComponent(r.id)}`)}>
                <td>{kindLabel(r.kind)}</td>
                <td>
                  <Link to={`/ringi/${encodeURIComponent(r.id)}`} data-testid="ringi-link" data-user-data onClick={(e) => e.stopPropagation()}>
                    {r.title}
                  </Link>
                </td>
                <td>
                  <RingiStatusBadge status={r.status} stuck={r.stuck} />
                </td>
                <td data-user-data>{r.waitingFor.join('、') || '—'}</td>
                <td>{r.documentNumber || '—'}</td>
                <td className="date">{formatDateTime(r.requestedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => setSearch(searchFromQuery({ ...query, page }))} onPageSize={(pageSize) => { rememberPageSize(RINGI_LIST, pageSize); update({ pageSize }); }} />}
    </section>
  );
}
