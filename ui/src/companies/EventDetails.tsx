import { useI18n } from '../i18n/I18nProvider.tsx';

/** For auditors: the recorded facts exactly as stored, and the hash that chains them. */
export function EventDetails({ hash, data }: { hash: string; data: unknown }) {
  const { t } = useI18n();
  return (
    <details className="event-details" data-testid="history-details">
      <summary>{t('history.details')}</summary>
      <div className="mono small">
        {t('history.hash')}: {hash}
      </div>
      <pre className="mono small">{JSON.stringify(data, null, 2)}</pre>
    </details>
  );
}
