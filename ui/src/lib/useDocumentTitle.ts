import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Tab titles and browser history entries name the screen, so several open tabs can be told apart. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useI18n();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} | ${app}` : app;
  }, [title, app]);
}
