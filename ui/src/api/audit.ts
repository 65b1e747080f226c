import type { IssuedDocument, IssuedDocumentQuery } from '@sss/contracts/audit/document-search';
import type { PageOf } from '@sss/contracts/common';
import type { AuditEventRow } from '@sss/contracts/audit/event-search';
import type { CompanyView } from '@sss/contracts/company/schemas';
import type { InvoiceView } from '@sss/contracts/sales/views';
import { queryString, request } from '../lib/http.ts';

/** The 監査 searches over HTTP (docs/audit.md): every event, an invoice's corrections, the customers to pick from. */
export interface EventSearchParams {
  from?: string;
  to?: string;
  actor?: string;
  category?: string;
  entityId?: string;
  type?: string;
  q?: string;
  page?: number;
}

export const searchEvents = (query: EventSearchParams, signal?: AbortSignal) => request<PageOf<AuditEventRow>>('GET', `/api/audit/events${queryString({ ...query, pageSize: 50 })}`, { signal });
/** A plain link: the browser sends the session cookie and saves the file. */
export const eventsCsvUrl = (query: EventSearchParams, asOf: string | null) => `/api/audit/events/export.csv${queryString({ ...query, page: undefined, asOf: asOf ?? undefined })}`;
export const getInvoiceCorrections = (invoiceNumber: string, signal?: AbortSignal) =>
  request<{ items: InvoiceView[] }>('GET', `/api/audit/invoices/${encodeURIComponent(invoiceNumber)}/corrections`, { signal });
/** Every customer, abolished ones too: an auditor looks for past 取引先. */
export const listCustomersForAudit = (signal?: AbortSignal) => request<PageOf<CompanyView>>('GET', '/api/companies?customer=true&sort=kana&pageSize=200', { signal });

/** 電帳法 search of 見積書 and 売上連絡票 (`GET /api/audit/documents`). */
export const searchIssuedDocuments = (query: IssuedDocumentQuery, signal?: AbortSignal) =>
  request<{ items: IssuedDocument[]; total: number }>('GET', `/api/audit/documents${queryString(query)}`, { signal });
