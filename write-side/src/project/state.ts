import type { ApprovalKind, ApprovalOutcome } from '@sss/contracts/project/fields';
import type { ProjectEvent, ProjectResource, RecordedBillingSchedule } from '@sss/contracts/project/events';
import type { ProjectBasics } from '@sss/contracts/project/schemas';
import type { ProjectStatus } from '@sss/contracts/project/status';

/** What the Project decider remembers of its events: only what a later decision needs. */
export interface ProjectState {
  readonly exists: boolean;
  readonly projectId: string;
  readonly projectNumber: string;
  readonly basics: ProjectBasics | null;
  readonly status: ProjectStatus;
  /** 月毎明細 rows in display order. */
  readonly resources: readonly ProjectResource[];
  /** Highest resource no. ever given (maxResourceCount): numbers of removed rows are not reused. */
  readonly lastResourceNo: number;
  readonly billingSchedule: RecordedBillingSchedule | null;
  readonly pendingApproval: { readonly ringiId: string; readonly kind: ApprovalKind; readonly requestedFrom: ProjectStatus; readonly requestedAt: string } | null;
  /** Last outcome per 稟議, so a webhook delivered twice changes nothing. */
  readonly approvalOutcomes: Readonly<Record<string, ApprovalOutcome>>;
  /** Months whose 売上実績・請求確認 flow is open; the project is 売上実績処理中 while any is. */
  readonly openSalesMonths: readonly string[];
}

export const initialProjectState: ProjectState = {
  exists: false,
  projectId: '',
  projectNumber: '',
  basics: null,
  status: 'proposing',
  resources: [],
  lastResourceNo: 0,
  billingSchedule: null,
  pendingApproval: null,
  approvalOutcomes: {},
  openSalesMonths: [],
};

function withOutcome(state: ProjectState, ringiId: string, outcome: ApprovalOutcome): ProjectState {
  return { ...state, pendingApproval: null, approvalOutcomes: { ...state.approvalOutcomes, [ringiId]: outcome } };
}

function applyEfforts(resource: ProjectResource, efforts: Readonly<Record<string, string>>): ProjectResource {
  const effort = { ...resource.effort };
  for (const [month, value] of Object.entries(efforts)) {
    if (value === '0') delete effort[month];
    else effort[month] = value;
  }
  return { ...resource, effort };
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { projectId, projectNumber, status, copiedFrom: _c, by: _b, at: _a, ...basics } = event.data;
      return { ...initialProjectState, exists: true, projectId, projectNumber, status, basics };
    }
    case 'ProjectBasicsEdited': {
      const { projectId: _p, changed: _c, ...basics } = event.data;
      return { ...state, basics };
    }
    case 'ResourceAdded':
      return { ...state, resources: [...state.resources, event.data.resource], lastResourceNo: Math.max(state.lastResourceNo, event.data.resource.resourceNo) };
    case 'ResourceEdited':
      return { ...state, resources: state.resources.map((r) => (r.resourceNo === event.data.resource.resourceNo ? event.data.resource : r)) };
    case 'ResourceRemoved':
      return { ...state, resources: state.resources.filter((r) => r.resourceNo !== event.data.resourceNo) };
    case 'MonthlyEffortSet':
      return { ...state, resources: state.resources.map((r) => (r.resourceNo === event.data.resourceNo ? applyEfforts(r, event.data.efforts) : r)) };
    case 'EmployeeCostsRefreshed': {
      const costs = new Map(event.data.changes.map((c) => [c.resourceNo, c.cost]));
      return { ...state, resources: state.resources.map((r) => ({ ...r, cost: costs.get(r.resourceNo) ?? r.cost })) };
    }
    case 'BillingScheduleSet':
      return { ...state, billingSchedule: event.data.schedule };
    case 'ProjectApprovalRequested': {
      const { ringiId, kind, requestedFrom, at } = event.data;
      return { ...state, pendingApproval: { ringiId, kind, requestedFrom, requestedAt: at } };
    }
    case 'ProjectApprovalGranted':
      return withOutcome(state, event.data.ringiId, 'approved');
    case 'ProjectApprovalRejected':
      return withOutcome(state, event.data.ringiId, 'rejected');
    case 'ProjectApprovalSentBack':
      return withOutcome(state, event.data.ringiId, 'sent_back');
    case 'ProjectApprovalWithdrawn':
      return withOutcome(state, event.data.ringiId, 'withdrawn');
    case 'ProjectStatusChanged':
      return { ...state, status: event.data.to };
    case 'SalesActualProcessingStarted':
      return { ...state, openSalesMonths: [...state.openSalesMonths, event.data.month].sort() };
    case 'SalesActualProcessingFinished':
      return { ...state, openSalesMonths: state.openSalesMonths.filter((m) => m !== event.data.month) };
  }
}
