import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerPublicKeyView, LedgerVerificationStatusView } from '@sss/contracts/audit/ledger';
import { request } from '../lib/http.ts';
import { listInvoices, type InvoiceSearchParams } from '../api/sales.ts';
import { listUsers } from '../api/users.ts';
import { getInvoiceCorrections, listCustomersForAudit, searchEvents, searchIssuedDocuments, type EventSearchParams } from '../api/audit.ts';
import type { IssuedDocumentQuery } from '@sss/contracts/audit/document-search';

/** The 監査 ledger API (docs/tamper-evidence.md): public key, checkpoint export, whole-store verification. */
export const CHECKPOINT_EXPORT_URL = '/api/audit/ledger/checkpoints?format=jsonl';
/** One query-options factory per endpoint. */
export const auditQueries = {
  all: ['audit'] as const,
  publicKey: () => queryOptions({ queryKey: ['audit', 'ledger', 'public-key'] as const, queryFn: ({ signal }) => request<LedgerPublicKeyView>('GET', '/api/audit/ledger/public-key', { signal }) }),
  /** Polled every second while a verification runs, so the progress moves. */
  latestVerification: () =>
    queryOptions({
      queryKey: ['audit', 'verifications', 'latest'] as const,
      queryFn: ({ signal }) => request<LedgerVerificationStatusView>('GET', '/api/audit/verifications/latest', { signal }),
      refetchInterval: (q) => (q.state.data?.running ? 1000 : false),
    }),
  events: (query: EventSearchParams) => queryOptions({ queryKey: ['audit', 'events', query] as const, queryFn: ({ signal }) => searchEvents(query, signal), placeholderData: keepPreviousData }),
  invoices: (query: InvoiceSearchParams & { customerId?: string }) => queryOptions({ queryKey: ['audit', 'invoices', query] as const, queryFn: ({ signal }) => listInvoices(query, signal), placeholderData: keepPreviousData }),
  /** Not asked until a search is submitted (null): an open search of every document is not a useful first screen. */
  documents: (query: IssuedDocumentQuery | null) => queryOptions({ queryKey: ['audit', 'documents', query] as const, queryFn: ({ signal }) => searchIssuedDocuments(query ?? {}, signal), enabled: query !== null }),
  corrections: (invoiceNumber: string) => queryOptions({ queryKey: ['audit', 'invoice-corrections', invoiceNumber] as const, queryFn: ({ signal }) => getInvoiceCorrections(invoiceNumber, signal) }),
  /** The people an actor filter offers (system actors are typed as `system:<name>`). */
  actors: () => queryOptions({ queryKey: ['audit', 'actors'] as const, queryFn: ({ signal }) => listUsers({}, signal), staleTime: 60_000 }),
  customers: () => queryOptions({ queryKey: ['audit', 'customers'] as const, queryFn: ({ signal }) => listCustomersForAudit(signal), staleTime: 60_000 }),
};

export const useLedgerPublicKey = () => useQuery(auditQueries.publicKey());
export const useLatestVerification = () => useQuery(auditQueries.latestVerification());

export function useStartVerification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<LedgerVerificationStatusView & { started: boolean }>('POST', '/api/audit/verifications', { body: {} }),
    onSuccess: (status) => client.setQueryData(auditQueries.latestVerification().queryKey, { running: status.running, latest: status.latest }),
  });
}
