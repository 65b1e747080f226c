import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getPartner, listPartnerCompanies, listPartners, type PartnerListParams } from '../api/partners.ts';

export const partnerKeys = {
  all: ['partners'] as const,
  list: (query: PartnerListParams) => ['partners', 'list', query] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
  companies: ['partners', 'companies'] as const,
};

export function usePartnerList(query: PartnerListParams, enabled = true) {
  return useQuery({ queryKey: partnerKeys.list(query), queryFn: ({ signal }) => listPartners(query, signal), placeholderData: keepPreviousData, enabled });
}

export function usePartner(id: string, enabled = true) {
  return useQuery({ queryKey: partnerKeys.detail(id), queryFn: ({ signal }) => getPartner(id, signal), enabled });
}

export function usePartnerCompanies() {
  return useQuery({ queryKey: partnerKeys.companies, queryFn: ({ signal }) => listPartnerCompanies(signal) });
}

/** A partner command changes partner lists and, a moment later over the bus, company partner counts. */
export function usePartnerCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: partnerKeys.all });
      await client.invalidateQueries({ queryKey: ['companies'] });
    },
  });
}
