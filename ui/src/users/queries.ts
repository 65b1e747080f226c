import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listUsers } from '../api/users.ts';

export const userQueries = {
  all: ['users'] as const,
  list: (query: { q?: string; active?: boolean }) => queryOptions({ queryKey: ['users', query] as const, queryFn: ({ signal }) => listUsers(query, signal), placeholderData: keepPreviousData }),
};
