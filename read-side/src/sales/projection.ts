import type { Doc } from '@sss/contracts/ports/read-store';
import { eventTypesIn, isEventOf, type EventTypeIn, type RecordedOf } from '@sss/contracts/events/registry';
import { defineProjection, type DocChange, type DocReader, type Projection } from '../projector/projection.ts';

/**
 * The sales context's read models: 月次売上 (one document per project-month: plan, actual, status,
 * the invoice draft) and 請求書 (one per invoice number, replaced ones kept and marked, with payments
 * and the outstanding balance). Project and customer facts (name, 主管部, 契約形態, customer name)
 * are copied from their own events into this projection's own collections, so it never waits for
 * another projection, and stamped on each month when it changes.
 */

export const MONTHLY_SALES = 'monthly_sales';
export const INVOICES = 'invoices';
/** Each issued 売上連絡票, its content as frozen at issue (`<projectId>_<month>_<issueNo>`). */
export const SALES_REPORTS = 'sales_reports';
export const SALES_PROJECTS = 'sales_projects';
const CUSTOMERS = 'sales_customers';
const CONFIRMED = ['awaiting_invoice', 'invoiced'];

type ProjectFacts = { projectNumber: string; projectName: string; customerId: string; customerName: string; orgUnitId: string; contractType: string; projectStatus: string };

async function projectFacts(docs: DocReader, projectId: string, pending: readonly DocChange[] = []): Promise<Partial<ProjectFacts>> {
  const written = pending.find((c): c is Extract<DocChange, { op: 'put' }> => c.op === 'put' && c.collection === SALES_PROJECTS && c.doc._id === projectId);
  const project = written?.doc ?? (await docs.get(SALES_PROJECTS, projectId));
  if (!project) return {};
  const customer = await docs.get(CUSTOMERS, project.customerId as string);
  return {
    projectNumber: project.projectNumber as string,
    projectName: project.name as string,
    customerId: project.customerId as string,
    customerName: (customer?.name as string | undefined) ?? '',
    orgUnitId: project.orgUnitId as string,
    contractType: project.contractType as string,
  };
}

const PROJECT_TYPES = ['ProjectRegistered', 'ProjectBasicsEdited', 'ProjectStatusChanged'] as const;

/**
 * A month copies its project's facts (name, customer, 組織, 契約形態) when the month changes; the project
 * remembers its months (`months`) so that an edit of the project re-stamps the copies already made —
 * otherwise 月次売上予実 and the draft 売上連絡票 showed a renamed project under its old name. Only the
 * copied facts change: the month's own revision stays that of its stream (the screen's if-match).
 */
async function projectChanges(e: RecordedOf<(typeof PROJECT_TYPES)[number]>, current: Doc | null, position: string, docs: DocReader): Promise<DocChange[]> {
  const put = (doc: Doc): DocChange[] => [{ op: 'put', collection: SALES_PROJECTS, doc }];
  switch (e.type) {
    case 'ProjectRegistered':
    case 'ProjectBasicsEdited': {
      const d = e.data;
      const number = e.type === 'ProjectRegistered' ? e.data.projectNumber : (current?.projectNumber as string | undefined) ?? '';
      const status = e.type === 'ProjectRegistered' ? e.data.status : (current?.status as string | undefined) ?? 'proposing';
      const months = (current?.months as string[] | undefined) ?? [];
      const changes = put({ _id: d.projectId, projectId: d.projectId, projectNumber: number, name: d.name, customerId: d.customerCompanyId, orgUnitId: d.supervisingOrgUnitId, contractType: d.salesInfo.contractType, status, months, updatedPosition: position });
      if (months.length === 0) return changes;
      const facts = await projectFacts(docs, d.projectId, changes);
      for (const month of months) {
        const copy = await docs.get(MONTHLY_SALES, `${d.projectId}_${month}`);
        if (copy) changes.push({ op: 'put', collection: MONTHLY_SALES, doc: { ...copy, ...facts } });
      }
      return changes;
    }
    case 'ProjectStatusChanged':
      return current ? put({ ...current, status: e.data.to }) : [];
    default:
      return [];
  }
}

