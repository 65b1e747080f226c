import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import type { PageOf } from '@sss/contracts/common';
import type { CompanyView } from '@sss/contracts/company/schemas';
import type { OrgTree } from '@sss/contracts/organization/schemas';
import { getEstimate, getOrder, getProject, listProjects, type ProjectListParams } from '../api/projects.ts';
import { request } from '../lib/http.ts';
import { queryFromSearch } from './listParams.ts';

/**
 * One query-options factory per endpoint. One root for the whole context (`all`), since a project
 * command can change its estimate and order views too (the 見積一覧 and 受注一覧 sit under it as well).
 */
export const projectQueries = {
  all: ['projects'] as const,
  list: (query: ProjectListParams) => queryOptions({ queryKey: ['projects', 'list', query] as const, queryFn: ({ signal }) => listProjects(query, signal), placeholderData: keepPreviousData }),
  detail: (id: string) => queryOptions({ queryKey: ['projects', 'detail', id] as const, queryFn: ({ signal }) => getProject(id, signal) }),
  estimate: (id: string | null | undefined) => queryOptions({ queryKey: ['projects', 'estimate', id ?? ''] as const, queryFn: ({ signal }) => getEstimate(id!, signal), enabled: Boolean(id) }),
  order: (id: string | null | undefined) => queryOptions({ queryKey: ['projects', 'order', id ?? ''] as const, queryFn: ({ signal }) => getOrder(id!, signal), enabled: Boolean(id) }),
  /** Customers for the pickers: active 顧客会社 only, as the server refuses others. */
  customers: () =>
    queryOptions({
      queryKey: ['companies', 'customers-for-projects'] as const,
      queryFn: ({ signal }) => request<PageOf<CompanyView>>('GET', '/api/companies?customer=true&active=true&sort=kana&pageSize=200', { signal }),
      staleTime: 60_000,
    }),
  orgUnits: () => queryOptions({ queryKey: ['org-units', 'for-projects'] as const, queryFn: ({ signal }) => request<OrgTree>('GET', '/api/org-units', { signal }), staleTime: 60_000 }),
};

/**
 * 案件一覧's route loader: the page the URL names is asked for while the screen's code is still loading
 * (a static loader runs beside the route's `lazy`), instead of after it has loaded and rendered once —
 * a 10,000-project list's first page waited for both in turn (#13 item 9). Nothing is awaited, so no
 * navigation ever waits for the list; the screen's own query picks up the answer from the cache.
 */
export function prefetchProjectList(client: QueryClient, url: string): null {
  void client.prefetchQuery(projectQueries.list(queryFromSearch(new URL(url).searchParams)));
  return null;
}

export const useProjectList = (query: ProjectListParams) => useQuery(projectQueries.list(query));
export const useProject = (id: string) => useQuery(projectQueries.detail(id));
export const useEstimate = (id: string | null | undefined) => useQuery(projectQueries.estimate(id));
export const useOrder = (id: string | null | undefined) => useQuery(projectQueries.order(id));
export const useCustomers = () => useQuery(projectQueries.customers());
export const useOrgUnits = () => useQuery(projectQueries.orgUnits());

/** Runs a command and refetches the context; the position store makes the refetch wait for the write. */
export function useProjectCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: projectQueries.all }) });
}
