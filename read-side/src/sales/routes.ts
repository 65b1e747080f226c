import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Filter, ReadStore } from '@sss/contracts/ports/read-store';
import { MonthlySalesParams } from '@sss/contracts/sales/schemas';
import {
  Dashboard, DOCUMENT_KINDS, ExportParams, ExportQuery, InvoiceListQuery, InvoicePage, InvoiceView, MonthlySalesListQuery, MonthlySalesPage, MonthlySalesView,
  IssuedSalesReports, PeriodQuery, PlanActualDrillQuery, PlanActualReport, Receivables, ReceivablesQuery, SalesByReport, type InvoiceView as InvoiceViewType, type MonthlySalesView as MonthlySalesViewType,
} from '@sss/contracts/sales/views';
import { DomainError } from '@sss/contracts/http/problem';
import type { ReadModels } from '../projector/runtime.ts';
import { awaitPosition } from '../http/read-your-writes.ts';
import { businessDateOf, storeFor } from '../http/as-of.ts';
import { publicDoc } from '../http/query-helpers.ts';
import { renderPdf } from '../documents/pdf.ts';
import { INVOICES, MONTHLY_SALES, SALES_REPORTS, salesProjection } from './projection.ts';
import type { IssuedSalesReport } from '@sss/contracts/sales/sales-report';
import { invoiceFilter } from './invoice-search.ts';
import { invoicePdfSpec } from './invoice-document.ts';
import { renderIssuedSalesReport, renderMonthDocument } from './month-documents.ts';
import { receivables } from './aging.ts';
import { dashboard, planActual, salesBy } from './reports.ts';
import { exportList } from './exports.ts';
import { download } from '../http/download.ts';
import { allRows } from '../http/all-rows.ts';

export interface SalesQueryDeps {
  readonly readModels: ReadModels;
  readonly clock: () => Date;
}

const tags = ['月次売上・請求'];
const InvoiceParams = Type.Object({ invoiceNumber: Type.String({ maxLength: 20, pattern: '^INV-\\d{6,}$', title: '請求書番号' }) });
const DocumentParams = Type.Object({ ...MonthlySalesParams.properties, kind: Type.Enum(DOCUMENT_KINDS) });
const SalesReportParams = Type.Object({ ...MonthlySalesParams.properties, issueNo: Type.Integer({ minimum: 1, maximum: 100_000, title: '発行番号' }), format: Type.Union([Type.Literal('pdf'), Type.Literal('xlsx')], { title: '形式' }) });


