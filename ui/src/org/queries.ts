import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getOrgDraft, getOrgTree } from '../api/organization.ts';

/** One query-options factory per endpoint; a staged or confirmed change refetches everything under `all`. */
export const orgQueries = {
  all: ['org'] as const,
  tree: (asOf: string, activeOnly: boolean) => queryOptions({ queryKey: ['org', 'tree', asOf, activeOnly] as const, queryFn: ({ signal }) => getOrgTree(asOf, activeOnly, signal) }),
  /** The tree as the date picker moves: the previous date's tree stays until the next arrives. */
  treeAsOf: (asOf: string, activeOnly: boolean) => queryOptions({ ...orgQueries.tree(asOf, activeOnly), placeholderData: keepPreviousData }),
  draft: () => queryOptions({ queryKey: ['org', 'draft'] as const, queryFn: ({ signal }) => getOrgDraft(signal) }),
};
