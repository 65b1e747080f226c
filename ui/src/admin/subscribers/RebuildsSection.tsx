import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectionVersionView } from '@sss/contracts/ops/rebuild-views';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { may, useSession } from '../../auth/index.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import { subscriberLabels } from '../../i18n/subscribers.ts';
import { rebuildQueries, startRebuild, subscriberQueries } from './queries.ts';
import { requires } from '../../auth/index.ts';

/**
 * Projection versions and blue/green rebuilds (docs/rebuilds.md): which version serves, a rebuild's
 * progress (events done/total, events/s, time left) and, for admins, the button that starts one.
 */
export function RebuildsSection() {
  const l = useLabels(subscriberLabels);
  const { data: user } = useSession();
  const list = useQuery(rebuildQueries.list());
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: startRebuild,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: rebuildQueries.all });
      await client.invalidateQueries({ queryKey: subscriberQueries.all });
    },
  });
  const canStart = may(user, 'POST', '/api/admin/rebuilds');
  const progress = (p: ProjectionVersionView) => {
    const r = p.rebuild;
    if (!r) return l('none');
    const share = r.eventsTotal > 0 ? Math.min(r.eventsDone / r.eventsTotal, 1) : 0;
    return (
      <span data-testid="rebuild-progress">
        <progress max={1} value={share} /> v{r.version} {r.eventsDone.toLocaleString()}/{r.eventsTotal.toLocaleString()} {l('events')} · {r.eventsPerSecond} {l('rate')} · {l('eta')} {r.etaSeconds === null ? l('none') : `${Math.ceil(r.etaSeconds)} ${l('seconds')}`}
        {r.state === 'switching' ? ` · ${l('switching')}` : ''}
        {r.lastError ? ` · ${r.lastError}` : ''}
      </span>
    );
  };

  return (
    <section data-testid="rebuilds">
      <h2>{l('rebuilds')}</h2>
      <p className="subtle">{l('rebuildsHint')}</p>
      <ProblemMessage error={list.error ?? start.error} />
      {start.isSuccess && <p role="status">{l('rebuildStarted')}</p>}
      {canStart && (
        <p>
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate('all')} data-testid="rebuild-all" {...requires('POST', '/api/admin/rebuilds')}>{l('rebuildAll')}</button>
        </p>
      )}
      <table className="list" data-testid="rebuilds-table">
        <thead>
          <tr>
            <th>{l('projection')}</th><th>{l('version')}</th><th>{l('declared')}</th><th>{l('collections')}</th><th>{l('progress')}</th><th>{l('lastRebuild')}</th>{canStart && <th>{l('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {list.data?.projections.map((p) => (
            <tr key={p.name} data-testid={`rebuild-${p.name}`}>
              <td>
                <code>{p.name}</code>
              </td>
              <td className="num">{p.version}</td>
              <td className="num">{p.declared}</td>
              <td>
                <code>{p.collections.join(', ')}</code>
              </td>
              <td>{progress(p)}</td>
              <td>{p.lastRebuild ? `v${p.lastRebuild.version} ${formatDateTime(p.lastRebuild.finishedAt)} (${p.lastRebuild.events.toLocaleString()} ${l('events')}, ${p.lastRebuild.seconds} ${l('seconds')})` : l('none')}</td>
              {canStart && (
                <td>
                  <button type="button" className="button" disabled={start.isPending || p.rebuild !== null} onClick={() => start.mutate(p.name)} data-testid="rebuild-start" {...requires('POST', '/api/admin/rebuilds')}>{l('rebuild')}</button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
