import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { invoiceTotals, lineAmount, type RoundingMode } from '@sss/contracts/sales/tax';
import { correctInvoice, documentUrl, invoicePdfUrl, issueInvoice, issueSalesReport, recordPayment, recordSalesActual, requestCorrectionCheck, requestSalesCheck, salesReportUrl } from '../api/sales.ts';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { isApiError } from '../lib/problem.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useQuery } from '@tanstack/react-query';
import { companyQueries } from '../companies/queries.ts';
import { projectQueries } from '../projects/queries.ts';
import { addMonths } from '@sss/contracts/domain/months';
import { salesQueries } from './queries.ts';
import { bodyOf, computedDueDate, formFromView, linesOf, safeQuantity, safeYen, type ExpenseRow, type LineRow, type SalesFormState } from './salesForm.ts';
import { salesLabels, monthlySalesStatusLabels } from '../i18n/sales.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useMonthlySales, useSalesCommand } from './queries.ts';
import { InvoicePreview } from './InvoicePreview.tsx';
import './sales.css';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { may, useSession } from '../auth/index.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { isEdited } from '../lib/isEdited.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { confirmLabels } from '../i18n/confirmations.ts';
import { PaymentHistory } from './PaymentHistory.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { requires } from '../auth/index.ts';

/** A 稟議 outcome as the sales check's last result shows it, in the screen's language. */
const OUTCOME_KEYS: Readonly<Record<string, 'outcome_approved' | 'outcome_rejected' | 'outcome_sent_back' | 'outcome_withdrawn' | undefined>> = { approved: 'outcome_approved', rejected: 'outcome_rejected', sent_back: 'outcome_sent_back', withdrawn: 'outcome_withdrawn' };
const outcomeText = (l: (key: NonNullable<(typeof OUTCOME_KEYS)[string]>) => string, outcome: string) => {
  const key = OUTCOME_KEYS[outcome];
  return key ? l(key) : outcome;
};

const INVOICE_FIELDS = new Set<string>(['recipientName', 'subject', 'poNumber', 'invoiceDate', 'dueDate', 'paymentTerms', 'contact', 'periodStart', 'periodEnd']);

/** 売上実績と請求情報: one project-month from booking to 入金 (docs/domain.md §月次売上 (monthly sales)). */
/** The issue or correction was refused because the invoice's totals differ from what the 稟議 approved (write-side approval-coverage.ts). */
const approvalMismatch = (error: unknown) => isApiError(error) && error.fieldErrors.some((e) => e.field === 'totals' || e.field.startsWith('totals.rate'));

