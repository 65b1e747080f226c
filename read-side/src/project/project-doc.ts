import type { EventTypeIn, RecordedOf } from '@sss/contracts/events/registry';
import type { Doc } from '@sss/contracts/ports/read-store';
import type { ApprovalDecisionData, ProjectResource } from '@sss/contracts/project/events';
import { APPROVAL_KIND_LABELS, RESOURCE_KIND_LABELS, type ApprovalOutcome } from '@sss/contracts/project/fields';
import { PROJECT_STATUS_LABELS } from '@sss/contracts/project/status';
import type { ProjectDetail, ResourceView } from '@sss/contracts/project/views';
import type { DocChange, DocReader } from '../projector/projection.ts';
import { companyOf, orgUnitOf, personOf } from './copies.ts';
import { projectSummary } from './summary.ts';
import { rememberRefs } from './project-refs.ts';

/**
 * 案件 documents: one per project, already in the 案件詳細 shape (minus the summary, computed on
 * read from the rows) plus flat fields the list filters, sorts and searches on.
 */

export const PROJECTS = 'projects';

/** What is stored: the detail without its summary, and the list's search and sort fields. */
export type ProjectDoc = Doc &
  Omit<ProjectDetail, 'summary'> & {
    customerKana: string;
    leaderEmployeeId: string;
    customerCompanyId: string;
    supervisingOrgUnitId: string;
    pendingApproval: { ringiId: string; kind: ProjectDetail['approvals'][number]['kind'] } | null;
    orderRingiNumber: string | null;
    revenue: number;
    cost: number;
    grossProfit: number;
    grossMarginPercent: string | null;
  };

async function resourceView(docs: DocReader, r: ProjectResource): Promise<ResourceView> {
  const base = { resourceNo: r.resourceNo, kind: r.kind, kindLabel: RESOURCE_KIND_LABELS[r.kind], name: r.name, cost: r.cost, quotedUnitPrice: r.quotedUnitPrice, effort: r.effort };
  const none = { employeeId: null, employeeNo: null, email: null, classRank: null, partnerId: null, partnerCompany: null, expenseType: null };
  switch (r.kind) {
    case 'employee':
      return { ...base, ...none, title: r.title, workSummary: r.workSummary, employeeId: r.employeeId, employeeNo: r.employeeNo, email: r.email, classRank: r.classRank };
    case 'partner': {
      const company = await companyOf(docs, r.partnerCompanyId);
      return { ...base, ...none, title: r.title, workSummary: r.workSummary, partnerId: r.partnerId, partnerCompany: { id: company.id, name: company.name } };
    }
    case 'expense':
      return { ...base, ...none, title: '', workSummary: r.workSummary, expenseType: r.expenseType };
  }
}

/** Totals the list shows, from the same pure summary the detail uses, so both always agree. */
function withTotals(doc: ProjectDoc): ProjectDoc {
  const { total } = projectSummary(doc);
  return { ...doc, revenue: total.revenue, cost: total.cost, grossProfit: total.grossProfit, grossMarginPercent: total.grossMarginPercent };
}

const OUTCOME_OF: Record<string, ApprovalOutcome> = {
  ProjectApprovalGranted: 'approved',
  ProjectApprovalRejected: 'rejected',
  ProjectApprovalSentBack: 'sent_back',
  ProjectApprovalWithdrawn: 'withdrawn',
};

