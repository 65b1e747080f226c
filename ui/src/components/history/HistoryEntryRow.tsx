import { useState } from 'react';
import { Link } from 'react-router';
import type { HistoryEntry, HistoryRef } from '@sss/contracts/common';
import { formatDateTime } from '../../lib/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { historyLabels } from '../../i18n/history.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import { useSystemReason } from '../../i18n/statusReasons.ts';
import { VerificationBadge } from './VerificationBadge.tsx';
import { refPath } from './refPath.ts';
import { AS_OF_PARAM } from '../../lib/asOf.ts';

/** A value that points at records: each by its name, linked to its screen; the id only on hover (a secondary detail). */
function Value({ text, refs, language }: { text: string | null; refs: readonly HistoryRef[] | undefined; language: 'ja' | 'en' }) {
  if (!refs || refs.length === 0) return <>{text ?? '—'}</>;
  return (
    <>
      {refs.map((ref, i) => (
        <span key={`${ref.kind}-${ref.id}`}>
          {i > 0 && (language === 'ja' ? '、' : ', ')}
          <Link to={refPath(ref)} title={ref.id} data-testid="history-ref" data-ref-kind={ref.kind} data-ref-id={ref.id}>
            {ref.name[language]}
          </Link>
        </span>
      ))}
    </>
  );
}

/**
 * A summary in words, with the record names the server quotes (a 稟議 by its title as filed:
 * 稟議「…」 / Ringi “…”) marked as user data: they are what people typed, in the language they typed it.
 */
function Summary({ text }: { text: string }) {
  const parts = text.split(/(“[^”]*”|「[^」]*」)/);
  return (
    <span data-testid="history-summary">
      {parts.map((part, i) => (i % 2 === 1 ? <span key={i} data-user-data>{part}</span> : part))}
    </span>
  );
}

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
          <Summary text={entry.summary[language]} />
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
                      <td className="before">
                        <Value text={language === 'ja' ? change.before : change.beforeEn} refs={change.beforeRefs} language={language} />
                      </td>
                      <td className="after">
                        <Value text={language === 'ja' ? change.after : change.afterEn} refs={change.afterRefs} language={language} />
                      </td>
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
            {/* The screen as it stood right after this event (read-only; the shell keeps the moment across links). */}
            <div className="small">
              <Link to={{ search: `?${AS_OF_PARAM}=${entry.position}` }} data-testid="history-as-of">
                {l('asOfHere')}
              </Link>
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
