import type { PageOf } from '@sss/contracts/common';
import type { CorrectInvoice, RecordPayment, RecordSalesActual, RequestCorrectionCheck } from '@sss/contracts/sales/schemas';
import type { Dashboard, InvoicePage, InvoiceView, IssuedSalesReports, MonthlySalesView, PlanActualRow, Receivables, SalesByRow } from '@sss/contracts/sales/views';
import { command, queryString, request, type CommandOptions } from '../lib/http.ts';

/** The sales context over HTTP: 月次売上, 請求書, 入金 and the finance reports. */

const month = (projectId: string, m: string) => `/api/monthly-sales/${encodeURIComponent(projectId)}/${encodeURIComponent(m)}`;

export interface InvoiceSearchParams {
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
  counterparty?: string;
  /** 取引先 picked from the company list (電子帳簿保存法 search). */
  customerId?: string;
  includeReplaced?: boolean;
  page?: number;
  pageSize?: number;
}

export const listMonthlySales = (query: { status?: string; month?: string; page?: number }, signal?: AbortSignal) =>
  request<PageOf<MonthlySalesView>>('GET', `/api/monthly-sales${queryString({ ...query })}`, { signal });
export const getMonthlySales = (projectId: string, m: string, signal?: AbortSignal) => request<MonthlySalesView>('GET', month(projectId, m), { signal });
export const listInvoices = (query: InvoiceSearchParams, signal?: AbortSignal) => request<InvoicePage>('GET', `/api/invoices${queryString({ ...query })}`, { signal });
export const getInvoice = (invoiceNumber: string, signal?: AbortSignal) => request<InvoiceView>('GET', `/api/invoices/${encodeURIComponent(invoiceNumber)}`, { signal });
export const getReceivables = (asOf: string | undefined, signal?: AbortSignal) => request<Receivables>('GET', `/api/receivables${queryString({ asOf })}`, { signal });
export const getDashboard = (signal?: AbortSignal) => request<Dashboard>('GET', '/api/dashboard', { signal });
export const getPlanActual = (query: { from?: string; to?: string }, signal?: AbortSignal) =>
  request<{ rows: PlanActualRow[]; totals: { plan: number; actual: number } }>('GET', `/api/reports/sales-plan-actual${queryString({ ...query })}`, { signal });
export const getPlanActualProjects = (query: { month: string; orgUnitId: string }, signal?: AbortSignal) =>
  // orgUnitId may be '' (a project without 主管部) and must still be sent, so queryString (which drops blanks) is not used.
  request<{ items: MonthlySalesView[] }>('GET', `/api/reports/sales-plan-actual/projects?${new URLSearchParams(query).toString()}`, { signal });
export const getSalesBy = (by: 'customer' | 'contract-type', signal?: AbortSignal) => request<{ rows: SalesByRow[] }>('GET', `/api/reports/sales-by-${by}`, { signal });

export const recordSalesActual = (projectId: string, m: string, body: RecordSalesActual, options: CommandOptions) => command('PUT', `${month(projectId, m)}/actual`, body, options);
export const requestSalesCheck = (projectId: string, m: string, options: CommandOptions) => command('POST', `${month(projectId, m)}/sales-check`, undefined, options);
export const issueInvoice = (projectId: string, m: string, options: CommandOptions) => command('POST', `${month(projectId, m)}/invoice`, {}, options);
export const correctInvoice = (projectId: string, m: string, body: CorrectInvoice, options: CommandOptions) => command('POST', `${month(projectId, m)}/invoice/correction`, body, options);
export const requestCorrectionCheck = (projectId: string, m: string, body: RequestCorrectionCheck, options: CommandOptions) => command('POST', `${month(projectId, m)}/invoice/correction/sales-check`, body, options);
export const recordPayment = (projectId: string, m: string, body: RecordPayment, options: CommandOptions) => command('POST', `${month(projectId, m)}/payments`, body, options);

/** Downloads are plain links: the browser sends the session cookie and saves the file. */
export const invoicePdfUrl = (invoiceNumber: string) => `/api/invoices/${encodeURIComponent(invoiceNumber)}/pdf`;
export const documentUrl = (projectId: string, m: string, kind: string) => `${month(projectId, m)}/documents/${kind}`;
export const issueSalesReport = (projectId: string, m: string, options: CommandOptions) => command('POST', `${month(projectId, m)}/sales-report`, undefined, options);
export const listSalesReports = (projectId: string, m: string, signal?: AbortSignal) => request<IssuedSalesReports>('GET', `${month(projectId, m)}/sales-reports`, { signal });
/** An issued 売上連絡票 as it was printed (its content frozen at issue). */
export const salesReportUrl = (projectId: string, m: string, issueNo: number, format: 'pdf' | 'xlsx') => `${month(projectId, m)}/sales-reports/${issueNo}/${format}`;
export const exportUrl = (list: string, format: 'csv' | 'xlsx', query: Record<string, string | number | boolean | undefined> = {}) => `/api/exports/${list}${queryString({ format, ...query })}`;