export async function projectDocChanges(event: RecordedOf<EventTypeIn<'project'>>, docs: DocReader): Promise<DocChange[]> {
  const e = event;
  const id = e.data.projectId;
  const stamp = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
  const put = (doc: ProjectDoc): DocChange[] => [{ op: 'put', collection: PROJECTS, doc: withTotals({ ...doc, ...stamp }) }];

  if (e.type === 'ProjectRegistered') {
    const d = e.data;
    const customer = await companyOf(docs, d.customerCompanyId);
    const byName = await personOf(docs, d.by);
    const refs = await rememberRefs(docs, id, d.customerCompanyId, d.supervisingOrgUnitId);
    return [...refs, ...put({
      _id: id, id, revision: '', projectNumber: d.projectNumber, name: d.name,
      customer: { id: customer.id, name: customer.name }, customerKana: customer.kana, customerCompanyId: d.customerCompanyId,
      supervisingOrgUnit: await orgUnitOf(docs, d.supervisingOrgUnitId), supervisingOrgUnitId: d.supervisingOrgUnitId,
      accountingUnit: d.accountingUnit, leader: d.leader, leaderEmployeeId: d.leader.employeeId, businessSegment: d.businessSegment, salesInfo: d.salesInfo,
      startDate: d.startDate, endDate: d.endDate, resale: d.resale, billingType: d.billingType,
      status: 'proposing', statusLabel: PROJECT_STATUS_LABELS.proposing, copiedFrom: d.copiedFrom,
      resources: [], billingSchedule: null,
      statusHistory: [{ from: null, to: 'proposing', toLabel: PROJECT_STATUS_LABELS.proposing, reason: d.copiedFrom ? `${d.copiedFrom.projectNumber} からコピー` : '新規登録', ringiId: null, by: d.by, byName, at: d.at }],
      approvals: [], pendingApproval: null, openSalesMonths: [], estimateId: null, orderId: null, orderRingiNumber: null,
      registeredBy: byName, registeredAt: d.at, updatedAt: d.at, revenue: 0, cost: 0, grossProfit: 0, grossMarginPercent: null,
    })];
  }
  const doc = (await docs.get(PROJECTS, id)) as ProjectDoc | null;
  if (!doc) return [];
  switch (e.type) {
    case 'ProjectBasicsEdited': {
      const d = e.data;
      const customer = await companyOf(docs, d.customerCompanyId);
      const refs = await rememberRefs(docs, id, d.customerCompanyId, d.supervisingOrgUnitId);
      return [...refs, ...put({
        ...doc, name: d.name, customer: { id: customer.id, name: customer.name }, customerKana: customer.kana, customerCompanyId: d.customerCompanyId,
        supervisingOrgUnit: await orgUnitOf(docs, d.supervisingOrgUnitId), supervisingOrgUnitId: d.supervisingOrgUnitId,
        accountingUnit: d.accountingUnit, leader: d.leader, leaderEmployeeId: d.leader.employeeId, businessSegment: d.businessSegment, salesInfo: d.salesInfo,
        startDate: d.startDate, endDate: d.endDate, resale: d.resale, billingType: d.billingType,
      })];
    }
    case 'ResourceAdded':
      return put({ ...doc, resources: [...doc.resources, await resourceView(docs, e.data.resource)] });
    case 'ResourceEdited': {
      const view = await resourceView(docs, e.data.resource);
      return put({ ...doc, resources: doc.resources.map((r) => (r.resourceNo === view.resourceNo ? view : r)) });
    }
    case 'ResourceRemoved':
      return put({ ...doc, resources: doc.resources.filter((r) => r.resourceNo !== e.data.resourceNo) });
    case 'MonthlyEffortSet': {
      const apply = (effort: Record<string, string>) => {
        const next = { ...effort };
        for (const [month, value] of Object.entries(e.data.efforts)) {
          if (value === '0') delete next[month];
          else next[month] = value;
        }
        return next;
      };
      return put({ ...doc, resources: doc.resources.map((r) => (r.resourceNo === e.data.resourceNo ? { ...r, effort: apply(r.effort) } : r)) });
    }
    case 'EmployeeCostsRefreshed': {
      const costs = new Map(e.data.changes.map((c) => [c.resourceNo, c.cost]));
      return put({ ...doc, resources: doc.resources.map((r) => ({ ...r, cost: costs.get(r.resourceNo) ?? r.cost })) });
    }
    case 'BillingScheduleSet': {
      const s = e.data.schedule;
      return put({ ...doc, billingSchedule: { ...s, lines: s.lines.map((l) => ({ ...l })), total: s.lines.reduce((t, l) => t + l.amount, 0) } });
    }
    case 'ProjectApprovalRequested': {
      const d = e.data;
      const approval = {
        ringiId: d.ringiId, kind: d.kind, kindLabel: APPROVAL_KIND_LABELS[d.kind], requestedBy: await personOf(docs, d.by), requestedAt: d.at, comment: d.comment,
        estimateId: d.estimateId, estimateVersion: d.estimateVersion, outcome: null, ringiNumber: '', decidedBy: null, decidedAt: null, decisionComment: '',
      };
      return put({ ...doc, approvals: [...doc.approvals, approval], pendingApproval: { ringiId: d.ringiId, kind: d.kind } });
    }
    case 'ProjectApprovalGranted':
    case 'ProjectApprovalRejected':
    case 'ProjectApprovalSentBack':
    case 'ProjectApprovalWithdrawn': {
      const d: ApprovalDecisionData = e.data;
      const approvals = doc.approvals.map((a) =>
        a.ringiId === d.ringiId ? { ...a, outcome: OUTCOME_OF[e.type]!, ringiNumber: d.ringiNumber, decidedBy: d.decidedBy, decidedAt: d.decidedAt, decisionComment: d.comment } : a,
      );
      const orderRingiNumber = e.type === 'ProjectApprovalGranted' && d.kind === 'order' && d.ringiNumber ? d.ringiNumber : doc.orderRingiNumber;
      return put({ ...doc, approvals, pendingApproval: doc.pendingApproval?.ringiId === d.ringiId ? null : doc.pendingApproval, orderRingiNumber });
    }
    case 'ProjectStatusChanged': {
      const d = e.data;
      const entry = { from: d.from, to: d.to, toLabel: PROJECT_STATUS_LABELS[d.to], reason: d.reason, ringiId: d.ringiId, by: d.by, byName: await personOf(docs, d.by), at: d.at };
      return put({ ...doc, status: d.to, statusLabel: PROJECT_STATUS_LABELS[d.to], statusHistory: [...doc.statusHistory, entry] });
    }
    case 'SalesActualProcessingStarted':
      return put({ ...doc, openSalesMonths: [...new Set([...doc.openSalesMonths, e.data.month])].sort() });
    case 'SalesActualProcessingFinished':
      return put({ ...doc, openSalesMonths: doc.openSalesMonths.filter((m) => m !== e.data.month) });
  }
}

/** Links from the estimate and order streams onto the project (ids, 受注稟議番号). */
export async function linkToProject(docs: DocReader, projectId: string, patch: Partial<ProjectDoc>): Promise<DocChange[]> {
  const doc = (await docs.get(PROJECTS, projectId)) as ProjectDoc | null;
  return doc ? [{ op: 'put', collection: PROJECTS, doc: { ...doc, ...patch } }] : [];
}
