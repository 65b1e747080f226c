import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { OrderSortKeys } from '@sss/contracts/project/views';
import { orderExportUrl, type OrderListParams, type OrderSort } from '../api/projects.ts';
import { Pager } from '../components/Pager.tsx';
import { formatDate } from '../lib/format.ts';
import { formatNumber, formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { projectLabels, type ProjectTextKey } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
// the 案件 stylesheet (filters toolbar) comes with the feature's public entry
import '../projects/index.ts';
import { orderQueries } from './queries.ts';
import { pageSizeFrom, rememberPageSize } from '../lib/pageSize.ts';
import { listLabels } from '../i18n/lists.ts';

const ORDER_LIST = 'orders';
import { RangeDash } from '../components/RangeDash.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';

const STATUS = { registered: 'registeredShort', confirmed: 'orderConfirmed', cancelled: 'orderCancelled' } as const;
const SORT_LABELS: Record<OrderSort, ProjectTextKey> = { '-orderDate': 'sortOrderDateDesc', orderDate: 'sortOrderDateAsc', projectNumber: 'sortNumberAsc', '-projectNumber': 'sortNumberDesc', '-orderAmount': 'sortAmountDesc', orderAmount: 'sortAmountAsc' };

/** Filters and page in the URL, so a link to a report shows the same rows to a colleague. */
function queryOf(search: URLSearchParams): OrderListParams {
  const query: OrderListParams = { page: Math.max(1, Number(search.get('page')) || 1), pageSize: pageSizeFrom(search, ORDER_LIST) };
  const sort = search.get('sort') ?? '';
  if ((OrderSortKeys as readonly string[]).includes(sort)) query.sort = sort as OrderSort;
  const status = search.get('status');
  if (status === 'registered' || status === 'confirmed' || status === 'cancelled') query.status = status;
  for (const key of ['q', 'orderDateFrom', 'orderDateTo'] as const) {
    const value = search.get(key)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

/** 受注一覧: the sales report of won orders, with CSV and Excel (monthly plan) downloads. */
export function OrderListPage() {
  const [search, setSearch] = useSearchParams();
  const query = queryOf(search);
  const list = useQuery(orderQueries.list(query));
  const text = useLabels(projectLabels);
  const ll = useLabels(listLabels);
  useDocumentTitle(text('orderListTitle'));
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    // a new filter starts at page 1; turning the page keeps the one asked for
    if (key !== 'page') next.delete('page');
    setSearch(next, { replace: true });
  };
  const setPageSize = (size: number) => {
    rememberPageSize(ORDER_LIST, size);
    set('pageSize', String(size));
  };
  const totals = list.data?.totals;
  return (
    <section className="page" data-testid="order-list">
      <div className="page-header">
        <h1>{text('orderListTitle')}</h1>
        <div className="actions">
          <DownloadLink href={orderExportUrl('csv', query)} className="button" testId="order-csv">
            CSV
          </DownloadLink>
          <DownloadLink href={orderExportUrl('xlsx', query)} className="button" testId="order-xlsx">
            Excel
          </DownloadLink>
        </div>
      </div>
      <div className="toolbar filters">
        <input type="search" className="search" placeholder={text('orderSearch')} aria-label={text('searchLabel')} data-testid="order-search" defaultValue={query.q ?? ''} onKeyDown={(e) => e.key === 'Enter' && set('q', e.currentTarget.value.trim())} />
        <select aria-label={text('orderState')} data-testid="order-filter-status" value={query.status ?? ''} onChange={(e) => set('status', e.target.value)}>
          <option value="">{text('anyOrderStatus')}</option>
          {Object.entries(STATUS).map(([value, label]) => (
            <option key={value} value={value}>
              {text(label)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          {text('orderDate')}
          <input type="date" aria-label={text('orderDateFrom')} data-testid="order-filter-from" value={query.orderDateFrom ?? ''} onChange={(e) => set('orderDateFrom', e.target.value)} />
          <RangeDash />
          <input type="date" aria-label={text('orderDateTo')} data-testid="order-filter-to" value={query.orderDateTo ?? ''} onChange={(e) => set('orderDateTo', e.target.value)} />
        </label>
        <select aria-label={text('sortLabel')} data-testid="order-sort" value={query.sort ?? '-orderDate'} onChange={(e) => set('sort', e.target.value)}>
          {OrderSortKeys.map((key) => (
            <option key={key} value={key}>
              {text(SORT_LABELS[key])}
            </option>
          ))}
        </select>
      </div>
      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />
      <div className={`table-wrap${list.isPlaceholderData ? ' stale' : ''}`}>
        <table className="table" data-testid="order-table">
          <thead>
            <tr>
              <th>{text('number')}</th>
              <th>{text('name')}</th>
              <th>{text('customer')}</th>
              <th>{text('orgUnit')}</th>
              <th>{text('orderDate')}</th>
              <th className="num">{text('orderAmount')}</th>
              <th>{text('ringiNumber')}</th>
              <th>{text('status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.length === 0 && (
              <tr>
                <td colSpan={8} className="empty" data-testid="order-empty">
                  {text('orderEmpty')}
                </td>
              </tr>
            )}
            {list.data?.items.map((o) => (
              <tr key={o.id} data-testid="order-row" data-project-id={o.projectId}>
                <td className="mono">{o.projectNumber}</td>
                <td>
                  <Link to={`/projects/${encodeURIComponent(o.projectId)}/order`}>{o.projectName}</Link>
                </td>
                <td>{o.customer.name}</td>
                <td>{o.supervisingOrgUnit.name}</td>
                <td className="date">{formatDate(o.orderDate)}</td>
                <td className="num">{formatYen(o.orderAmount)}</td>
                <td className="mono">{o.ringiNumber ?? '—'}</td>
                <td>{text(STATUS[o.status])}</td>
              </tr>
            ))}
          </tbody>
          {totals && totals.count > 0 && (
            <tfoot>
              <tr className="totals" data-testid="order-totals">
                <th colSpan={5} data-testid="order-totals-count">{ll('total', { count: formatNumber(totals.count) })}</th>
                <td className="num" data-testid="order-totals-amount">{formatYen(totals.orderAmount)}</td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => set('page', String(page))} onPageSize={setPageSize} />}
    </section>
  );
}
