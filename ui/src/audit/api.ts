import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerPublicKeyView, LedgerVerificationStatusView } from '@sss/contracts/audit/ledger';
import { request } from '../api/http.ts';

/** The 監査 ledger API (docs/tamper-evidence.md): public key, checkpoint export, whole-store verification. */
export const CHECKPOINT_EXPORT_URL = '/api/audit/ledger/checkpoints?format=jsonl';
const keys = { publicKey: ['audit', 'ledger', 'public-key'] as const, verification: ['audit', 'verifications', 'latest'] as const };

export const useLedgerPublicKey = () =>
  useQuery({ queryKey: keys.publicKey, queryFn: ({ signal }) => request<LedgerPublicKeyView>('GET', '/api/audit/ledger/public-key', { signal }) });

/** Polled every second while a verification runs, so the progress moves. */
export const useLatestVerification = () =>
  useQuery({
    queryKey: keys.verification,
    queryFn: ({ signal }) => request<LedgerVerificationStatusView>('GET', '/api/audit/verifications/latest', { signal }),
    refetchInterval: (q) => (q.state.data?.running ? 1000 : false),
  });

export function useStartVerification() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => request<LedgerVerificationStatusView & { started: boolean }>('POST', '/api/audit/verifications', { body: {} }),
    onSuccess: (status) => client.setQueryData(keys.verification, { running: status.running, latest: status.latest }),
  });
}
