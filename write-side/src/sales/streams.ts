import { monthlySalesId } from '@sss/contracts/sales/status';

/** `monthlysales-<projectId>_<YYYY-MM>`: one stream per project and month (docs/architecture.md §Write side). */
export const monthlySalesStream = (projectId: string, month: string) => `monthlysales-${monthlySalesId(projectId, month)}`;
