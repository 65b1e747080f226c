import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RingiListQuery, RingiDetailView } from '@sss/contracts/ringi/views';
import { getRingi, listRingis } from '../api/ringi.ts';

export const ringiKeys = {
  all: ['ringis'] as const,
  list: (query: RingiListQuery) => ['ringis', 'list', query] as const,
  detail: (id: string) => ['ringis', 'detail', id] as const,
};

/** While a 稟議 is open its state changes in CollaboFlow, not here: refresh every few seconds. */
const OPEN_REFRESH_MS = 5_000;

export function useRingiList(query: RingiListQuery) {
  return useQuery({ queryKey: ringiKeys.list(query), queryFn: ({ signal }) => listRingis(query, signal), placeholderData: keepPreviousData, refetchInterval: OPEN_REFRESH_MS });
}

const isOpen = (ringi: RingiDetailView | undefined) => !ringi || ringi.status === 'filing' || ringi.status === 'in_flow';

export function useRingi(id: string) {
  return useQuery({ queryKey: ringiKeys.detail(id), queryFn: ({ signal }) => getRingi(id, signal), refetchInterval: (q) => (isOpen(q.state.data) ? OPEN_REFRESH_MS : false) });
}
