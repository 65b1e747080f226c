import { queryOptions } from '@tanstack/react-query';
import type { SettleParkedBody, SubscribersView } from '@sss/contracts/ops/subscriber-views';
import type { RebuildsView } from '@sss/contracts/ops/rebuild-views';
import { command, request, type CommandOptions } from '../../lib/http.ts';

/** The subscriber console's API: every subscriber's lag and state, and the parked (poison) events. */
export const subscriberQueries = {
  all: ['admin', 'subscribers'] as const,
  /** Refreshed every 2 s: lag and state are what an operator watches move. */
  list: () => queryOptions({ queryKey: ['admin', 'subscribers'] as const, queryFn: ({ signal }) => request<SubscribersView>('GET', '/api/admin/subscribers', { signal }), refetchInterval: 2000 }),
};

export const settleParked = (action: 'retry' | 'skip', subscriber: string, eventId: string, body: SettleParkedBody, options: CommandOptions) =>
  command('POST', `/api/admin/subscribers/${encodeURIComponent(subscriber)}/parked/${encodeURIComponent(eventId)}/${action}`, body, options);

/** Projection versions and rebuilds (docs/rebuilds.md); refreshed every second while the console is open, to draw the progress. */
export const rebuildQueries = {
  all: ['admin', 'rebuilds'] as const,
  list: () => queryOptions({ queryKey: ['admin', 'rebuilds'] as const, queryFn: ({ signal }) => request<RebuildsView>('GET', '/api/admin/rebuilds', { signal }), refetchInterval: 1000 }),
};

export const startRebuild = (projection: string) => request<RebuildsView>('POST', '/api/admin/rebuilds', { body: { projection } });
