import type { EventStore, RecordedEvent } from '@sss/contracts/ports/event-store';
import type { FormValues } from '@sss/contracts/ports/workflow';
import type { ProjectEvent } from '@sss/contracts/project/events';
import type { MonthlySalesEvent } from '@sss/contracts/sales/events';
import { summarize } from '@sss/contracts/project/summaries';
import type { RingiEvent, RingiKind } from '@sss/contracts/ringi/events';
import { RINGI_KIND_LABELS } from '@sss/contracts/ringi/events';
import { loadProject } from '../project/handlers.ts';
import { DEFAULT_FORM_MAPPING, toFormValues, type FormMapping, type SssValues } from './form-mapping.ts';
import { shortenTitle } from './title.ts';

/**
 * Turns a business request event into the 稟議 to file: which route, as whom, with which form
 * values. The values are frozen into `RingiRequested`, so a retry files what the applicant asked
 * for even if the project changes meanwhile (it cannot: a project in 稟議 is frozen, but a month is not).
 */

export type RingiRoutes = Readonly<Record<RingiKind, number>>;

export interface RingiRequestDeps {
  readonly events: EventStore;
  readonly routes: RingiRoutes;
  /** SSS user e-mail → workflow login id, for users whose CollaboFlow login is not set (default: the part before `@`). */
  readonly loginOf: (email: string) => string;
  /** Where each value goes on the tenant's form (default: the built-in simulator's forms). */
  readonly formMapping?: FormMapping;
}

type Requested = Extract<RingiEvent, { type: 'RingiRequested' }>['data'];
type ApprovalRequested = Extract<ProjectEvent, { type: 'ProjectApprovalRequested' }>['data'];
type SalesCheckRequested = Extract<MonthlySalesEvent, { type: 'SalesCheckRequested' }>['data'];

/** The events that open a 稟議, and the ringi id each one carries (or, for a month, its own event id). */
export function ringiTrigger(event: RecordedEvent): { ringiId: string; kind: RingiKind } | null {
  if (event.type === 'ProjectApprovalRequested' && event.streamName.startsWith('project-')) {
    const data = event.data as ApprovalRequested;
    return { ringiId: data.ringiId, kind: data.kind };
  }
  if (event.type === 'SalesCheckRequested' && event.streamName.startsWith('monthlysales-')) return { ringiId: event.metadata.eventId, kind: 'sales_check' };
  return null;
}

/** The user's CollaboFlow login as set on the user (ユーザー管理), else derived from their e-mail. */
async function workflowLoginOf(events: EventStore, userId: string, loginOf: (email: string) => string): Promise<string> {
  let email = userId;
  let login: string | null = null;
  for (const e of await events.readStream(`user-${userId}`)) {
    if (e.type === 'UserRegistered') email = String((e.data as { email: string }).email);
    if (e.type === 'UserWorkflowLoginChanged') login = (e.data as { workflowLogin: string | null }).workflowLogin;
  }
  return login ?? loginOf(email);
}

async function customerName(events: EventStore, companyId: string): Promise<string> {
  let name = '';
  for (const e of await events.readStream(`company-${companyId}`)) {
    const data = e.data as { formalName?: string; name?: string };
    if (e.type === 'CompanyRegistered' || e.type === 'CompanyEdited') name = data.formalName || data.name || name;
  }
  return name;
}

async function planProjectNumber(events: EventStore, monthStream: string): Promise<string> {
  for (const e of await events.readStream(monthStream)) if (e.type === 'MonthlyPlanSet') return String((e.data as { projectNumber: string }).projectNumber);
  return '';
}

export async function buildRingiRequest(deps: RingiRequestDeps, event: RecordedEvent, ringiId: string, kind: RingiKind, at: string): Promise<Requested> {
  const projectId = kind === 'sales_check' ? (event.data as SalesCheckRequested).projectId : (event.data as ApprovalRequested).projectId;
  const project = await loadProject(deps.events, projectId);
  const basics = project.basics;
  const customer = basics ? await customerName(deps.events, basics.customerCompanyId) : '';
  const requestedBy = kind === 'sales_check' ? event.metadata.actor : (event.data as ApprovalRequested).by;
  const actAs = await workflowLoginOf(deps.events, requestedBy, deps.loginOf);
  // A month knows its project number from the plan even when the project stream is elsewhere.
  const projectNumber = project.projectNumber || (kind === 'sales_check' ? await planProjectNumber(deps.events, event.streamName) : '') || projectId;
  const projectName = basics?.name || projectNumber;
  const common = { projectNumber, projectName, customer: customer || '（未登録）' };
  let fields: SssValues;
  let month: string | null = null;
  if (kind === 'sales_check') {
    const data = event.data as SalesCheckRequested;
    month = data.month;
    fields = { ...common, targetMonth: data.month, salesAmount: data.totals.net, taxAmount: data.totals.tax, invoiceAmount: data.totals.gross };
  } else {
    const revenue = summarize(project.resources).total.revenue;
    fields = {
      ...common,
      amount: revenue,
      ...(basics ? { periodFrom: basics.startDate, periodTo: basics.endDate } : {}),
      summary: (event.data as ApprovalRequested).comment,
    };
  }
  const values: FormValues = toFormValues((deps.formMapping ?? DEFAULT_FORM_MAPPING).kinds[kind], fields);
  const label = RINGI_KIND_LABELS[kind];
  return {
    ringiId,
    kind,
    subject: { projectId, projectNumber, projectName, month },
    requestedBy,
    actAs,
    routeId: deps.routes[kind],
    title: shortenTitle(`${label} ${projectNumber} ${projectName}${month ? ` ${month}` : ''}`),
    values,
    comment: kind === 'sales_check' ? '' : (event.data as ApprovalRequested).comment,
    sourceStream: event.streamName,
    sourceEventId: event.metadata.eventId,
    at,
  };
}
