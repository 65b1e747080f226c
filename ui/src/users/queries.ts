import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getCollaboflowCheck, listUsers } from '../api/users.ts';

export const userQueries = {
  all: ['users'] as const,
  list: (query: { q?: string; active?: boolean }) => queryOptions({ queryKey: ['users', query] as const, queryFn: ({ signal }) => listUsers(query, signal), placeholderData: keepPreviousData }),
  /** `round` 0 is the screen's first look; each 再チェック is a new round that reads the tenant afresh. */
  collaboflowCheck: (round: number) => queryOptions({ queryKey: ['collaboflow-check', round] as const, queryFn: ({ signal }) => getCollaboflowCheck(round > 0, signal), placeholderData: keepPreviousData }),
};
