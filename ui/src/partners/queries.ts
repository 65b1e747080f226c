import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getPartner, listPartnerCompanies, listPartners, type PartnerListParams } from '../api/partners.ts';
import { companyQueries } from '../companies/queries.ts';

export const partnerQueries = {
  all: ['partners'] as const,
  list: (query: PartnerListParams) => queryOptions({ queryKey: ['partners', 'list', query] as const, queryFn: ({ signal }) => listPartners(query, signal), placeholderData: keepPreviousData }),
  detail: (id: string) => queryOptions({ queryKey: ['partners', 'detail', id] as const, queryFn: ({ signal }) => getPartner(id, signal) }),
  companies: () => queryOptions({ queryKey: ['partners', 'companies'] as const, queryFn: ({ signal }) => listPartnerCompanies(signal) }),
};

export const usePartnerList = (query: PartnerListParams, enabled = true) => useQuery({ ...partnerQueries.list(query), enabled });

export const usePartner = (id: string, enabled = true) => useQuery({ ...partnerQueries.detail(id), enabled });

export const usePartnerCompanies = () => useQuery(partnerQueries.companies());

/** A partner command changes partner lists and, a moment later over the bus, company partner counts. */
export function usePartnerCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: partnerQueries.all });
      await client.invalidateQueries({ queryKey: companyQueries.all });
    },
  });
}
