import { PROJECT_STATUSES, type ProjectStatus } from '@sss/contracts/project/status';
import { ProjectSortKeys } from '@sss/contracts/project/views';
import type { ProjectListParams, ProjectSort } from '../api/projects.ts';
import { pageSizeFrom, putPageSize } from '../lib/pageSize.ts';

/** 案件一覧's filters, sort and page live in the URL, so a link or the back button restores the list. */
export const PROJECT_LIST = 'projects';
const DEFAULT_SORT: ProjectSort = '-projectNumber';
const TEXT_FILTERS = ['q', 'customerCompanyId', 'supervisingOrgUnitId', 'leaderEmployeeId'] as const;
const DATE_FILTERS = ['periodFrom', 'periodTo'] as const;

export function queryFromSearch(search: URLSearchParams): ProjectListParams {
  const sort = search.get('sort') ?? '';
  const page = Number(search.get('page'));
  const query: ProjectListParams = {
    sort: (ProjectSortKeys as readonly string[]).includes(sort) ? (sort as ProjectSort) : DEFAULT_SORT,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizeFrom(search, PROJECT_LIST),
  };
  for (const name of TEXT_FILTERS) {
    const value = search.get(name)?.trim();
    if (value) query[name] = value;
  }
  const status = search.get('status') ?? '';
  if ((PROJECT_STATUSES as readonly string[]).includes(status)) query.status = status as ProjectStatus;
  for (const name of DATE_FILTERS) {
    const value = search.get(name) ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) query[name] = value;
  }
  return query;
}

export function searchFromQuery(query: ProjectListParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of TEXT_FILTERS) if (query[name]) search.set(name, query[name]);
  if (query.status) search.set('status', query.status);
  for (const name of DATE_FILTERS) if (query[name]) search.set(name, query[name]);
  if (query.sort && query.sort !== DEFAULT_SORT) search.set('sort', query.sort);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  putPageSize(search, query.pageSize);
  return search;
}

export function nextSort(current: ProjectSort | undefined, column: string): ProjectSort {
  return (current === column ? `-${column}` : column) as ProjectSort;
}
