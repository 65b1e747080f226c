import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="page" data-testid="not-found">
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('nav.home')}</Link>
    </section>
  );
}
