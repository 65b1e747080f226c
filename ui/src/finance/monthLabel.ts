import { formatMonthJapanese, formatMonthSlashed } from '@sss/contracts/domain/months';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A month as the reader writes it: 2026年4月, or 2026/04 in English. */
export function useMonthLabel(): (month: string) => string {
  const { language } = useI18n();
  return language === 'ja' ? formatMonthJapanese : formatMonthSlashed;
}
