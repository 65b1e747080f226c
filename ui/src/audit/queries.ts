import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerPublicKeyView, LedgerVerificationStatusView } from '@sss/contracts/audit/ledger';
import { request } from '../lib/http.ts';

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