/** The project remembers a month the first time the month appears (see `projectChanges`). */
async function rememberMonth(docs: DocReader, projectId: string, month: string): Promise<DocChange[]> {
  const project = await docs.get(SALES_PROJECTS, projectId);
  const months = (project?.months as string[] | undefined) ?? [];
  if (!project || months.includes(month)) return [];
  return [{ op: 'put', collection: SALES_PROJECTS, doc: { ...project, months: [...months, month] } }];
}

const emptyMonth = (projectId: string, month: string) => ({
  _id: `${projectId}_${month}`, id: `${projectId}_${month}`, projectId, month, orderId: '', status: 'unconfirmed',
  planRevenue: 0, planCost: 0, labourSales: 0, settlement: { amount: 0, reason: '' }, taxRate: 10, expenses: [], expenseCost: 0, expenseSales: 0,
  actualNet: 0, actualTax: 0, actualGross: 0, invoice: null, invoiceNumber: null, invoicedGross: 0, paid: 0, lastOutcome: null,
  projectNumber: '', projectName: '', customerId: '', customerName: '', orgUnitId: '', contractType: '',
});

async function monthlyChanges(event: RecordedOf<EventTypeIn<'monthlysales'>>, docs: DocReader): Promise<DocChange[]> {
  const e = event;
  const { projectId, month } = e.data;
  const id = `${projectId}_${month}`;
  const current: Doc = (await docs.get(MONTHLY_SALES, id)) ?? emptyMonth(projectId, month);
  const stamp = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt, ...(await projectFacts(docs, projectId)) };
  const month$ = (patch: Record<string, unknown>): DocChange => {
    const doc: Doc = { ...current, ...patch, ...stamp };
    // 予実 counts a month's actual once approved; groupSum can only add fields, so the figure is stored ready to add.
    const confirmedNet = CONFIRMED.includes(doc.status as string) ? (doc.actualNet as number) : 0;
    return { op: 'put', collection: MONTHLY_SALES, doc: { ...doc, confirmedNet } };
  };
  switch (e.type) {
    case 'MonthlyPlanSet':
      return [month$({ planRevenue: e.data.revenue, planCost: e.data.cost, orderId: e.data.orderId, projectNumber: e.data.projectNumber })];
    case 'SalesActualRecorded': {
      const { labourSales, settlement, taxRate, expenses, expenseCost, expenseSales, totals, roundingMode, invoice } = e.data;
      return [month$({ labourSales, settlement, taxRate, expenses, expenseCost, expenseSales, actualNet: totals.net, actualTax: totals.tax, actualGross: totals.gross, roundingMode, invoice })];
    }
    case 'SalesCheckRequested':
      // The 稟議 of a correction leaves the month 請求済; the screen says it is open.
      if (e.data.correctionOf) return [month$({ correctionChecking: true, requestedAt: event.metadata.occurredAt })];
      return [month$({ status: 'checking', requestedAt: event.metadata.occurredAt })];
    case 'MonthClosedWithoutBilling':
      return [month$({ status: 'closed_without_billing' })];
    case 'SalesCheckApproved': {
      const lastOutcome = { outcome: 'approved', comment: e.data.comment, at: event.metadata.occurredAt };
      return [month$(current.status === 'invoiced' ? { correctionChecking: false, lastOutcome } : { status: 'awaiting_invoice', lastOutcome })];
    }
    case 'SalesCheckReturned': {
      const lastOutcome = { outcome: e.data.outcome, comment: e.data.comment, at: event.metadata.occurredAt };
      return [month$(current.status === 'invoiced' ? { correctionChecking: false, lastOutcome } : { status: 'unconfirmed', lastOutcome })];
    }
    case 'InvoiceIssued': {
      const inv = e.data.invoice;
      const { recipientName, subject, poNumber, invoiceDate, dueDate, paymentTerms, contact, periodStart, periodEnd, lines } = inv;
      // The month's invoice fields follow the invoice in force, so a second correction starts from the first.
      const draft = { recipientName, subject, poNumber, invoiceDate, dueDate, paymentTerms, contact, periodStart, periodEnd, lines: lines.map(({ amount: _amount, ...line }) => line) };
      const changes: DocChange[] = [month$({ status: 'invoiced', invoiceNumber: inv.invoiceNumber, invoicedGross: inv.totals.gross, invoice: draft })];
      if (inv.replaces) {
        const old = await docs.get(INVOICES, inv.replaces);
        if (old) changes.push({ op: 'put', collection: INVOICES, doc: { ...old, state: 'replaced', replacedBy: inv.invoiceNumber, outstanding: 0 } });
      }
      // Payments follow the month: what was paid against the replaced invoice counts against its correction.
      const paid = current.paid as number;
      changes.push({
        op: 'put',
        collection: INVOICES,
        doc: {
          _id: inv.invoiceNumber, ...inv, projectId, month, ...stamp, state: 'current', replacedBy: null,
          gross: inv.totals.gross, net: inv.totals.net, tax: inv.totals.tax, paid, outstanding: inv.totals.gross - paid, payments: [], lastPaymentOn: null,
        },
      });
      return changes;
    }
    case 'PaymentRecorded':
    case 'InvoiceDifferenceSettled': {
      // A fee or discount settled at 入金消込 counts as paid (docs/finance.md §Confirming); the payment list says which it was.
      const invoice = await docs.get(INVOICES, e.data.invoiceNumber);
      const paid = (current.paid as number) + e.data.amount;
      const changes: DocChange[] = [month$({ paid })];
      const receivedOn = e.type === 'PaymentRecorded' ? e.data.receivedOn : e.data.settledOn;
      if (invoice) {
        const payment = e.type === 'PaymentRecorded' ? { amount: e.data.amount, receivedOn } : { amount: e.data.amount, receivedOn, kind: e.data.kind };
        const payments = [...(invoice.payments as unknown[]), payment];
        changes.push({ op: 'put', collection: INVOICES, doc: { ...invoice, paid, outstanding: (invoice.gross as number) - paid, payments, lastPaymentOn: receivedOn, updatedAt: event.metadata.occurredAt } });
      }
      return changes;
    }
    case 'SalesReportIssued': {
      const { issueNo, issuedOn, contentHash, content } = e.data.report;
      // The search fields of the 電帳法 search (取引年月日 = 請求日, 金額 = 売上実績（税込）, 取引先) are the issued ones.
      const doc: Doc = { _id: `${id}_${issueNo}`, projectId, month, issueNo, issuedOn, contentHash, content, date: content.invoiceDate, amount: content.actualGross, customerId: content.customerId };
      return [month$({ salesReportIssues: issueNo }), { op: 'put', collection: SALES_REPORTS, doc }];
    }
  }
}

