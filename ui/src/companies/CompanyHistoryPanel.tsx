import { CompanyChainVerdict } from './CompanyChainVerdict.tsx';
import { EventDetails } from './EventDetails.tsx';
import { historySummary } from './historySummary.ts';
import { useCompanyHistory } from './queries.ts';
import { isApiError } from '../lib/problem.ts';
import { formatDateTime } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { companyEventLabels } from '../i18n/companies.ts';
import { useLabels } from '../i18n/useLabels.ts';

/** Who did what when, newest first, with the verdict of the stream's hash chain. */
export function CompanyHistoryPanel({ companyId, enabled }: { companyId: string; enabled: boolean }) {
  const { t, language } = useI18n();
  const eventLabel = useLabels(companyEventLabels);
  const history = useCompanyHistory(companyId, enabled);

  return (
    <section className="panel" data-testid="history-panel">
      <div className="panel-header">
        <h2>{t('history.title')}</h2>
        {history.data && <CompanyChainVerdict valid={history.data.chainValid} brokenAt={history.data.brokenAt} />}
      </div>
      {!enabled && <p className="subtle">{t('history.forbidden')}</p>}
      {enabled && history.isPending && <p className="subtle">{t('common.loading')}</p>}
      {history.isError && (isApiError(history.error, 'forbidden') ? <p className="subtle">{t('history.forbidden')}</p> : <ProblemMessage error={history.error} onRetry={() => void history.refetch()} />)}
      {history.data && history.data.events.length === 0 && <p className="subtle">{t('history.empty')}</p>}
      {history.data && history.data.events.length > 0 && (
        <table className="table compact" data-testid="history-table">
          <thead>
            <tr>
              <th>{t('history.time')}</th>
              <th>{t('history.actor')}</th>
              <th>{t('history.event')}</th>
              <th>{t('history.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {[...history.data.events].reverse().map((event) => {
              const broken = history.data.brokenAt !== undefined && Number(event.revision) >= Number(history.data.brokenAt);
              return (
                <tr key={event.revision} data-testid="history-row" data-event-type={event.type} data-revision={event.revision} className={broken ? 'broken' : undefined} title={`rev ${event.revision} · ${event.hash}`}>
                  <td className="date" data-testid="history-time">
                    {formatDateTime(event.occurredAt)}
                  </td>
                  <td data-testid="history-actor">{event.actorName || event.actor}</td>
                  <td data-testid="history-event">{eventLabel(event.type)}</td>
                  <td data-testid="history-changes">
                    {historySummary(event.type, event.data, t, language)}
                    <EventDetails hash={event.hash} data={event.data} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
