import { createHash } from 'node:crypto';
import type { EventStore } from '@sss/contracts/ports/event-store';
import type { CompanyEvent } from '@sss/contracts/company/events';
import type { ProjectEvent } from '@sss/contracts/project/events';
import type { MonthlyKey, MonthlySalesEvent } from '@sss/contracts/sales/events';
import type { SalesReportContent } from '@sss/contracts/sales/sales-report';
import { streams } from '@sss/contracts/streams/names';
import { fold } from '../kernel/decider.ts';
import { loadStream } from '../kernel/command-handler.ts';
import { canonicalJson } from '../eventstore/metadata.ts';
import { projectDecider } from '../project/decider.ts';
import { companyDecider } from '../company/decider.ts';

/**
 * What a 売上連絡票 prints, read at the moment of issue from the streams that hold it (docs/as-of.md
 * §Issued documents): the month's plan and last sales actual from its own stream, the project's number,
 * name and 契約形態 and the customer's name from theirs. The event store is the source, as for the
 * invoice's address (`recipient-at-issue.ts`): an issue must not depend on a projection being caught up.
 */
export async function salesReportAtIssue(events: EventStore, key: MonthlyKey): Promise<SalesReportContent> {
  const month = (await loadStream<MonthlySalesEvent>(events, streams.monthlySales(key.projectId, key.month))).domain;
  const project = fold(projectDecider, (await loadStream<ProjectEvent>(events, streams.project(key.projectId))).domain);
  const customerId = project.basics?.customerCompanyId ?? '';
  const company = customerId ? fold(companyDecider, (await loadStream<CompanyEvent>(events, streams.company(customerId))).domain) : null;
  let plan: { revenue: number; projectNumber: string } | null = null;
  let actual: Extract<MonthlySalesEvent, { type: 'SalesActualRecorded' }>['data'] | null = null;
  for (const e of month) {
    if (e.type === 'MonthlyPlanSet') plan = e.data;
    if (e.type === 'SalesActualRecorded') actual = e.data;
  }
  const draft = actual?.invoice;
  return {
    projectNumber: project.projectNumber || plan?.projectNumber || '',
    projectName: project.basics?.name ?? '',
    customerId,
    customerName: company?.details?.name ?? '',
    month: key.month,
    contractType: project.basics?.salesInfo.contractType ?? '',
    planRevenue: plan?.revenue ?? 0,
    labourSales: actual?.labourSales ?? 0,
    settlement: actual?.settlement ?? { amount: 0, reason: '' },
    taxRate: actual?.taxRate ?? 10,
    expenses: actual?.expenses ?? [],
    expenseSales: actual?.expenseSales ?? 0,
    actualNet: actual?.totals.net ?? 0,
    actualTax: actual?.totals.tax ?? 0,
    actualGross: actual?.totals.gross ?? 0,
    recipientName: draft?.recipientName ?? '',
    invoiceDate: draft?.invoiceDate ?? '',
    dueDate: draft?.dueDate ?? '',
    paymentTerms: draft?.paymentTerms ?? '',
    poNumber: draft?.poNumber ?? '',
  };
}

/** SHA-256 of the content's canonical JSON (keys sorted): the same content always hashes the same. */
export const salesReportHash = (content: SalesReportContent): string => createHash('sha256').update(canonicalJson(content)).digest('hex');
