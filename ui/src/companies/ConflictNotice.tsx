import { useEffect, useRef } from 'react';
import { changedPaths, type CompanyFormValues, type FormPath } from './companyForm.ts';
import { fieldLabel } from './fieldLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface ConflictNoticeProps {
  /** What this person started editing from. */
  base: CompanyFormValues;
  /** What someone else saved in the meantime. */
  latest: CompanyFormValues;
  /** What this person has typed. */
  draft: CompanyFormValues;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Explains a 409 revision_conflict in people's terms and shows exactly which fields the other
 * person changed and which ones this person changed, so re-applying is an informed choice.
 */
export function ConflictNotice({ base, latest, draft, onReapply, onDiscard }: ConflictNoticeProps) {
  const { t, language } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // the save button is at the bottom of a long form; bring the explanation into view
  useEffect(() => {
    // a block body on purpose: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup
    ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);
  const theirs = new Set(changedPaths(base, latest));
  const mine = new Set(changedPaths(base, draft));
  const rows = [...new Set<FormPath>([...theirs, ...mine])];
  const show = (value: string | boolean) => (typeof value === 'boolean' ? (value ? '✓' : '—') : value || '—');

  return (
    <div ref={ref} className="alert warning conflict" role="alert" data-testid="conflict-notice">
      <strong>{t('conflict.title')}</strong>
      <p>{t('conflict.body')}</p>
      {rows.length > 0 && (
        <table className="table compact" data-testid="conflict-table">
          <thead>
            <tr>
              <th>{t('conflict.field')}</th>
              <th>{t('conflict.theirs')}</th>
              <th>{t('conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((path) => (
              <tr key={path} className={theirs.has(path) && mine.has(path) ? 'clash' : undefined}>
                <th scope="row">{fieldLabel(path, language)}</th>
                <td className={theirs.has(path) ? 'changed' : undefined}>{show(latest[path])}</td>
                <td className={mine.has(path) ? 'changed' : undefined}>{show(draft[path])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="form-actions left">
        <button type="button" className="button primary" data-testid="conflict-reapply" onClick={onReapply}>
          {t('conflict.reapply')}
        </button>
        <button type="button" className="button" data-testid="conflict-discard" onClick={onDiscard}>
          {t('conflict.discard')}
        </button>
      </div>
    </div>
  );
}
