import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { AUDIT_CATEGORIES } from '@sss/contracts/audit/event-search';
import type { StreamCategory } from '@sss/contracts/streams/names';
import { eventsCsvUrl, type EventSearchParams } from '../api/audit.ts';
import { Pager } from '../components/Pager.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { auditEntityKindLabels, auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { currentAsOf } from '../lib/asOf.ts';
import { formatDateTime } from '../lib/format.ts';
import { asOfLink, entityRoute, historyLink } from './entityLinks.ts';
import { auditQueries } from './queries.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';

const EMPTY = { from: '', to: '', actor: '', category: '', entityId: '', type: '', q: '' };

/** Every recorded event, newest first: by period (JST), actor, entity, type and free text; each links to its entity. */
export function EventSearchPanel() {
  const l = useLabels(auditSearchLabels);
  const kind = useLabels(auditEntityKindLabels);
  const [form, setForm] = useState(EMPTY);
  const [search, setSearch] = useState<EventSearchParams>({});
  const events = useQuery(auditQueries.events(search));
  const actors = useQuery(auditQueries.actors());
  const field = (name: keyof typeof EMPTY) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '')));
  };
  const page = events.data;
  return (
    <div data-testid="audit-events">
      <form className="toolbar wrap" role="search" onSubmit={submit}>
        <label>{l('from')} <input type="datetime-local" {...field('from')} data-testid="audit-events-from" /></label>
        <label>{l('to')} <input type="datetime-local" {...field('to')} data-testid="audit-events-to" /></label>
        <label>{l('actor')} <input list="audit-actors" {...field('actor')} placeholder={l('actorAny')} data-testid="audit-events-actor" /></label>
        <datalist id="audit-actors">
          {actors.data?.items.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </datalist>
        <label>{l('category')} <select {...field('category')} data-testid="audit-events-category">
          <option value="">{l('any')}</option>
          {AUDIT_CATEGORIES.map((c) => <option key={c} value={c}>{kind(c)}</option>)}
        </select></label>
        <label>{l('entityId')} <input {...field('entityId')} data-testid="audit-events-entity" /></label>
        <label>{l('type')} <input {...field('type')} data-testid="audit-events-type" /></label>
        <label>{l('q')} <input {...field('q')} data-testid="audit-events-q" /></label>
        <button type="submit" className="button" data-testid="audit-events-search">{l('search')}</button>
        <DownloadLink href={eventsCsvUrl(search, currentAsOf())} testId="audit-events-csv">{l('exportCsv')}</DownloadLink>
      </form>
      <ProblemMessage error={events.error} onRetry={() => void events.refetch()} />
      {page && <Pager page={page.page} pageSize={page.pageSize} total={page.total} onPage={(p) => setSearch({ ...search, page: p })} />}
      <table className="table compact" data-testid="audit-events-table">
        <thead><tr><th>{l('occurredAt')}</th><th>{l('actor')}</th><th>{l('entity')}</th><th>{l('type')}</th><th className="num">{l('position')}</th><th>{l('data')}</th><th>{l('links')}</th></tr></thead>
        <tbody>
          {page?.items.length === 0 && <tr><td colSpan={7} className="empty" data-testid="audit-events-none">{l('none')}</td></tr>}
          {page?.items.map((e) => {
            const route = entityRoute(e.category, e.entityId, e.data);
            return (
              <tr key={e.position} data-testid="audit-event-row" data-event-type={e.type}>
                <td className="date">{formatDateTime(e.occurredAt)}</td>
                <td title={e.actor}>{e.actorName}</td>
                {/* The entity in words; the id stays on hover and in the links. A category newer than this UI shows as itself (lookup). */}
                <td title={`${e.category} / ${e.entityId}`} data-testid="audit-event-entity">{kind(e.category as StreamCategory)} {e.entityLabel}</td>
                <td className="mono">{e.type}</td>
                <td className="num mono">{e.position}</td>
                <td><details><summary>{l('data')}</summary><pre className="event-data">{JSON.stringify(e.data, null, 2)}</pre></details></td>
                <td>
                  {route && <Link to={historyLink(route)} data-testid="audit-event-history">{l('history')}</Link>}{' '}
                  {route && <Link to={asOfLink(route, e.position)} data-testid="audit-event-as-of">{l('asOfView')}</Link>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
