import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

/** Screens of the whole system exist in the navigation from day one; unbuilt ones say so plainly. */
export function ComingSoonPage({ title }: { title: MessageKey }) {
  const { t } = useI18n();
  useDocumentTitle(t(title));
  return (
    <section className="page" data-testid="coming-soon">
      <h1>{t(title)}</h1>
      <div className="placeholder">
        <div className="placeholder-badge">{t('placeholder.title')}</div>
        <p>{t('placeholder.body')}</p>
      </div>
    </section>
  );
}
