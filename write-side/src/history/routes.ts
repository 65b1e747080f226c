import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EventStore } from '@sss/contracts/ports/event-store';
import { History, IdParams } from '@sss/contracts/common';
import { DomainError } from '@sss/contracts/http/problem';
import { isEventOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { streamHistory } from './stream-history.ts';

/**
 * Histories of the aggregates whose own routes live elsewhere: a 稟議 (its routes are the read
 * side's and the process manager's) and an invoice, whose history is that of the 月次売上 it was
 * issued from (issue and every correction, searchable by 請求書番号).
 */
const InvoiceParams = Type.Object({ invoiceNumber: Type.String({ maxLength: 20, pattern: '^INV-\\d{6,}$', title: '請求書番号' }) }, { additionalProperties: false });

export async function historyRoutes(fastify: FastifyInstance, deps: { events: EventStore }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = deps;

  app.get('/api/ringis/:id/history', { schema: { tags: ['稟議'], summary: '稟議の変更履歴（イベント）', params: IdParams, response: { 200: History } } }, async (request) =>
    streamHistory(events, streams.ringi(request.params.id)));

  app.get('/api/invoices/:invoiceNumber/history', { schema: { tags: ['月次売上・請求'], summary: '請求書の変更履歴（発行元の月次売上のイベント）', params: InvoiceParams, response: { 200: History } } }, async (request) => {
    const allocations = await events.readStream(streams.invoiceNumber);
    const allocation = allocations.find((e) => isEventOf(e, ['InvoiceNumberAllocated']) && e.data.invoiceNumber === request.params.invoiceNumber);
    if (!allocation || !isEventOf(allocation, ['InvoiceNumberAllocated'])) throw DomainError.field('not_found', 'invoiceNumber', `請求書 ${request.params.invoiceNumber} は見つかりません。`);
    return streamHistory(events, allocation.data.forStream);
  });
}
