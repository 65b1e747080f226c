import { useMutation, useQueryClient } from '@tanstack/react-query';
import { retryRingi } from '../api/ringi.ts';
import { may, useSession } from '../auth/index.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { ringiLabels } from '../i18n/ringi.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { ringiQueries } from './queries.ts';
import { requires } from '../auth/index.ts';

/** Shown on a 滞留 稟議 to those allowed to resume it, once the cause (an account, a project) is fixed. */
export function RetryButton({ ringiId }: { ringiId: string }) {
  const l = useLabels(ringiLabels);
  const { data: user } = useSession();
  const client = useQueryClient();
  const { keyFor, done } = useIdempotencyKey();
  const retry = useMutation({
    mutationFn: () => retryRingi(ringiId, { idempotencyKey: keyFor({ ringiId }) }),
    onSuccess: () => {
      done();
      void client.invalidateQueries({ queryKey: ringiQueries.all });
    },
  });
  if (!may(user, 'POST', '/api/ringis/:id/retry')) return null;
  return (
    <>
      <button type="button" className="button" data-testid="ringi-retry" {...requires('POST', '/api/ringis/:id/retry')} disabled={retry.isPending} onClick={() => retry.mutate()}>
        {l('retry')}
      </button>
      <ProblemMessage error={retry.error} />
    </>
  );
}
