import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RingiListQuery, RingiDetailView } from '@sss/contracts/ringi/views';
import { getRingi, listRingis } from '../api/ringi.ts';

/** While a 稟議 is open its state changes in CollaboFlow, not here: refresh every few seconds. */
const OPEN_REFRESH_MS = 5_000;

const isOpen = (ringi: RingiDetailView | undefined) => !ringi || ringi.status === 'filing' || ringi.status === 'in_flow';

export const ringiQueries = {
  all: ['ringis'] as const,
  list: (query: RingiListQuery) => queryOptions({ queryKey: ['ringis', 'list', query] as const, queryFn: ({ signal }) => listRingis(query, signal), placeholderData: keepPreviousData, refetchInterval: OPEN_REFRESH_MS }),
  detail: (id: string) => queryOptions({ queryKey: ['ringis', 'detail', id] as const, queryFn: ({ signal }) => getRingi(id, signal), refetchInterval: (q) => (isOpen(q.state.data) ? OPEN_REFRESH_MS : false) }),
};

export const useRingiList = (query: RingiListQuery) => useQuery(ringiQueries.list(query));

export const useRingi = (id: string) => useQuery(ringiQueries.detail(id));