export const salesProjection: Projection = defineProjection({
  name: 'sales',
  // v2: the issued 売上連絡票 (`sales_reports`) get a collection of the build's generation, not a plain name.
  version: 2,
  collections: {
    [MONTHLY_SALES]: [{ keys: { month: 1, orgUnitId: 1 } }, { keys: { projectId: 1, month: 1 } }, { keys: { status: 1 } }],
    [INVOICES]: [{ keys: { issuedOn: 1 } }, { keys: { state: 1, dueDate: 1 } }, { keys: { recipientName: 1 } }, { keys: { gross: 1 } }, { keys: { customerId: 1, state: 1 } }],
    [SALES_PROJECTS]: [{ keys: { status: 1 } }],
    [SALES_REPORTS]: [{ keys: { projectId: 1, month: 1 } }, { keys: { date: 1 } }, { keys: { customerId: 1, date: 1 } }],
    [CUSTOMERS]: [],
  },

  canHandle: ['CompanyRegistered', 'CompanyEdited', ...PROJECT_TYPES, ...eventTypesIn('monthlysales')],

  async project(event, docs) {
    if (event.type === 'CompanyRegistered' || event.type === 'CompanyEdited') {
      const { companyId, name } = event.data;
      return [{ op: 'put', collection: CUSTOMERS, doc: { _id: companyId, name } }];
    }
    if (isEventOf(event, PROJECT_TYPES)) return projectChanges(event, await docs.get(SALES_PROJECTS, event.data.projectId), event.position.toString(), docs);
    return [...(await monthlyChanges(event, docs)), ...(await rememberMonth(docs, event.data.projectId, event.data.month))];
  },
});
