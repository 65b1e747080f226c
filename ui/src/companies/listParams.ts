import { CompanySortKeys } from '@sss/contracts/company/schemas';
import type { CompanyListParams, CompanySort } from '../api/companies.ts';
import { pageSizeFrom, putPageSize } from '../lib/pageSize.ts';

/**
 * The list's search, filters, sort and page live in the URL, so a link or the back button brings
 * a person to exactly the list they were looking at.
 */
export type { CompanyListParams, CompanySort };
export const COMPANY_LIST = 'companies';

export function queryFromSearch(search: URLSearchParams): CompanyListParams {
  const flag = (name: string) => (search.get(name) === 'true' ? true : undefined);
  const sort = search.get('sort');
  const page = Number(search.get('page'));
  const query: CompanyListParams = { sort: (CompanySortKeys as readonly string[]).includes(sort ?? '') ? (sort as CompanySort) : 'kana', page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: pageSizeFrom(search, COMPANY_LIST) };
  const q = search.get('q')?.trim();
  if (q) query.q = q;
  if (flag('customer')) query.customer = true;
  if (flag('partner')) query.partner = true;
  if (flag('active')) query.active = true;
  return query;
}

export function searchFromQuery(query: CompanyListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.customer) search.set('customer', 'true');
  if (query.partner) search.set('partner', 'true');
  if (query.active) search.set('active', 'true');
  if (query.sort && query.sort !== 'kana') search.set('sort', query.sort);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  putPageSize(search, query.pageSize);
  return search;
}

/** Clicking a sorted column flips its direction; clicking another starts ascending. */
export function nextSort(current: CompanySort | undefined, column: string): CompanySort {
  return (current === column ? `-${column}` : column) as CompanySort;
}
