import { useI18n } from '../i18n/I18nProvider.tsx';

/** The hash chain's verdict: each event's hash covers the previous one, so any edit breaks it. */
export function CompanyChainVerdict({ valid, brokenAt }: { valid: boolean; brokenAt?: string | undefined }) {
  const { t } = useI18n();
  return valid ? (
    <span className="badge ok verdict" data-testid="chain-verdict" data-valid="true">
      ✓ {t('history.chainOk')}
    </span>
  ) : (
    <span className="badge danger verdict" data-testid="chain-verdict" data-valid="false" title={brokenAt ? t('history.brokenAt', { revision: brokenAt }) : undefined}>
      ⚠ {t('history.chainBroken')}
      {brokenAt && <> — {t('history.brokenAt', { revision: brokenAt })}</>}
    </span>
  );
}
