import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getDashboard, getMonthlySales, getReceivables, listInvoices, listMonthlySales, getPlanActual, type InvoiceSearchParams } from '../api/sales.ts';

export const salesKeys = { all: ['sales'] as const };

export const useMonthlySalesList = (query: { status?: string; month?: string; page?: number }) =>
  useQuery({ queryKey: ['sales', 'months', query], queryFn: ({ signal }) => listMonthlySales(query, signal), placeholderData: keepPreviousData });
export const useMonthlySales = (projectId: string, month: string) =>
  useQuery({ queryKey: ['sales', 'month', projectId, month], queryFn: ({ signal }) => getMonthlySales(projectId, month, signal) });
export const useInvoices = (query: InvoiceSearchParams) =>
  useQuery({ queryKey: ['sales', 'invoices', query], queryFn: ({ signal }) => listInvoices(query, signal), placeholderData: keepPreviousData });
export const useReceivables = (asOf: string | undefined) => useQuery({ queryKey: ['sales', 'receivables', asOf], queryFn: ({ signal }) => getReceivables(asOf, signal) });
export const useDashboard = () => useQuery({ queryKey: ['sales', 'dashboard'], queryFn: ({ signal }) => getDashboard(signal) });
export const usePlanActual = (query: { from?: string; to?: string }) => useQuery({ queryKey: ['sales', 'plan-actual', query], queryFn: ({ signal }) => getPlanActual(query, signal) });

/** A sales command, then every sales query refetched (the position store makes them wait for it). */
export function useSalesCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: salesKeys.all }) });
}
