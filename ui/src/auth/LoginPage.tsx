import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import './oidc.css';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { sessionExpired, useLogin, useSession } from './session.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { authQueries } from './queries.ts';

/** Only same-site paths are followed after login, so `?next=` cannot send people elsewhere. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [expired] = useState(sessionExpired);
  const next = safeNext(params.get('next'));
  const signInProviders = useQuery(authQueries.providers());
  const oidc = signInProviders.data?.oidc;
  useDocumentTitle(t('auth.title'));

  if (session.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    loginMutation.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <div className="login-screen">
      <form className="login-card" onSubmit={submit} noValidate data-testid="login-form">
        <div className="login-header">
          <h1>{t('app.name')}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t('auth.title')}</h2>
        <TextField label={t('auth.email')} name="email" testId="login-email" type="email" inputMode="email" autoComplete="username" autoFocus value={email} onChange={setEmail} />
        <TextField label={t('auth.password')} name="password" testId="login-password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        {expired && !loginMutation.error && (
          <div className="alert warning" role="status" data-testid="session-expired">
            {t('auth.sessionExpired')}
          </div>
        )}
        {missing && (
          <div className="alert error" role="alert" data-testid="login-error">
            {t('auth.required')}
          </div>
        )}
        <ProblemMessage error={loginMutation.error} testId="login-error" />
        <button type="submit" className="button primary wide" data-testid="login-submit" disabled={loginMutation.isPending}>
          {loginMutation.isPending ? t('auth.submitting') : t('auth.submit')}
        </button>
        {oidc && (
          <>
            <div className="login-divider">{t('auth.or')}</div>
            {/* a full-page navigation: the provider's sign-in page, then back through the server's callback */}
            <a className="button wide" data-testid="login-oidc" href={`${oidc.startUrl}?next=${encodeURIComponent(next)}`}>
              {t('auth.oidc', { name: oidc.name })}
            </a>
          </>
        )}
      </form>
    </div>
  );
}
