import { useI18n } from '../i18n/I18nProvider.tsx';

/** Between the two ends of a range: 〜 in Japanese, an en dash in English. */
export function RangeDash() {
  const { t } = useI18n();
  return <>{t('common.range')}</>;
}
