import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../lib/http.ts';
import { resetPosition } from '../lib/position.ts';
import { authQueries } from '../auth/queries.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { accountLabels } from '../i18n/account.ts';
import { useLabels } from '../i18n/useLabels.ts';

/**
 * すべての端末からログアウト: ends every session of the signed-in person, this one included
 * (docs/architecture.md §Sessions), after a confirmation, then goes to the login page.
 */
export function SignOutEverywhere() {
  const { t } = useI18n();
  const l = useLabels(accountLabels);
  const client = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: () => request<void>('POST', '/api/auth/sessions/end-all'),
    onSuccess: () => {
      resetPosition();
      // forget everything this person could see, as a logout does
      client.clear();
      client.setQueryData(authQueries.session().queryKey, null);
      void navigate('/login', { replace: true });
    },
  });
  return (
    <section data-testid="sessions-section" style={{ maxWidth: '28rem', marginTop: '2rem' }}>
      <h2>{l('sessionsTitle')}</h2>
      <p>{l('sessionsHint')}</p>
      <button type="button" className="button danger" data-testid="end-all-sessions" onClick={() => setConfirming(true)}>{l('endAll')}</button>
      {confirming && (
        <Dialog title={l('endAll')} testId="end-all-dialog" onClose={() => setConfirming(false)}>
          <p>{l('endAllConfirm')}</p>
          <ProblemMessage error={mutation.error} shownFields={[]} testId="end-all-error" />
          <div className="form-actions">
            <button type="button" className="button" data-testid="dialog-cancel" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
            <button type="button" className="button danger" data-testid="end-all-confirm" disabled={mutation.isPending} onClick={() => mutation.mutate()}>{l('endAllRun')}</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
