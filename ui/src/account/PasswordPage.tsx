import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { command } from '../lib/http.ts';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { isApiError } from '../lib/problem.ts';
import { Field } from '../components/Field.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { SignOutEverywhere } from './SignOutEverywhere.tsx';
import { requires } from '../auth/index.ts';

/** The signed-in person's account: パスワード変更 (other sessions end; this browser gets a fresh one) and sign out everywhere. */
export function PasswordPage() {
  const { t } = useI18n();
  const l = useLabels(userLabels);
  const title = l('passwordTitle');
  useDocumentTitle(title);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const mutation = useMutation({ mutationFn: () => command('POST', '/api/auth/password', { currentPassword, newPassword }, { idempotencyKey: newIdempotencyKey() }) });
  const errors = Object.fromEntries((isApiError(mutation.error) ? mutation.error.fieldErrors : []).map((e) => [e.field, e.message]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(undefined, { onSuccess: () => { setCurrent(''); setNew(''); } });
  };
  const input = (name: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <Field label={label} name={name} error={errors[name]} required hint={hint}>
      {({ id, describedBy, invalid }) => <input id={id} type="password" data-testid={`input-${name}`} value={value} autoComplete={name === 'currentPassword' ? 'current-password' : 'new-password'} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set(e.target.value)} />}
    </Field>
  );
  return (
    <section className="page" data-testid="password-page">
      <h1>{title}</h1>
      <form className="form" onSubmit={submit} noValidate style={{ maxWidth: '28rem' }} {...requires('POST', '/api/auth/password')}>
        {input('currentPassword', l('currentPassword'), currentPassword, setCurrent)}
        {input('newPassword', l('newPassword'), newPassword, setNew, l('passwordRules'))}
        <ProblemMessage error={mutation.error} shownFields={['currentPassword', 'newPassword']} testId="password-error" />
        {mutation.isSuccess && <div className="alert info" role="status" data-testid="password-changed">{l('passwordChanged')}</div>}
        <div className="form-actions">
          <button type="submit" className="button primary" data-testid="password-submit" disabled={mutation.isPending}>{mutation.isPending ? t('common.saving') : t('common.save')}</button>
        </div>
      </form>
      <SignOutEverywhere />
    </section>
  );
}