export async function salesQueries(fastify: FastifyInstance, deps: SalesQueryDeps): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const storeOf = (request: FastifyRequest) => storeFor(deps.readModels, request);
  const today = (request: FastifyRequest) => businessDateOf(request, deps.clock);
  const wait = (request: Parameters<typeof awaitPosition>[1]) => awaitPosition(deps.readModels, request, salesProjection.name);
  const month = async (store: ReadStore, projectId: string, m: string) => {
    const doc = await store.get(MONTHLY_SALES, `${projectId}_${m}`);
    if (!doc) throw new DomainError('not_found', `${m} の月次売上が見つかりません。受注が確定すると月ごとに作られます。`);
    return publicDoc(doc) as MonthlySalesViewType;
  };

  app.get('/api/monthly-sales', { schema: { tags, summary: '月次売上一覧', querystring: MonthlySalesListQuery, response: { 200: MonthlySalesPage } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const { projectId, month: m, status, page = 1, pageSize = 20 } = request.query;
    const filter: Filter = { ...(projectId ? { projectId } : {}), ...(m ? { month: m } : {}), ...(status ? { status } : {}) };
    const [items, total] = await Promise.all([store.find(MONTHLY_SALES, filter, { sort: { month: -1, projectNumber: 1 }, skip: (page - 1) * pageSize, limit: pageSize }), store.count(MONTHLY_SALES, filter)]);
    return { items: items.map((d) => publicDoc(d) as MonthlySalesViewType), total, page, pageSize };
  });

  app.get('/api/monthly-sales/:projectId/:month', { schema: { tags, summary: '月次売上（売上実績と請求情報）', params: MonthlySalesParams, response: { 200: MonthlySalesView } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return month(store, request.params.projectId, request.params.month);
  });

  app.get('/api/monthly-sales/:projectId/:month/documents/:kind', { schema: { tags, summary: '売上連絡票・納品書・検収書', params: DocumentParams } }, async (request, reply) => {
    await wait(request);
    const store = storeOf(request);
    const m = await month(store, request.params.projectId, request.params.month);
    const [latest] = await store.find(INVOICES, {}, { sort: { issuedOn: -1 }, limit: 1 });
    const issuerName = ((m.invoiceNumber ? (await store.get(INVOICES, m.invoiceNumber))?.issuer : latest?.issuer) as { name: string } | undefined)?.name ?? '';
    return download(reply, await renderMonthDocument(request.params.kind, m, issuerName));
  });

  app.get('/api/monthly-sales/:projectId/:month/sales-reports', { schema: { tags, summary: '発行済みの売上連絡票', params: MonthlySalesParams, response: { 200: IssuedSalesReports } } }, async (request) => {
    await wait(request);
    const { projectId, month: m } = request.params;
    const docs = await allRows(storeOf(request), SALES_REPORTS, { projectId, month: m }, { issueNo: 1 });
    return {
      items: docs.map((d) => {
        const { issueNo, issuedOn, contentHash, content } = d as unknown as IssuedSalesReport;
        return { issueNo, issuedOn, contentHash, invoiceDate: content.invoiceDate, actualGross: content.actualGross, projectName: content.projectName, customerName: content.customerName };
      }),
    };
  });

  // A re-print: the content frozen in SalesReportIssued, whatever changed in the project or the month since.
  app.get('/api/monthly-sales/:projectId/:month/sales-reports/:issueNo/:format', { schema: { tags, summary: '発行済みの売上連絡票を再印刷する（発行時の内容）', params: SalesReportParams } }, async (request, reply) => {
    await wait(request);
    const { projectId, month: m, issueNo, format } = request.params;
    const doc = await storeOf(request).get(SALES_REPORTS, `${projectId}_${m}_${issueNo}`);
    if (!doc) throw DomainError.field('not_found', 'issueNo', `${m} の売上連絡票（第${issueNo}版）は発行されていません。`);
    const report = doc as unknown as IssuedSalesReport;
    return download(reply, await renderIssuedSalesReport(format, report.content, report.issueNo));
  });

  app.get('/api/invoices', { schema: { tags, summary: '請求一覧（請求日・金額・取引先で検索）', querystring: InvoiceListQuery, response: { 200: InvoicePage } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const { page = 1, pageSize = 20 } = request.query;
    const filter = invoiceFilter(request.query);
    // the totals row adds up every match in the store, so it is the same on every page
    const [items, [sums]] = await Promise.all([store.find(INVOICES, filter, { sort: { invoiceNumber: -1 }, skip: (page - 1) * pageSize, limit: pageSize }), store.groupSum(INVOICES, filter, { by: [], sum: ['gross', 'paid', 'outstanding'] })]);
    const total = sums?.count ?? 0;
    const sum = (field: string) => sums?.sums[field] ?? 0;
    return { items: items.map((d) => publicDoc(d) as InvoiceViewType), total, page, pageSize, totals: { count: total, gross: sum('gross'), paid: sum('paid'), outstanding: sum('outstanding') } };
  });

  app.get('/api/invoices/:invoiceNumber', { schema: { tags, summary: '請求書', params: InvoiceParams, response: { 200: InvoiceView } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const doc = await store.get(INVOICES, request.params.invoiceNumber);
    if (!doc) throw new DomainError('not_found', '請求書が見つかりません。');
    return publicDoc(doc) as InvoiceViewType;
  });

  app.get('/api/invoices/:invoiceNumber/pdf', { schema: { tags, summary: '請求書PDF（適格請求書）', params: InvoiceParams } }, async (request, reply) => {
    await wait(request);
    const store = storeOf(request);
    const doc = await store.get(INVOICES, request.params.invoiceNumber);
    if (!doc) throw new DomainError('not_found', '請求書が見つかりません。');
    const invoice = publicDoc(doc) as InvoiceViewType;
    return download(reply, { body: await renderPdf(invoicePdfSpec(invoice)), contentType: 'application/pdf', filename: `請求書_${invoice.invoiceNumber}.pdf` });
  });

  app.get('/api/receivables', { schema: { tags, summary: '売掛金（未入金）と年齢調べ', querystring: ReceivablesQuery, response: { 200: Receivables } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return receivables(await allRows(store, INVOICES, { state: 'current', outstanding: { $gt: 0 } }), today(request));
  });

  app.get('/api/reports/sales-plan-actual', { schema: { tags, summary: '月次売上予実（月×組織）', querystring: PeriodQuery, response: { 200: PlanActualReport } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return planActual(store, request.query);
  });

  app.get('/api/reports/sales-plan-actual/projects', { schema: { tags, summary: '月次売上予実の案件別内訳', querystring: PlanActualDrillQuery, response: { 200: Type.Object({ items: Type.Array(MonthlySalesView) }) } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    const docs = await allRows(store, MONTHLY_SALES, { month: request.query.month, orgUnitId: request.query.orgUnitId }, { projectNumber: 1 });
    return { items: docs.map((d) => publicDoc(d) as MonthlySalesViewType) };
  });

  app.get('/api/reports/sales-by-customer', { schema: { tags, summary: '顧客別売上', querystring: PeriodQuery, response: { 200: SalesByReport } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return { rows: await salesBy(store, 'customerId', request.query) };
  });

  app.get('/api/reports/sales-by-contract-type', { schema: { tags, summary: '契約形態別売上', querystring: PeriodQuery, response: { 200: SalesByReport } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return { rows: await salesBy(store, 'contractType', request.query) };
  });

  app.get('/api/dashboard', { schema: { tags, summary: 'ホームダッシュボード', response: { 200: Dashboard } } }, async (request) => {
    await wait(request);
    const store = storeOf(request);
    return dashboard(store, today(request));
  });

  app.get('/api/exports/:list', { schema: { tags, summary: '一覧のCSV・Excel出力', params: ExportParams, querystring: ExportQuery } }, async (request, reply) => {
    await wait(request);
    const store = storeOf(request);
    return download(reply, await exportList(store, request.params.list, { ...request.query, asOf: today(request) }, today(request)));
  });
}
