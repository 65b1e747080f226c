import type { Doc, Filter, ReadStore } from '@sss/contracts/ports/read-store';
import type { IssuedDocument, IssuedDocumentQuery } from '@sss/contracts/audit/document-search';
import type { EstimateView } from '@sss/contracts/project/views';
import { DomainError } from '@sss/contracts/http/problem';
import { allRows, type RowBound } from '../http/all-rows.ts';
import { ESTIMATES } from '../project/estimate-doc.ts';
import { PROJECTS } from '../project/project-doc.ts';
import { SALES_REPORTS } from '../sales/projection.ts';
import type { IssuedSalesReport } from '@sss/contracts/sales/sales-report';

/**
 * 電子帳簿保存法 search of 見積書 and 売上連絡票 (docs/audit.md §電子帳簿保存法 search): 取引年月日 range,
 * 金額 range and 取引先, combined. 売上連絡票 are the issued ones, filtered in the store (one document per
 * issue, by the 請求日, 売上実績（税込） and customer frozen at issue); 見積書 are versions inside one document per estimate, which the store's filter
 * language cannot reach into, so their estimates are read (narrowed to the customer's projects when a
 * 取引先 is given) and the issued versions filtered here. A search that would read more than 10,000
 * estimates is refused (allRows) with a problem asking for a 取引先, never answered short.
 */
const ESTIMATE_BOUND: RowBound = { max: 10_000, field: 'customerId', narrow: '取引先を指定して絞り込んでください。' };
const SALES_REPORT_BOUND: RowBound = { max: 10_000, field: 'from', narrow: '期間か取引先で絞り込んでください。' };

const inRange = (value: string | number, min: string | number | undefined, max: string | number | undefined) => (min === undefined || value >= min) && (max === undefined || value <= max);

async function estimates(store: ReadStore, q: IssuedDocumentQuery): Promise<IssuedDocument[]> {
  const projects = new Map<string, Doc>();
  let filter: Filter = {};
  if (q.customerId) {
    for (const p of await allRows(store, PROJECTS, { customerCompanyId: q.customerId }, undefined, ESTIMATE_BOUND)) projects.set(p._id, p);
    filter = { projectId: { $in: [...projects.keys()] } };
  }
  const docs = await allRows(store, ESTIMATES, filter, undefined, ESTIMATE_BOUND);
  const found: IssuedDocument[] = [];
  for (const doc of docs) {
    const estimate = doc as unknown as EstimateView;
    const project = projects.get(estimate.projectId) ?? (await store.get(PROJECTS, estimate.projectId));
    if (!project) continue;
    const customer = project.customer as { id: string; name: string };
    for (const v of estimate.versions) {
      if (v.status !== 'issued' || !v.issuedOn || !v.estimateNumber) continue;
      if (!inRange(v.issuedOn, q.from, q.to) || !inRange(v.total, q.minAmount, q.maxAmount)) continue;
      found.push({
        kind: 'estimate', number: v.estimateNumber, date: v.issuedOn, amount: v.total, customerId: customer.id, customerName: customer.name,
        projectId: estimate.projectId, projectNumber: estimate.projectNumber, projectName: estimate.projectName, version: v.version,
      });
    }
  }
  return found;
}

async function salesReports(store: ReadStore, q: IssuedDocumentQuery): Promise<IssuedDocument[]> {
  const and: Filter[] = [];
  if (q.from) and.push({ date: { $gte: q.from } });
  if (q.to) and.push({ date: { $lte: q.to } });
  if (q.minAmount !== undefined) and.push({ amount: { $gte: q.minAmount } });
  if (q.maxAmount !== undefined) and.push({ amount: { $lte: q.maxAmount } });
  if (q.customerId) and.push({ customerId: q.customerId });
  const docs = await allRows(store, SALES_REPORTS, and.length ? { $and: and } : {}, undefined, SALES_REPORT_BOUND);
  return docs.map((d) => {
    const { issueNo, content: c } = d as unknown as IssuedSalesReport;
    return {
      kind: 'sales_report' as const, number: `${c.projectNumber} ${c.month} 第${issueNo}版`, date: c.invoiceDate, amount: c.actualGross,
      customerId: c.customerId, customerName: c.customerName, projectId: d.projectId as string, projectNumber: c.projectNumber, projectName: c.projectName, month: c.month, issueNo,
    };
  });
}

/** Both kinds (or the one asked for), newest 取引年月日 first. */
export async function searchIssuedDocuments(store: ReadStore, q: IssuedDocumentQuery): Promise<IssuedDocument[]> {
  if (q.from && q.to && q.from > q.to) throw DomainError.field('validation_failed', 'to', '取引年月日（まで）は（から）以降の日付にしてください。');
  if (q.minAmount !== undefined && q.maxAmount !== undefined && q.minAmount > q.maxAmount) throw DomainError.field('validation_failed', 'maxAmount', '金額（以下）は金額（以上）以上にしてください。');
  const [a, b] = await Promise.all([q.kind !== 'sales_report' ? estimates(store, q) : [], q.kind !== 'estimate' ? salesReports(store, q) : []]);
  return [...a, ...b].sort((x, y) => (x.date === y.date ? x.number.localeCompare(y.number) : x.date < y.date ? 1 : -1));
}
