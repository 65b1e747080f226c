import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AccountingPeriods, type AccountingPeriodView } from '@sss/contracts/finance/period-schemas';
import type { Doc } from '@sss/contracts/ports/read-store';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { storeFor } from '../http/as-of.ts';
import { ACCOUNTING_PERIODS, accountingPeriodProjection } from './period-projection.ts';

const orNull = (value: unknown) => (typeof value === 'string' ? value : null);
const viewOf = (d: Doc): AccountingPeriodView => ({
  month: d.month as string, closed: d.closed === true, closedAt: orNull(d.closedAt), closedBy: orNull(d.closedBy),
  reopenedAt: orNull(d.reopenedAt), reopenedBy: orNull(d.reopenedBy), reopenReason: orNull(d.reopenReason), revision: d.revision as string,
});

/** Which months are closed (docs/finance.md §Month-end close): the 月次締め screen and every report that marks closed months. */
export async function periodQueries(fastify: FastifyInstance, deps: { readonly readModels: ReadModels }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/api/accounting-periods', { schema: { tags: ['月次締め'], summary: '締めた月（締め済み・解除済み）', response: { 200: AccountingPeriods } } }, async (request) => {
    await awaitPosition(deps.readModels, request, accountingPeriodProjection.name);
    const docs = await storeFor(deps.readModels, request).find(ACCOUNTING_PERIODS, {}, { sort: { _id: -1 }, limit: 600 });
    const rows = docs.map(viewOf);
    return { rows, closedMonths: rows.filter((r) => r.closed).map((r) => r.month) };
  });
}
