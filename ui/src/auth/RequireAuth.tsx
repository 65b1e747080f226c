import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';

/** Sends anyone not signed in to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.isPending) return <div className="page-loading">{t('common.loading')}</div>;
  if (session.isError) return <ProblemMessage error={session.error} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return children;
}
