import type { EventStore } from '@sss/contracts/ports/event-store';
import type { FormValues } from '@sss/contracts/ports/workflow';
import { isEventOf, type RecordedOf } from '@sss/contracts/events/registry';
import { streams } from '@sss/contracts/streams/names';
import { summarize } from '@sss/contracts/project/summaries';
import type { RingiEvent, RingiKind } from '@sss/contracts/ringi/events';
import { RINGI_KIND_LABELS } from '@sss/contracts/ringi/events';
import type { InvoiceTotals, TaxRate } from '@sss/contracts/sales/tax';
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

/** The events that open a 稟議: the process manager handles exactly these. */
export const RINGI_TRIGGERS = ['ProjectApprovalRequested', 'SalesCheckRequested'] as const;
export type RingiTriggerEvent = RecordedOf<(typeof RINGI_TRIGGERS)[number]>;

/** The ringi id each trigger carries (or, for a month, its own event id) and the kind of 稟議 it opens. */
export function ringiTrigger(event: RingiTriggerEvent): { ringiId: string; kind: RingiKind } {
  if (event.type === 'ProjectApprovalRequested') return { ringiId: event.data.ringiId, kind: event.data.kind };
  return { ringiId: event.metadata.eventId, kind: 'sales_check' };
}

/** The user's CollaboFlow login as set on the user (ユーザー管理), else derived from their e-mail. */
async function workflowLoginOf(events: EventStore, userId: string, loginOf: (email: string) => string): Promise<string> {
  let email = userId;
  let login: string | null = null;
  for (const e of await events.readStream(streams.user(userId))) {
    if (isEventOf(e, ['UserRegistered'])) email = String(e.data.email);
    if (isEventOf(e, ['UserWorkflowLoginChanged'])) login = e.data.workflowLogin;
  }
  return login ?? loginOf(email);
}

async function customerName(events: EventStore, companyId: string): Promise<string> {
  let name = '';
  for (const e of await events.readStream(streams.company(companyId))) {
    if (isEventOf(e, ['CompanyRegistered', 'CompanyEdited'])) name = e.data.formalName || e.data.name || name;
  }
  return name;
}

async function planProjectNumber(events: EventStore, monthStream: string): Promise<string> {
  for (const e of await events.readStream(monthStream)) if (isEventOf(e, ['MonthlyPlanSet'])) return String(e.data.projectNumber);
  return '';
}

/** 税抜・消費税・税込 per rate; a rate the invoice does not use is 0, so the approver sees it is absent. */
function perRateFields(totals: InvoiceTotals): SssValues {
  const of = (rate: TaxRate) => totals.byRate.find((r) => r.taxRate === rate) ?? { net: 0, tax: 0, gross: 0 };
  const r10 = of(10);
  const r8 = of(8);
  return { invoiceNet10: r10.net, invoiceTax10: r10.tax, invoiceGross10: r10.gross, invoiceNet8: r8.net, invoiceTax8: r8.tax, invoiceGross8: r8.gross };
}

export async function buildRingiRequest(deps: RingiRequestDeps, event: RingiTriggerEvent, ringiId: string, kind: RingiKind, at: string): Promise<Requested> {
  const projectId = event.data.projectId;
  const project = await loadProject(deps.events, projectId);
  const basics = project.basics;
  const customer = basics ? await customerName(deps.events, basics.customerCompanyId) : '';
  const requestedBy = event.type === 'SalesCheckRequested' ? event.metadata.actor : event.data.by;
  const actAs = await workflowLoginOf(deps.events, requestedBy, deps.loginOf);
  // A month knows its project number from the plan even when the project stream is elsewhere.
  const projectNumber = project.projectNumber || (kind === 'sales_check' ? await planProjectNumber(deps.events, event.streamName) : '') || projectId;
  const projectName = basics?.name || projectNumber;
  const common = { projectNumber, projectName, customer: customer || '（未登録）' };
  let fields: SssValues;
  let month: string | null = null;
  if (event.type === 'SalesCheckRequested') {
    const data = event.data;
    month = data.month;
    // The approver sees the invoice that will be issued, per tax rate; a request from before the invoice totals existed shows the sales actual.
    const invoice = data.invoiceTotals;
    fields = { ...common, targetMonth: data.month, salesAmount: data.totals.net, taxAmount: data.totals.tax, invoiceAmount: invoice ? invoice.gross : data.totals.gross, ...(invoice ? perRateFields(invoice) : {}) };
  } else {
    const revenue = summarize(project.resources).total.revenue;
    fields = {
      ...common,
      amount: revenue,
      ...(basics ? { periodFrom: basics.startDate, periodTo: basics.endDate } : {}),
      summary: event.data.comment,
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
    // A correction's 稟議 tells the approver which issued invoice the new totals would replace.
    comment: event.type === 'SalesCheckRequested' ? (event.data.correctionOf ? `${event.data.correctionOf} の訂正請求書（請求金額の変更）` : '') : event.data.comment,
    sourceStream: event.streamName,
    sourceEventId: event.metadata.eventId,
    at,
  };
}
