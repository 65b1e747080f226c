import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

type FormValues<P extends string> = Readonly<Record<P, string | boolean>>;

interface ConflictNoticeProps<P extends string> {
  /** The form's fields in the order the form shows them. */
  paths: readonly P[];
  /** A field's label in the current language. */
  labelOf: (path: P) => string;
  /** What this person started editing from. */
  base: FormValues<P>;
  /** What someone else saved in the meantime. */
  latest: FormValues<P>;
  /** What this person has typed. */
  draft: FormValues<P>;
  onReapply: () => void;
  onDiscard: () => void;
}

/**
 * Explains a 409 revision_conflict in people's terms and shows exactly which fields the other
 * person changed and which ones this person changed, so re-applying is an informed choice.
 */
export function ConflictNotice<P extends string>({ paths, labelOf, base, latest, draft, onReapply, onDiscard }: ConflictNoticeProps<P>) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // the save button is at the bottom of a long form; bring the explanation into view
  useEffect(() => {
    // a block body on purpose: newer browsers return a Promise from scrollIntoView, which React would take for a cleanup
    ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, []);
  const changed = (after: FormValues<P>) => paths.filter((path) => base[path] !== after[path]);
  const theirs = new Set(changed(latest));
  const mine = new Set(changed(draft));
  const rows = [...new Set<P>([...theirs, ...mine])];
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
                <th scope="row">{labelOf(path)}</th>
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
