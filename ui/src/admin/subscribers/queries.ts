import { queryOptions } from '@tanstack/react-query';
import type { SettleParkedBody, SubscribersView } from '@sss/contracts/ops/subscriber-views';
import { command, request, type CommandOptions } from '../../lib/http.ts';

/** The subscriber console's API: every subscriber's lag and state, and the parked (poison) events. */
export const subscriberQueries = {
  all: ['admin', 'subscribers'] as const,
  /** Refreshed every 2 s: lag and state are what an operator watches move. */
  list: () => queryOptions({ queryKey: ['admin', 'subscribers'] as const, queryFn: ({ signal }) => request<SubscribersView>('GET', '/api/admin/subscribers', { signal }), refetchInterval: 2000 }),
};

export const settleParked = (action: 'retry' | 'skip', subscriber: string, eventId: string, body: SettleParkedBody, options: CommandOptions) =>
  command('POST', `/api/admin/subscribers/${encodeURIComponent(subscriber)}/parked/${encodeURIComponent(eventId)}/${action}`, body, options);