export function SalesEntryPage() {
  const { projectId = '', month = '' } = useParams();
  const l = useLabels(salesLabels);
  const status = useLabels(monthlySalesStatusLabels);
  useDocumentTitle(l('entryTitle'));
  const query = useMonthlySales(projectId, month);
  const m = query.data;
  const [form, setForm] = useState<SalesFormState | null>(null);
  const [notice, setNotice] = useState('');
  const { data: user } = useSession();
  // 訂正 in progress keeps the person's corrected lines while its 稟議 is applied for (that changes the revision).
  const [correcting, setCorrecting] = useState(false);
  // The customer's 正式名称 and 締日/支払サイト start a month never saved (docs/billing.md); a role that may not read companies starts without them.
  const customer = useQuery({ ...companyQueries.detail(m?.customerId ?? ''), enabled: Boolean(m?.customerId), retry: false });
  const order = useQuery({ ...projectQueries.order(m?.orderId), retry: false });
  const startReady = (!customer.isPending || !m?.customerId) && (!order.isPending || !m?.orderId);
  // Last month's invoice lines, offered as this month's start (a month without one answers 404: nothing offered).
  const previous = useQuery({ ...salesQueries.month(projectId, month ? addMonths(month, -1) : ''), enabled: Boolean(month), retry: false });
  useEffect(() => {
    if (m && !correcting && startReady) setForm(formFromView(m, customer.data ?? null, order.data ?? null));
  }, [m?.revision, startReady]); // eslint-disable-line react-hooks/exhaustive-deps -- reset the form only when the stored month changes (or its customer and order first arrive)

  const save = useSalesCommand((f: SalesFormState) => recordSalesActual(projectId, month, bodyOf(f), { idempotencyKey: newIdempotencyKey(), ...(m ? { ifMatch: m.revision } : {}) }));
  const check = useSalesCommand(() => requestSalesCheck(projectId, month, { idempotencyKey: newIdempotencyKey() }));
  const issue = useSalesCommand(() => issueInvoice(projectId, month, { idempotencyKey: newIdempotencyKey() }));
  const issueReport = useSalesCommand(() => issueSalesReport(projectId, month, { idempotencyKey: newIdempotencyKey() }));
  const reports = useQuery(salesQueries.salesReports(projectId, month));
  const pay = useSalesCommand((p: { amount: number; receivedOn: string }) => recordPayment(projectId, month, p, { idempotencyKey: newIdempotencyKey() }));
  // 訂正: an issued invoice is never edited; the invoice fields open again and a new invoice replaces it.
  const [correctionReason, setCorrectionReason] = useState('');
  const correct = useSalesCommand((f: SalesFormState) => correctInvoice(projectId, month, { reason: correctionReason, invoice: bodyOf(f).invoice }, { idempotencyKey: newIdempotencyKey() }));
  const recheck = useSalesCommand((f: SalesFormState) => requestCorrectionCheck(projectId, month, { invoice: bodyOf(f).invoice }, { idempotencyKey: newIdempotencyKey() }));
  const [payment, setPayment] = useState({ amount: '', receivedOn: new Date().toISOString().slice(0, 10) });

  // unsaved: the form differs from the stored month, or a payment is typed but not recorded
  const unsaved = Boolean(form && m && isEdited(formFromView(m), form));
  const guard = useUnsavedChangesGuard(unsaved || payment.amount.trim() !== '');
  const confirmText = useLabels(confirmLabels);
  // which irreversible action is waiting for its confirmation
  const [confirming, setConfirming] = useState<'check' | 'issue' | 'correct' | 'payment' | null>(null);
  const closeConfirm = () => setConfirming(null);
  const mode = ((m as { roundingMode?: RoundingMode } | undefined)?.roundingMode ?? 'floor') as RoundingMode;
  const preview = useMemo(() => {
    if (!form) return null;
    const rate = form.taxRate === '8' ? 8 : 10;
    const actualLines = [
      { quantity: '1', unitPrice: safeYen(form.labourSales), taxIncluded: false, taxRate: rate as 8 | 10 },
      { quantity: '1', unitPrice: safeYen(form.settlementAmount), taxIncluded: false, taxRate: rate as 8 | 10 },
      ...form.expenses.map((e) => ({ quantity: safeQuantity(e.quantity), unitPrice: safeYen(e.price), taxIncluded: e.taxIncluded, taxRate: rate as 8 | 10 })),
    ];
    const invoiceLines = form.lines.map((x) => ({ quantity: safeQuantity(x.quantity), unitPrice: safeYen(x.unitPrice), taxIncluded: x.taxIncluded, taxRate: (x.taxRate === '8' ? 8 : 10) as 8 | 10 }));
    return { actual: invoiceTotals(actualLines, mode), invoice: invoiceTotals(invoiceLines, mode) };
  }, [form, mode]);

  if (query.error) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!m || !form) return <p>…</p>;
  // Each action is offered only to whom the authorization table lets act (and never while showing a past moment).
  const route = '/api/monthly-sales/:projectId/:month';
  const canBook = may(user, 'PUT', `${route}/actual`);
  const canCheck = may(user, 'POST', `${route}/sales-check`);
  const canIssue = may(user, 'POST', `${route}/invoice`);
  const canCorrect = may(user, 'POST', `${route}/invoice/correction`);
  const canPay = may(user, 'POST', `${route}/payments`);
  const canIssueReport = may(user, 'POST', `${route}/sales-report`) && m.invoice !== null;
  const editable = m.status === 'unconfirmed' && canBook;
  const invoiceEditable = editable || (m.status === 'invoiced' && correcting && canCorrect);
  const set = <K extends keyof SalesFormState>(key: K, value: SalesFormState[K]) => setForm({ ...form, [key]: value });
  const setExpense = (i: number, patch: Partial<ExpenseRow>) => set('expenses', form.expenses.map((e, j) => (i === j ? { ...e, ...patch } : e)));
  const setLine = (i: number, patch: Partial<LineRow>) => set('lines', form.lines.map((x, j) => (i === j ? { ...x, ...patch } : x)));
  const input = (key: keyof SalesFormState, props: Record<string, unknown> = {}) => (
    <input id={`f-${key}`} data-testid={`sales-${key}`} value={form[key] as string} disabled={!(INVOICE_FIELDS.has(key) ? invoiceEditable : editable)} onChange={(e) => set(key, e.target.value as never)} {...props} />
  );
  const field = (key: keyof SalesFormState & Parameters<typeof l>[0], props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`f-${key}`}>{l(key)}</label>
      {input(key, props)}
    </div>
  );
  const error = save.error ?? check.error ?? issue.error ?? pay.error ?? correct.error ?? recheck.error ?? issueReport.error;

  return (
    <section className="page sales-page" data-testid="sales-entry">
      {guard.dialog}
      <div className="page-header">
        <h1>{l('entryTitle')}</h1>
        <Link to="/monthly-sales">{l('listTitle')}</Link>
      </div>
      <dl className="sales-facts">
        <dt>{l('project')}</dt><dd>{m.projectNumber} {m.projectName}</dd>
        <dt>{l('customer')}</dt><dd>{m.customerName}</dd>
        <dt>{l('month')}</dt><dd>{m.month}</dd>
        <dt>{l('status')}</dt><dd><span className="badge" data-testid="sales-status">{status(m.status)}</span></dd>
        <dt>{l('plan')}</dt><dd>{formatYen(m.planRevenue)}</dd>
        {m.lastOutcome && (<><dt>{l('lastOutcome')}</dt><dd>{outcomeText(l, m.lastOutcome.outcome)} {m.lastOutcome.comment}</dd></>)}
      </dl>
      {notice && <div className="alert success" role="status" data-testid="sales-notice">{notice}</div>}
      <ProblemMessage error={error} testId="sales-error" />

      <h2>{l('actual')}</h2>
      <div className="sales-form">
        {field('labourSales', { inputMode: 'numeric' })}
        {field('settlementAmount', { inputMode: 'numeric' })}
        {field('settlementReason', { maxLength: 255 })}
        <div className="field">
          <label htmlFor="f-taxRate">{l('taxRate')}</label>
          <select id="f-taxRate" data-testid="sales-taxRate" value={form.taxRate} disabled={!editable} onChange={(e) => set('taxRate', e.target.value as '10' | '8')}>
            <option value="10">10%</option>
            <option value="8">8%</option>
          </select>
        </div>
      </div>

      <h3>{l('expenses')}</h3>
      <table className="table" data-testid="sales-expenses">
        <thead><tr><th>{l('kind')}</th><th>{l('name')}</th><th>{l('taxIncluded')}</th><th className="num">{l('cost')}</th><th className="num">{l('price')}</th><th className="num">{l('quantity')}</th><th className="num">{l('salesTotal')}</th><th /></tr></thead>
        <tbody>
          {form.expenses.map((e, i) => (
            <tr key={i}>
              <td><input value={e.kind} disabled={!editable} onChange={(x) => setExpense(i, { kind: x.target.value })} aria-label={l('kind')} /></td>
              <td><input value={e.name} disabled={!editable} onChange={(x) => setExpense(i, { name: x.target.value })} aria-label={l('name')} /></td>
              <td><input type="checkbox" checked={e.taxIncluded} disabled={!editable} onChange={(x) => setExpense(i, { taxIncluded: x.target.checked })} aria-label={l('taxIncluded')} /></td>
              <td><input className="num" value={e.cost} disabled={!editable} onChange={(x) => setExpense(i, { cost: x.target.value })} aria-label={l('cost')} /></td>
              <td><input className="num" value={e.price} disabled={!editable} onChange={(x) => setExpense(i, { price: x.target.value })} aria-label={l('price')} /></td>
              <td><input className="num" value={e.quantity} disabled={!editable} onChange={(x) => setExpense(i, { quantity: x.target.value })} aria-label={l('quantity')} /></td>
              <td className="num">{formatYen(lineAmount({ quantity: safeQuantity(e.quantity), unitPrice: safeYen(e.price) }))}</td>
              <td>{editable && <button type="button" onClick={() => set('expenses', form.expenses.filter((_, j) => j !== i))}>{l('remove')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && <button type="button" data-testid="sales-add-expense" onClick={() => set('expenses', [...form.expenses, { kind: '物品購入', name: '', taxIncluded: false, cost: '', price: '', quantity: '1' }])}>{l('addRow')}</button>}

      {preview && (
        <p className="sales-totals" data-testid="sales-actual-totals">
          {l('net')} {formatYen(preview.actual.net)} / {l('tax')} {formatYen(preview.actual.tax)} / {l('gross')} {formatYen(preview.actual.gross)}
        </p>
      )}

      <h2>{l('invoiceInfo')}</h2>
      <div className="sales-form">
        {field('recipientName')}
        {field('subject')}
        {field('poNumber')}
        {field('invoiceDate', { type: 'date' })}
        {field('dueDate', { type: 'date' })}
        <DueDateHint computed={computedDueDate(form.invoiceDate, customer.data)} current={form.dueDate} editable={invoiceEditable} onApply={(date) => set('dueDate', date)} />
        {field('paymentTerms')}
        {field('contact')}
        {field('periodStart', { type: 'date' })}
        {field('periodEnd', { type: 'date' })}
      </div>
      <h3>{l('lines')}</h3>
      <table className="table" data-testid="sales-lines">
        <thead><tr><th>{l('description')}</th><th className="num">{l('quantity')}</th><th>{l('unit')}</th><th className="num">{l('unitPrice')}</th><th>{l('taxIncluded')}</th><th>{l('rate')}</th><th className="num">{l('amount')}</th><th /></tr></thead>
        <tbody>
          {form.lines.map((x, i) => (
            <tr key={i} data-testid="sales-line">
              <td><input value={x.description} disabled={!invoiceEditable} onChange={(e) => setLine(i, { description: e.target.value })} aria-label={l('description')} data-testid="line-description" /></td>
              <td><input className="num" value={x.quantity} disabled={!invoiceEditable} onChange={(e) => setLine(i, { quantity: e.target.value })} aria-label={l('quantity')} data-testid="line-quantity" /></td>
              <td><input value={x.unit} disabled={!invoiceEditable} onChange={(e) => setLine(i, { unit: e.target.value })} aria-label={l('unit')} data-testid="line-unit" /></td>
              <td><input className="num" value={x.unitPrice} disabled={!invoiceEditable} onChange={(e) => setLine(i, { unitPrice: e.target.value })} aria-label={l('unitPrice')} data-testid="line-unitPrice" /></td>
              <td><input type="checkbox" checked={x.taxIncluded} disabled={!invoiceEditable} onChange={(e) => setLine(i, { taxIncluded: e.target.checked })} aria-label={l('taxIncluded')} /></td>
              <td>
                <select value={x.taxRate} disabled={!invoiceEditable} onChange={(e) => setLine(i, { taxRate: e.target.value as '10' | '8' })} aria-label={l('rate')}>
                  <option value="10">10%</option>
                  <option value="8">8%</option>
                </select>
              </td>
              <td className="num">{formatYen(lineAmount({ quantity: safeQuantity(x.quantity), unitPrice: safeYen(x.unitPrice) }))}</td>
              <td>{invoiceEditable && <button type="button" onClick={() => set('lines', form.lines.filter((_, j) => j !== i))}>{l('remove')}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {invoiceEditable && (
        <button type="button" data-testid="sales-add-line" onClick={() => set('lines', [...form.lines, { description: '', quantity: '1', unit: '式', unitPrice: String(safeYen(form.labourSales) + safeYen(form.settlementAmount)), taxIncluded: false, taxRate: form.taxRate }])}>
          {l('addRow')}
        </button>
      )}
      {editable && form.lines.length === 0 && linesOf(previous.data).length > 0 && (
        <button type="button" data-testid="sales-previous-lines" onClick={() => set('lines', linesOf(previous.data))}>
          {l('previousLines')}
        </button>
      )}

      <div className="actions">
        {editable && (
          <>
            <button type="button" className="button primary" data-testid="sales-save" {...requires('PUT', '/api/monthly-sales/:projectId/:month/actual')} disabled={save.isPending} onClick={() => save.mutate(form, { onSuccess: () => setNotice(l('saved')) })}>{l('save')}</button>
            {canCheck && <button type="button" className="button" data-testid="sales-request-check" {...requires('POST', '/api/monthly-sales/:projectId/:month/sales-check')} disabled={check.isPending || unsaved} onClick={() => setConfirming('check')}>
              {m.actualGross === 0 && !(m.invoice as { lines?: unknown[] } | null)?.lines?.length ? l('requestCheckNone') : l('requestCheck')}
            </button>}
          </>
        )}
        {m.status === 'checking' && <p data-testid="sales-checking">{l('checking')}</p>}
      </div>

      {m.status === 'awaiting_invoice' && preview && (
        <>
          <InvoicePreview month={m} form={form} totals={preview.invoice} />
          {canIssue && <button type="button" className="button primary" data-testid="sales-issue" {...requires('POST', '/api/monthly-sales/:projectId/:month/invoice')} disabled={issue.isPending} onClick={() => setConfirming('issue')}>{l('issue')}</button>}
          {/* The approval does not cover this invoice (the refusal names the rate): the month is applied for again. */}
          {approvalMismatch(issue.error) && canCheck && (
            <button type="button" className="button" data-testid="sales-request-check-again" {...requires('POST', '/api/monthly-sales/:projectId/:month/sales-check')} disabled={check.isPending} onClick={() => check.mutate(undefined)}>{l('requestCheck')}</button>
          )}
        </>
      )}

      {m.status === 'invoiced' && m.invoiceNumber && (
        <section data-testid="sales-invoiced">
          <h2>{l('payments')}</h2>
          <p>
            {l('invoiceNumber')}: <strong data-testid="sales-invoice-number">{m.invoiceNumber}</strong>{' '}
            <DownloadLink href={invoicePdfUrl(m.invoiceNumber)} testId="sales-invoice-pdf">{l('downloadPdf')}</DownloadLink>
          </p>
          <p>
            {l('gross')} {formatYen(m.invoicedGross)} / {l('paid')} <span data-testid="sales-paid">{formatYen(m.paid)}</span> / {l('outstanding')} <span data-testid="sales-outstanding">{formatYen(m.invoicedGross - m.paid)}</span>
          </p>
          <PaymentHistory invoiceNumber={m.invoiceNumber} />
          {m.correctionChecking && <p data-testid="correction-checking">{l('correctionChecking')}</p>}
          {!correcting && canCorrect && (
            <button type="button" className="button" data-testid="correction-start" {...requires('POST', '/api/monthly-sales/:projectId/:month/invoice/correction')} onClick={() => setCorrecting(true)}>{l('correct')}</button>
          )}
          {correcting && (
            <div className="sales-form" data-testid="correction">
              <div className="field">
                <label htmlFor="correction-reason">{l('correctionReason')}</label>
                <input id="correction-reason" data-testid="correction-reason" maxLength={255} value={correctionReason} onChange={(e) => setCorrectionReason(e.target.value)} />
              </div>
              {preview && <p className="sales-totals">{l('gross')} {formatYen(preview.invoice.gross)}</p>}
              <button type="button" className="button primary" data-testid="correction-submit" {...requires('POST', '/api/monthly-sales/:projectId/:month/invoice/correction')} disabled={correct.isPending} onClick={() => setConfirming('correct')}>
                {l('correctIssue')}
              </button>
              {/* As for the issue: a correction that changes the approved totals is applied for again, with the corrected invoice. */}
              {approvalMismatch(correct.error) && !m.correctionChecking && canCheck && (
                <button type="button" className="button" data-testid="correction-request-check" {...requires('POST', '/api/monthly-sales/:projectId/:month/invoice/correction/sales-check')} disabled={recheck.isPending} onClick={() => recheck.mutate(form, { onSuccess: () => { correct.reset(); setNotice(l('correctionCheckRequested')); } })}>{l('requestCheck')}</button>
              )}
            </div>
          )}
          {m.invoicedGross - m.paid > 0 && canPay && (
            <div className="sales-form">
              <div className="field">
                <label htmlFor="pay-amount">{l('paymentAmount')}</label>
                <input id="pay-amount" data-testid="payment-amount" inputMode="numeric" value={payment.amount} onChange={(e) => setPayment({ ...payment, amount: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="pay-date">{l('receivedOn')}</label>
                <input id="pay-date" type="date" data-testid="payment-date" value={payment.receivedOn} onChange={(e) => setPayment({ ...payment, receivedOn: e.target.value })} />
              </div>
              <button type="button" className="button primary" data-testid="payment-submit" {...requires('POST', '/api/monthly-sales/:projectId/:month/payments')} disabled={pay.isPending} onClick={() => setConfirming('payment')}>
                {l('recordPayment')}
              </button>
            </div>
          )}
        </section>
      )}

      {confirming === 'check' && (
        <ConfirmDialog
          title={confirmText('salesCheckTitle')} testId="confirm-sales-check"
          facts={[[confirmText('month'), month], [confirmText('amount'), formatYen(m.actualGross)]]}
          consequence={confirmText('salesCheckConsequence')} confirmLabel={confirmText('salesCheckRun')}
          pending={check.isPending} onClose={closeConfirm}
          onConfirm={() => check.mutate(undefined, { onSuccess: closeConfirm, onError: closeConfirm })}
        />
      )}
      {confirming === 'issue' && preview && (
        <ConfirmDialog
          title={confirmText('invoiceIssueTitle')} testId="confirm-invoice-issue"
          facts={[[confirmText('recipient'), form.recipientName], [confirmText('amount'), formatYen(preview.invoice.gross)], [confirmText('dueDate'), form.dueDate]]}
          consequence={confirmText('invoiceIssueConsequence')} confirmLabel={confirmText('invoiceIssueRun')}
          pending={issue.isPending} onClose={closeConfirm}
          onConfirm={() => issue.mutate(undefined, { onSuccess: () => { closeConfirm(); setNotice(l('issued')); }, onError: closeConfirm })}
        />
      )}
      {confirming === 'correct' && preview && (
        <ConfirmDialog
          title={confirmText('correctionTitle')} testId="confirm-correction"
          facts={[[confirmText('invoice'), m.invoiceNumber ?? ''], [confirmText('amount'), formatYen(preview.invoice.gross)], [confirmText('reason'), correctionReason]]}
          consequence={confirmText('correctionConsequence')} confirmLabel={confirmText('correctionRun')}
          pending={correct.isPending} onClose={closeConfirm}
          onConfirm={() => correct.mutate(form, { onSuccess: () => { closeConfirm(); setCorrecting(false); setCorrectionReason(''); setNotice(l('issued')); }, onError: closeConfirm })}
        />
      )}
      {confirming === 'payment' && (
        <ConfirmDialog
          title={confirmText('paymentTitle')} testId="confirm-payment"
          facts={[[confirmText('invoice'), m.invoiceNumber ?? ''], [confirmText('amount'), formatYen(safeYen(payment.amount))], [confirmText('receivedOn'), payment.receivedOn], [confirmText('outstandingAfter'), formatYen(m.invoicedGross - m.paid - safeYen(payment.amount))]]}
          consequence={confirmText('paymentConsequence')} confirmLabel={confirmText('paymentRun')}
          pending={pay.isPending} onClose={closeConfirm}
          onConfirm={() => pay.mutate({ amount: safeYen(payment.amount), receivedOn: payment.receivedOn }, { onSuccess: () => { closeConfirm(); setPayment({ ...payment, amount: '' }); setNotice(confirmText('paymentRecorded')); }, onError: closeConfirm })}
        />
      )}

      <h2>{l('documents')}</h2>
      <ul className="links" data-testid="sales-documents">
        {(reports.data?.items ?? []).map((r) => (
          <li key={r.issueNo} data-testid="sales-report-issued">
            {l('issuedReport', { no: String(r.issueNo), date: r.issuedOn })}{' '}
            <DownloadLink href={salesReportUrl(projectId, month, r.issueNo, 'pdf')}>PDF</DownloadLink>{' '}
            <DownloadLink href={salesReportUrl(projectId, month, r.issueNo, 'xlsx')}>Excel</DownloadLink>
          </li>
        ))}
        <li><DownloadLink href={documentUrl(projectId, month, 'sales-slip.xlsx')}>{l('salesSlipXlsx')}</DownloadLink> {l('draftNote')}</li>
        <li><DownloadLink href={documentUrl(projectId, month, 'sales-slip.pdf')}>{l('salesSlipPdf')}</DownloadLink> {l('draftNote')}</li>
        <li><DownloadLink href={documentUrl(projectId, month, 'delivery-note.pdf')}>{l('deliveryNote')}</DownloadLink></li>
        <li><DownloadLink href={documentUrl(projectId, month, 'acceptance.pdf')}>{l('acceptance')}</DownloadLink></li>
      </ul>
      {canIssueReport && (
        <button type="button" className="button" data-testid="sales-report-issue" {...requires('POST', '/api/monthly-sales/:projectId/:month/sales-report')} disabled={issueReport.isPending} onClick={() => issueReport.mutate(undefined, { onSuccess: () => setNotice(l('salesReportIssued')) })}>
          {l('issueSalesReport')}
        </button>
      )}
      <HistoryPanel route="/api/monthly-sales/:projectId/:month/history" params={{ projectId, month }} revision={m?.revision} />
    </section>
  );
}

/** The due date the customer's 締日/支払サイト give for the invoice date, beside the editable field; or why there is none. */
function DueDateHint({ computed, current, editable, onApply }: { computed: string | null; current: string; editable: boolean; onApply: (date: string) => void }) {
  const l = useLabels(salesLabels);
  if (!computed) return <p className="hint" data-testid="sales-due-computed">{l('dueUnset')}</p>;
  return (
    <p className="hint" data-testid="sales-due-computed">
      {l('dueComputed', { date: computed })}
      {editable && computed !== current && (
        <button type="button" className="link" data-testid="sales-due-apply" onClick={() => onApply(computed)}>{l('dueApply')}</button>
      )}
    </p>
  );
}
