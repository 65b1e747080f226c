import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommandAccepted } from '@sss/contracts/common';
import { getDashboard, getMonthlySales, getPlanActual, getPlanActualProjects, getReceivables, getSalesBy, getInvoice, listInvoices, listMonthlySales, listSalesReports, type InvoiceSearchParams } from '../api/sales.ts';

/** One query-options factory per endpoint; a sales command refetches everything under `all`. */
export const salesQueries = {
  all: ['sales'] as const,
  months: (query: { status?: string; month?: string; page?: number }) =>
    queryOptions({ queryKey: ['sales', 'months', query] as const, queryFn: ({ signal }) => listMonthlySales(query, signal), placeholderData: keepPreviousData }),
  month: (projectId: string, month: string) => queryOptions({ queryKey: ['sales', 'month', projectId, month] as const, queryFn: ({ signal }) => getMonthlySales(projectId, month, signal) }),
  invoices: (query: InvoiceSearchParams) => queryOptions({ queryKey: ['sales', 'invoices', query] as const, queryFn: ({ signal }) => listInvoices(query, signal), placeholderData: keepPreviousData }),
  invoice: (invoiceNumber: string) => queryOptions({ queryKey: ['sales', 'invoice', invoiceNumber] as const, queryFn: ({ signal }) => getInvoice(invoiceNumber, signal) }),
  receivables: (asOf: string | undefined) => queryOptions({ queryKey: ['sales', 'receivables', asOf] as const, queryFn: ({ signal }) => getReceivables(asOf, signal) }),
  dashboard: () => queryOptions({ queryKey: ['sales', 'dashboard'] as const, queryFn: ({ signal }) => getDashboard(signal) }),
  planActual: (query: { from?: string; to?: string }) => queryOptions({ queryKey: ['sales', 'plan-actual', query] as const, queryFn: ({ signal }) => getPlanActual(query, signal) }),
  /** The projects behind one cell of 月次売上予実; disabled until a cell is opened. */
  planActualProjects: (cell: { month: string; orgUnitId: string } | null) =>
    queryOptions({ queryKey: ['sales', 'plan-actual-projects', cell] as const, queryFn: ({ signal }) => getPlanActualProjects(cell!, signal), enabled: !!cell }),
  /** The 売上連絡票 issued for one month (each re-prints as issued). */
  salesReports: (projectId: string, month: string) => queryOptions({ queryKey: ['sales', 'sales-reports', projectId, month] as const, queryFn: ({ signal }) => listSalesReports(projectId, month, signal) }),
  salesBy: (by: 'customer' | 'contract-type') => queryOptions({ queryKey: ['sales', `by-${by}`] as const, queryFn: ({ signal }) => getSalesBy(by, signal) }),
};

export const useMonthlySalesList = (query: { status?: string; month?: string; page?: number }) => useQuery(salesQueries.months(query));
export const useMonthlySales = (projectId: string, month: string) => useQuery(salesQueries.month(projectId, month));
export const useInvoices = (query: InvoiceSearchParams) => useQuery(salesQueries.invoices(query));
export const useReceivables = (asOf: string | undefined) => useQuery(salesQueries.receivables(asOf));
export const useDashboard = () => useQuery(salesQueries.dashboard());
export const usePlanActual = (query: { from?: string; to?: string }) => useQuery(salesQueries.planActual(query));

/** A sales command, then every sales query refetched (the position store makes them wait for it). */
export function useSalesCommand<V>(run: (variables: V) => Promise<CommandAccepted>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: salesQueries.all }) });
}
