import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getCompany, listCompanies, type CompanyListParams } from '../api/companies.ts';

/** One query-options factory per endpoint; `all` is the root a command invalidates. */
export const companyQueries = {
  all: ['companies'] as const,
  list: (query: CompanyListParams) =>
    queryOptions({
      queryKey: ['companies', 'list', query] as const,
      queryFn: ({ signal }) => listCompanies(query, signal),
      // paging and typing in the search box should not blank the table between pages
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: ['companies', 'detail', id] as const, queryFn: ({ signal }) => getCompany(id, signal) }),
};

export const useCompanyList = (query: CompanyListParams) => useQuery(companyQueries.list(query));

export const useCompany = (id: string) => useQuery(companyQueries.detail(id));

/**
 * Runs a company command and, on success, refetches every company query. The position the
 * command returned is already in the position store (lib/http.ts), so the refetch waits for it.
 */
export function useCompanyCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: companyQueries.all }),
  });
}
