import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSuggestions, getSuspense, listDeposits, listPeriods } from '../api/finance.ts';

/** queryOptions of the 入金消込 screen; every finance and sales query is refetched after a command (receivables change too). */
export const financeQueries = {
  all: ['finance'] as const,
  deposits: (status: string | undefined) => queryOptions({ queryKey: ['finance', 'deposits', status] as const, queryFn: ({ signal }) => listDeposits(status, signal) }),
  suggestions: (depositId: string) => queryOptions({ queryKey: ['finance', 'suggestions', depositId] as const, queryFn: ({ signal }) => getSuggestions(depositId, signal) }),
  suspense: () => queryOptions({ queryKey: ['finance', 'suspense'] as const, queryFn: ({ signal }) => getSuspense(signal) }),
  periods: () => queryOptions({ queryKey: ['finance', 'periods'] as const, queryFn: ({ signal }) => listPeriods(signal) }),
};

export const useDeposits = (status: string | undefined) => useQuery(financeQueries.deposits(status));
export const useSuggestions = (depositId: string | null) => useQuery({ ...financeQueries.suggestions(depositId ?? ''), enabled: depositId !== null });
export const useSuspense = () => useQuery(financeQueries.suspense());
/** 月次締め: the months closed now (reports mark them); empty while loading. */
export const useClosedMonths = (): readonly string[] => useQuery(financeQueries.periods()).data?.closedMonths ?? [];
export const usePeriods = () => useQuery(financeQueries.periods());

export function useFinanceCommand<V, R>(run: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: financeQueries.all }), client.invalidateQueries({ queryKey: ['sales'] })]) });
}
