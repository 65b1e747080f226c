import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { may, useSession } from '../../auth/index.ts';
import { isApiError } from '../../lib/problem.ts';
import { ProblemMessage } from '../ProblemMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { historyLabels } from '../../i18n/history.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import { ChainVerdict } from './ChainVerdict.tsx';
import { HistoryEntryRow } from './HistoryEntryRow.tsx';
import { historyQueries } from './queries.ts';

/** `/api/projects/:id/history` with `{ id }` → the path to call. */
const pathOf = (route: string, params: Readonly<Record<string, string>>) => route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/**
 * Any aggregate's history, newest first: each event in words, who (people by name, system parts in
 * words), its verification, and on demand its before → after. `route` is the authorization table's
 * pattern, so the panel asks only when the person may read it.
 */
export function HistoryPanel({ route, params = {}, revision }: { route: string; params?: Readonly<Record<string, string>>; revision?: string | number }) {
  const { language } = useI18n();
  const l = useLabels(historyLabels);
  const { data: user } = useSession();
  const enabled = may(user, 'GET', route);
  const history = useQuery({ ...historyQueries.of(pathOf(route, params), revision), enabled });
  const [type, setType] = useState('');

  const entries = useMemo(() => [...(history.data?.events ?? [])].reverse(), [history.data]);
  const types = useMemo(() => [...new Map(entries.map((e) => [e.type, e.typeLabel[language]])).entries()], [entries, language]);
  const shown = type ? entries.filter((e) => e.type === type) : entries;

  // The 監査 search links to `<screen>#history`; a client-side navigation does not scroll to it by itself.
  const { hash } = useLocation();
  const section = useRef<HTMLElement>(null);
  const loaded = history.data !== undefined;
  useEffect(() => {
    if (hash === '#history' && loaded) section.current?.scrollIntoView({ block: 'start' });
  }, [hash, loaded]);

  return (
    <section className="panel" id="history" ref={section} data-testid="history-panel">
      <div className="panel-header">
        <h2>{l('title')}</h2>
        {history.data && <ChainVerdict history={history.data} />}
      </div>
      {!enabled && <p className="subtle">{l('forbidden')}</p>}
      {enabled && history.isPending && <p className="subtle">…</p>}
      {history.isError && (isApiError(history.error, 'forbidden') ? <p className="subtle">{l('forbidden')}</p> : <ProblemMessage error={history.error} onRetry={() => void history.refetch()} />)}
      {history.data && entries.length === 0 && <p className="subtle">{l('empty')}</p>}
      {history.data && entries.length > 0 && (
        <>
          <label className="inline">
            {l('filter')}{' '}
            <select value={type} onChange={(e) => setType(e.target.value)} data-testid="history-filter">
              <option value="">{l('allTypes')}</option>
              {types.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <table className="table compact" data-testid="history-table">
            <thead>
              <tr>
                <th>{l('time')}</th>
                <th>{l('actor')}</th>
                <th>{l('event')}</th>
                <th>{l('summary')}</th>
                <th>{l('verification')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <HistoryEntryRow key={entry.revision} entry={entry} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
