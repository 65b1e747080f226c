import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import type { PageOf } from '@sss/contracts/common';
import type { CompanyView } from '@sss/contracts/company/schemas';
import type { OrgTree } from '@sss/contracts/organization/schemas';
import type { ProjectStaffList } from '@sss/contracts/project/views';
import { getEstimate, getOrder, getProject, listProjects, type ProjectListParams } from '../api/projects.ts';
import { request } from '../lib/http.ts';

/** Query keys: one root for the whole context, since a project command can change its estimate and order views too. */
export const projectKeys = {
  all: ['projects'] as const,
  list: (query: ProjectListParams) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  estimate: (id: string) => ['projects', 'estimate', id] as const,
  order: (id: string) => ['projects', 'order', id] as const,
};

export function useProjectList(query: ProjectListParams) {
  return useQuery({ queryKey: projectKeys.list(query), queryFn: ({ signal }) => listProjects(query, signal), placeholderData: keepPreviousData });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => getProject(id, signal) });
}

export function useEstimate(id: string | null | undefined) {
  return useQuery({ queryKey: projectKeys.estimate(id ?? ''), queryFn: ({ signal }) => getEstimate(id!, signal), enabled: Boolean(id) });
}

export function useOrder(id: string | null | undefined) {
  return useQuery({ queryKey: projectKeys.order(id ?? ''), queryFn: ({ signal }) => getOrder(id!, signal), enabled: Boolean(id) });
}

/** Customers for the pickers: active 顧客会社 only, as the server refuses others. */
export function useCustomers() {
  return useQuery({
    queryKey: ['companies', 'customers-for-projects'],
    queryFn: ({ signal }) => request<PageOf<CompanyView>>('GET', '/api/companies?customer=true&active=true&sort=kana&pageSize=200', { signal }),
    staleTime: 60_000,
  });
}

/** People a 案件 may name as leader or 社員 row (GET /api/project-staff; /api/users is for admins only). */
export function useProjectStaff() {
  return useQuery({ queryKey: ['project-staff'], queryFn: ({ signal }) => request<ProjectStaffList>('GET', '/api/project-staff', { signal }), staleTime: 60_000 });
}

export function useOrgUnits() {
  return useQuery({ queryKey: ['org-units', 'for-projects'], queryFn: ({ signal }) => request<OrgTree>('GET', '/api/org-units', { signal }), staleTime: 60_000 });
}

/** Runs a command and refetches the context; the position store makes the refetch wait for the write. */
export function useProjectCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }) });
}
