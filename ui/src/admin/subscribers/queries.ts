import { queryOptions } from '@tanstack/react-query';
import type { SettleParkedBody, SubscribersView } from '@sss/contracts/ops/subscriber-views';
import type { RebuildsView } from '@sss/contracts/ops/rebuild-views';
import { command, request, type CommandOptions } from '../../lib/http.ts';
import { ApiError } from '../../lib/problem.ts';

/** The subscriber console's API: every subscriber's lag and state, and the parked (poison) events. */
export const subscriberQueries = {
  all: ['admin', 'subscribers'] as const,
  /** Refreshed every 2 s: lag and state are what an operator watches move. */
  list: () =>
    queryOptions({
      queryKey: ['admin', 'subscribers'] as const,
      queryFn: async ({ signal }) => mergeViews(await Promise.all([request<SubscribersView>('GET', '/api/admin/subscribers', { signal }), writeSide(signal)])),
      refetchInterval: 2000,
    }),
};

/**
 * The write service's own subscribers and parked events. On the split stack the read service
 * answers /api/admin/subscribers with its projectors only; in one process both answers overlap.
 * A deployment whose API serves no write side answers 404: then there is nothing more to show.
 */
async function writeSide(signal: AbortSignal): Promise<SubscribersView> {
  try {
    return await request<SubscribersView>('GET', '/api/admin/write-subscribers', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { subscribers: [], parked: [] };
    throw error;
  }
}

function mergeViews(views: readonly SubscribersView[]): SubscribersView {
  const subscribers = new Map<string, SubscribersView['subscribers'][number]>();
  const parked = new Map<string, SubscribersView['parked'][number]>();
  for (const view of views) {
    for (const s of view.subscribers) if (!subscribers.has(s.name)) subscribers.set(s.name, s);
    for (const p of view.parked) if (!parked.has(`${p.subscriber}/${p.eventId}`)) parked.set(`${p.subscriber}/${p.eventId}`, p);
  }
  return { subscribers: [...subscribers.values()], parked: [...parked.values()] };
}

export const settleParked = (action: 'retry' | 'skip', subscriber: string, eventId: string, body: SettleParkedBody, options: CommandOptions) =>
  command('POST', `/api/admin/subscribers/${encodeURIComponent(subscriber)}/parked/${encodeURIComponent(eventId)}/${action}`, body, options);

/** Projection versions and rebuilds (docs/rebuilds.md); refreshed every second while the console is open, to draw the progress. */
export const rebuildQueries = {
  all: ['admin', 'rebuilds'] as const,
  list: () => queryOptions({ queryKey: ['admin', 'rebuilds'] as const, queryFn: ({ signal }) => request<RebuildsView>('GET', '/api/admin/rebuilds', { signal }), refetchInterval: 1000 }),
};

export const startRebuild = (projection: string) => request<RebuildsView>('POST', '/api/admin/rebuilds', { body: { projection } });
