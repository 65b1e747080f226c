import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DepositParams } from '@sss/contracts/finance/schemas';
import { DepositListQuery, DepositPage, Suggestions, SuspenseQuery, SuspenseQueue, type DepositView } from '@sss/contracts/finance/views';
import type { Doc, ReadStore } from '@sss/contracts/ports/read-store';
import { daysBetween } from '@sss/contracts/domain/dates';
import { DomainError } from '@sss/contracts/http/problem';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { INVOICES, salesProjection } from '../sales/projection.ts';
import { DEPOSITS, FINANCE_CUSTOMERS, financeProjection, PAYER_NAMES } from './projection.ts';
import { candidateCustomerIds, kanaIndexOf, suggest, type Customer, type OpenInvoice } from './matching.ts';

export interface FinanceQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

const tags = ['入金消込'];

const depositView = (d: Doc): DepositView => ({
  depositId: d.depositId as string, source: d.source as string, fileName: d.fileName as string, line: d.line as number, inquiryNumber: d.inquiryNumber as string,
  valueDate: d.valueDate as string, amount: d.amount as number, payerCode: d.payerCode as string, payerName: d.payerName as string, remitterBank: d.remitterBank as string,
  remitterBranch: d.remitterBranch as string, ediInfo: d.ediInfo as string, status: d.status as DepositView['status'], applied: d.applied as number, refunded: d.refunded as number,
  unapplied: d.unapplied as number, customerId: (d.customerId as string | null) ?? null, customerName: (d.customerName as string | undefined) ?? '', revision: d.revision as string,
});

const customerOf = (d: Doc): Customer => ({ customerId: d._id, name: d.name as string, kanaKey: d.kanaKey as string, code: d.code as string, knownFees: (d.knownFees as number[] | undefined) ?? [], feeTolerance: (d.feeTolerance as number | undefined) ?? null });
const openInvoiceOf = (d: Doc): OpenInvoice => ({ projectId: d.projectId as string, month: d.month as string, invoiceNumber: d.invoiceNumber as string, customerId: d.customerId as string, dueDate: d.dueDate as string, outstanding: d.outstanding as number });

export async function financeQueries(fastify: FastifyInstance, deps: FinanceQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const storeOf = (request: FastifyRequest) => storeFor(deps.readModels, request);
  const wait = async (request: FastifyRequest, withInvoices = false) => {
    await awaitPosition(deps.readModels, request, financeProjection.name);
    if (withInvoices) await awaitPosition(deps.readModels, request, salesProjection.name);
  };

  app.get('/api/deposits', { schema: { tags, summary: '入金明細（取り込んだ入金）', querystring: DepositListQuery, response: { 200: DepositPage } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const { status, page = 1, pageSize = 50 } = request.query;
    const filter = status ? { status } : {};
    const [items, total] = await Promise.all([store.find(DEPOSITS, filter, { sort: { valueDate: -1, line: 1 }, skip: (page - 1) * pageSize, limit: pageSize }), store.count(DEPOSITS, filter)]);
    return { items: items.map(depositView), total, page, pageSize };
  });

  app.get('/api/deposits/:id/suggestions', { schema: { tags, summary: '入金の消込候補（理由つき）', params: DepositParams, response: { 200: Suggestions } } }, async (request) => {
    await wait(request, true);
    const store = storeOf(request);
    const deposit = await store.get(DEPOSITS, request.params.id);
    if (!deposit) throw new DomainError('not_found', '入金が見つかりません。');
    return { deposit: depositView(deposit), payerKey: deposit.payerKey as string, suggestions: await suggestionsFor(store, deposit) };
  });

  app.get('/api/suspense-receipts', { schema: { tags, summary: '仮受金（未消込の入金）と経過日数', querystring: SuspenseQuery, response: { 200: SuspenseQueue } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const asOf = request.query.asOf ?? businessDateOf(request, deps.clock);
    const docs = await store.find(DEPOSITS, { unapplied: { $gt: 0 } }, { sort: { valueDate: 1 } });
    const rows = docs.map((d) => ({ depositId: d.depositId as string, valueDate: d.valueDate as string, payerName: d.payerName as string, amount: d.amount as number, unapplied: d.unapplied as number, ageDays: Math.max(0, daysBetween(d.valueDate as string, asOf)), status: d.status as DepositView['status'] }));
    return { asOf, rows, total: rows.reduce((t, r) => t + r.unapplied, 0), count: rows.length };
  });
}

/** Loads only what the deposit can match: the customers, the names learned for its payer, and the candidates' open invoices. */
async function suggestionsFor(store: ReadStore, deposit: Doc) {
  const customers = new Map((await store.find(FINANCE_CUSTOMERS, {})).map((d) => [d._id, customerOf(d)] as const));
  const payerKey = deposit.payerKey as string;
  const learnedDocs = payerKey ? await store.find(PAYER_NAMES, { payerKey }) : [];
  const learned = new Map([[payerKey, new Map(learnedDocs.map((d) => [d.customerId as string, d.times as number] as const))]]);
  const kana = kanaIndexOf(customers.values());
  const toMatch = { amount: deposit.unapplied as number, valueDate: deposit.valueDate as string, payerKey, payerCode: deposit.payerCode as string };
  const ids = candidateCustomerIds(toMatch, { customers, learned }, kana);
  // A deposit partly applied stays with its customer: the rest goes to the same customer's invoices.
  const only = deposit.customerId as string | null;
  const wanted = only ? [only] : ids;
  const open = wanted.length ? await store.find(INVOICES, { state: 'current', outstanding: { $gt: 0 }, customerId: { $in: wanted } }, { sort: { dueDate: 1, issuedOn: 1 } }) : [];
  const byCustomer = new Map<string, OpenInvoice[]>();
  for (const d of open) byCustomer.set(d.customerId as string, [...(byCustomer.get(d.customerId as string) ?? []), openInvoiceOf(d)]);
  const sameAmount = only ? [] : await store.find(INVOICES, { state: 'current', outstanding: toMatch.amount }, { limit: 3 });
  const index = {
    customers: only ? new Map([...customers].filter(([id]) => id === only)) : customers,
    learned,
    invoicesOf: (customerId: string) => byCustomer.get(customerId) ?? [],
    byOutstanding: new Map([[toMatch.amount, sameAmount.map(openInvoiceOf)]]),
  };
  return suggest(toMatch, index, only ? kanaIndexOf(index.customers.values()) : kana);
}
