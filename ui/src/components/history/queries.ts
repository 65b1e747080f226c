import { queryOptions } from '@tanstack/react-query';
import { getHistory } from '../../api/history.ts';

/**
 * A history is read from the event stream, not a projection, so it is current on every read; the
 * detail screen passes its revision so a command it runs shows in the history at once.
 */
export const historyQueries = {
  all: ['history'] as const,
  of: (path: string, revision?: string | number) => queryOptions({ queryKey: ['history', path, revision ?? null] as const, queryFn: ({ signal }) => getHistory(path, signal) }),
};
