import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getCompany, getCompanyHistory, listCompanies, type CompanyListParams } from '../api/companies.ts';

/** Query keys in one place so a command can invalidate exactly what it changed. */
export const companyKeys = {
  all: ['companies'] as const,
  list: (query: CompanyListParams) => ['companies', 'list', query] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  history: (id: string) => ['companies', 'history', id] as const,
};

export function useCompanyList(query: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(query),
    queryFn: ({ signal }) => listCompanies(query, signal),
    // paging and typing in the search box should not blank the table between pages
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.detail(id), queryFn: ({ signal }) => getCompany(id, signal) });
}

export function useCompanyHistory(id: string, enabled = true) {
  return useQuery({ queryKey: companyKeys.history(id), queryFn: ({ signal }) => getCompanyHistory(id, signal), enabled });
}

/**
 * Runs a company command and, on success, refetches every company query. The position the
 * command returned is already in the position store (api/http.ts), so the refetch waits for it.
 */
export function useCompanyCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: companyKeys.all }),
  });
}
