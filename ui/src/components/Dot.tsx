import { useI18n } from '../i18n/I18nProvider.tsx';

/** Between two facts on one line: ・ in Japanese, a spaced middle dot in English. */
export function Dot() {
  const { t } = useI18n();
  return <>{t('common.dot')}</>;
}
