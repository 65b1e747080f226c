import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { EstimateListQuery } from '@sss/contracts/project/views';
import { listEstimates } from '../api/projects.ts';

/** 見積一覧 sits under the project root, so a project command refetches it too. */
export const estimateQueries = {
  list: (query: EstimateListQuery) => queryOptions({ queryKey: ['projects', 'estimates', query] as const, queryFn: ({ signal }) => listEstimates(query, signal), placeholderData: keepPreviousData }),
};
