import { useState } from 'react';
import { Link } from 'react-router';
import type { HistoryEntry } from '@sss/contracts/common';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { historyLabels } from '../../i18n/history.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import { useSystemReason } from '../../i18n/statusReasons.ts';
import { VerificationBadge } from './VerificationBadge.tsx';

/** One event: who, when and what in words; expanded, its before → after, why, what caused it, and the record as stored. */
export function HistoryEntryRow({ entry }: { entry: HistoryEntry }) {
  const { language } = useI18n();
  const l = useLabels(historyLabels);
  const [open, setOpen] = useState(false);
  const systemReason = useSystemReason();
  const actor = language === 'ja' ? entry.actorName : entry.actorNameEn;
  return (
    <>
      <tr data-testid="history-row" data-event-type={entry.type} data-revision={entry.revision} className={entry.verification.state === 'broken' ? 'broken' : undefined}>
        <td className="date" data-testid="history-time">
          {formatDateTime(entry.occurredAt)}
        </td>
        <td data-testid="history-actor" title={entry.actor} data-user-data>
          {actor}
        </td>
        <td data-testid="history-event">{entry.typeLabel[language]}</td>
        <td data-testid="history-changes">
          <span data-testid="history-summary">{entry.summary[language]}</span>
          {entry.reason && (
            <div className="subtle small" data-testid="history-reason">
              {l('reason')}: {entry.reason && (systemReason(entry.reason) ?? <span data-user-data>{entry.reason}</span>)}
            </div>
          )}
          {entry.links.map((link) => (
            <div key={`${link.kind}-${link.id}`} className="small">
              {link.kind === 'ringi' ? (
                <Link to={`/ringi/${encodeURIComponent(link.id)}`} data-testid="history-ringi-link" data-user-data>
                  {link.label[language]}
                </Link>
              ) : (
                <span>{link.label[language]}</span>
              )}
            </div>
          ))}
        </td>
        <td>
          <VerificationBadge verification={entry.verification} />
        </td>
        <td>
          <button type="button" className="link" aria-expanded={open} data-testid="history-expand" onClick={() => setOpen(!open)}>
            {l('show')}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="history-expanded" data-testid="history-expanded">
          <td colSpan={6}>
            {entry.changes.length === 0 ? (
              <p className="subtle">{l('noChanges')}</p>
            ) : (
              <table className="table compact" data-testid="history-diff">
                <thead>
                  <tr>
                    <th>{l('field')}</th>
                    <th>{l('before')}</th>
                    <th>{l('after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.changes.map((change) => (
                    <tr key={change.field} data-testid="history-diff-row" data-field={change.field}>
                      <td>{change.label[language]}</td>
                      <td className="before">{(language === 'ja' ? change.before : change.beforeEn) ?? '—'}</td>
                      <td className="after">{(language === 'ja' ? change.after : change.afterEn) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="mono small">
              {l('correlation')}: {entry.correlationId}
              {entry.causationId && (
                <>
                  {' · '}
                  {l('causation')}: {entry.causationId}
                </>
              )}
            </div>
            <div className="mono small" title={entry.verification.detail[language]}>
              rev {entry.revision} · pos {entry.position} · {l('hash')}: {entry.hash}
            </div>
            <details className="event-details" data-testid="history-details">
              <summary>{l('raw')}</summary>
              <pre className="mono small">{JSON.stringify(entry.data, null, 2)}</pre>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
