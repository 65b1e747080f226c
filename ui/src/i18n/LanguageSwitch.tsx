import { useI18n } from './I18nProvider.tsx';

/** One button that names the other language, as people look for their own language's name. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'ja' ? 'en' : 'ja';
  return (
    <button type="button" className="button ghost small" data-testid="language-switch" lang={next} onClick={() => setLanguage(next)}>
      {t('lang.switch')}
    </button>
  );
}
