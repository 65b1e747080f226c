import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SettleParkedBody, type ParkedEventView } from '@sss/contracts/ops/subscriber-views';
import { CommandDialog } from '../../components/CommandDialog.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLabels } from '../../i18n/useLabels.ts';
import { subscriberLabels } from '../../i18n/subscribers.ts';
import { settleParked, subscriberQueries } from './queries.ts';
import { RebuildsSection } from './RebuildsSection.tsx';
import { requires } from '../../auth/index.ts';
import { RequirePermission } from '../../auth/index.ts';

const STATE_BADGE = { running: 'ok', catching_up: 'muted', stalled: 'danger', failed: 'danger' } as const;

/** The subscriber console (admins): each subscriber's position, lag and state, and the parked events to retry or skip. */
export function SubscribersPage() {
  const l = useLabels(subscriberLabels);
  useDocumentTitle(l('title'));
  const list = useQuery(subscriberQueries.list());
  const [settling, setSettling] = useState<{ action: 'retry' | 'skip'; event: ParkedEventView } | null>(null);

  return (
    <section className="page" data-testid="subscribers-page">
      <h1>{l('title')}</h1>
      <p className="subtle">{l('hint')}</p>
      <ProblemMessage error={list.error} />
      <table className="list" data-testid="subscribers-table">
        <thead>
          <tr>
            <th>{l('name')}</th><th>{l('kind')}</th><th>{l('state')}</th><th>{l('position')}</th><th>{l('lagEvents')}</th><th>{l('lagSeconds')}</th><th>{l('rate')}</th><th>{l('lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.subscribers.map((s) => (
            <tr key={s.name} data-testid={`subscriber-${s.name}`}>
              <td>
                <code>{s.name}</code>
              </td>
              <td>{l(s.kind)}</td>
              <td><span className={`badge ${STATE_BADGE[s.state]}`} data-testid="subscriber-state">{l(s.state)}</span></td>
              <td className="num">{s.position ?? '-'}</td>
              <td className="num">{s.lagEvents ?? '-'}</td>
              <td className="num">{s.lagSeconds ?? '-'}</td>
              <td className="num">{s.eventsPerSecond}</td>
              <td>{s.lastError ? `${formatDateTime(s.lastError.at)} ${s.lastError.message}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{l('parked')}</h2>
      <p className="subtle">{l('parkedHint')}</p>
      {list.data && list.data.parked.length === 0 ? (
        <p data-testid="parked-none">{l('noParked')}</p>
      ) : (
        <table className="list" data-testid="parked-table">
          <thead>
            <tr>
              <th>{l('name')}</th><th>{l('event')}</th><th>{l('stream')}</th><th>{l('position')}</th><th>{l('attempts')}</th><th>{l('error')}</th><th>{l('parkedAt')}</th><th>{l('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.parked.map((p) => (
              <tr key={`${p.subscriber}/${p.eventId}`} data-testid={`parked-${p.eventId}`}>
                <td>{p.subscriber}</td>
                <td>{p.eventType}</td>
                <td>{p.streamName}</td>
                <td className="num">{p.position}</td>
                <td className="num">{p.attempts}</td>
                <td>{p.error}</td>
                <td>{formatDateTime(p.parkedAt)}</td>
                <td>
                  <RequirePermission method="POST" route="/api/admin/subscribers/:name/parked/:eventId/retry"><button type="button" className="button" onClick={() => setSettling({ action: 'retry', event: p })} data-testid="parked-retry" {...requires('POST', '/api/admin/subscribers/:name/parked/:eventId/retry')}>{l('retry')}</button>{' '}
                  <button type="button" className="button danger" onClick={() => setSettling({ action: 'skip', event: p })} data-testid="parked-skip" {...requires('POST', '/api/admin/subscribers/:name/parked/:eventId/skip')}>{l('skip')}</button></RequirePermission>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <RebuildsSection />

      {settling && (
        <CommandDialog
          title={`${l(settling.action)}: ${settling.event.eventType} (${settling.event.subscriber})`}
          testId={`dialog-parked-${settling.action}`}
          schema={SettleParkedBody}
          warning={l(settling.action === 'retry' ? 'retryWarning' : 'skipWarning')}
          danger={settling.action === 'skip'}
          fields={[{ name: 'reason', label: l('reason'), kind: 'text', required: true }]}
          initial={{ reason: '' }}
          toBody={(v) => ({ reason: (v.reason ?? '').trim() })}
          invalidates={subscriberQueries.all}
          run={(body, idempotencyKey) => settleParked(settling.action, settling.event.subscriber, settling.event.eventId, body as SettleParkedBody, { idempotencyKey })}
          onClose={() => setSettling(null)}
          onDone={() => setSettling(null)}
        />
      )}
    </section>
  );
}
