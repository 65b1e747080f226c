import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { listOrders, type OrderListParams } from '../api/projects.ts';

/** 受注一覧 sits under the project root, so a project command refetches it too. */
export const orderQueries = {
  list: (query: OrderListParams) => queryOptions({ queryKey: ['projects', 'orders', query] as const, queryFn: ({ signal }) => listOrders(query, signal), placeholderData: keepPreviousData }),
};
