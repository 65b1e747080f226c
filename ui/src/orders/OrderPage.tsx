import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { OrderTerms } from '@sss/contracts/project/order-schemas';
import { APPROVAL_FLOW, canTransition } from '@sss/contracts/project/status';
import type { OrderView, ProjectDetail } from '@sss/contracts/project/views';
import { OrderSummary } from './OrderSummary.tsx';
import { ORDER_FIELDS, formFromOrder, formFromProject, termsFromForm, type OrderForm } from './orderForm.ts';
import { editOrder, registerOrder } from '../api/projects.ts';
import { isApiError } from '../lib/problem.ts';
import { may, useSession } from '../auth/index.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { byField, validate } from '../lib/validate.ts';
import { ApprovalDialog, ProjectStatusBadge } from '../projects/index.ts';
import { useEstimate, useOrder, useProject, useProjectCommand } from '../projects/queries.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { isEdited } from '../lib/isEdited.ts';
import { requires } from '../auth/index.ts';

export function OrderPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const order = useOrder(project.data?.orderId);
  const text = useLabels(projectLabels);
  useDocumentTitle(text('orderTitle'));
  if (project.error || order.error) return <ProblemMessage error={project.error ?? order.error} onRetry={() => void project.refetch()} />;
  if (!project.data || (project.data.orderId && !order.data)) return <div className="page-loading">{text('loading')}</div>;
  return <OrderScreen key={order.data?.revision ?? 'new'} project={project.data} order={order.data} initial={order.data ? formFromOrder(order.data) : formFromProject(project.data, today())} />;
}

const title = (key: (typeof ORDER_FIELDS)[number]) => (OrderTerms.properties[key] as { title?: string }).title ?? key;

/** 受注: the customer's 注文書 (PO number, date, amounts, period), then the 受注稟議 and, once approved, its number and the sales plan. */
function OrderScreen({ project, order, initial }: { project: ProjectDetail; order: OrderView | undefined; initial: OrderForm }) {
  const text = useLabels(projectLabels);
  const { data: user } = useSession();
  const [form, setForm] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [approval, setApproval] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const estimate = useEstimate(project.estimateId);
  const idempotency = useIdempotencyKey();
  const guard = useUnsavedChangesGuard(isEdited(initial, form));
  const terms = termsFromForm(form);
  const save = useProjectCommand((body: OrderTerms) =>
    order ? editOrder(order.id, body, { idempotencyKey: idempotency.keyFor(body) }) : registerOrder({ projectId: project.id, terms: body }, { idempotencyKey: idempotency.keyFor(body) }),
  );
  const serverErrors = isApiError(save.error) ? save.error.fieldErrors.map((e) => ({ ...e, field: e.field.replace(/^terms\./, '') })) : [];
  const errors = { ...byField(serverErrors), ...byField(attempted ? validate(OrderTerms, terms) : []) };
  // a role that may not register or edit orders sees the terms read-only (the one authorization table decides)
  const editable = (!order || order.status === 'registered') && may(user, order ? 'PUT' : 'POST', order ? '/api/orders/:id' : '/api/orders');
  const canRequest = Boolean(order) && canTransition(project.status, APPROVAL_FLOW.order.inRingi) && may(user, 'POST', '/api/projects/:id/approvals');

  const submit = () => {
    setAttempted(true);
    if (validate(OrderTerms, terms).length > 0) return;
    save.mutate(terms as OrderTerms, {
      onSuccess: () => {
        idempotency.done();
        setFlash(text('saved'));
      },
    });
  };
  const field = (key: (typeof ORDER_FIELDS)[number], type: 'text' | 'date' = 'text') => (
    <TextField key={key} label={title(key)} name={key} type={type} inputMode={key.endsWith('Amount') ? 'numeric' : undefined} value={form[key]} error={errors[key]} required={key !== 'notes'} onChange={(v) => setForm((f) => ({ ...f, [key]: v }))} />
  );

  return (
    <section className="page" data-testid="order-screen" data-order-status={order?.status ?? 'new'}>
      {guard.dialog}
      <Link to={`/projects/${encodeURIComponent(project.id)}`} className="back-link" data-testid="back-to-project">
        ← {text('backToProject')}
      </Link>
      <h1>
        {text('orderTitle')} <span className="mono">{project.projectNumber}</span> {project.name} <ProjectStatusBadge status={project.status} />
      </h1>
      {flash && (
        <p className="alert success" data-testid="flash">
          {flash}
        </p>
      )}
      {order && <OrderSummary order={order} />}
      <fieldset disabled={!editable} className="form" style={{ border: 0, padding: 0 }} data-testid="order-form">
        <div className="grid-2">
          {field('customerPoNumber')}
          {field('orderDate', 'date')}
          {field('orderAmount')}
          {field('labourAmount')}
          {field('periodStart', 'date')}
          {field('periodEnd', 'date')}
        </div>
        {field('notes')}
      </fieldset>
      <ProblemMessage error={save.error} testId="form-error" shownFields={[...ORDER_FIELDS]} />
      <div className="form-actions left">
        {editable && (
          <button type="button" className="button primary" data-testid="order-save" {...requires(order ? 'PUT' : 'POST', order ? '/api/orders/:id' : '/api/orders')} disabled={save.isPending} onClick={submit}>
            {order ? text('orderUpdate') : text('orderRegister')}
          </button>
        )}
        {canRequest && (
          <button type="button" className="button primary" data-testid="request-approval-order" {...requires('POST', '/api/projects/:id/approvals')} onClick={() => setApproval(true)}>
            {text('orderRequest')}
          </button>
        )}
      </div>
      {approval && (
        <ApprovalDialog
          projectId={project.id}
          kind="order"
          estimate={estimate.data}
          onClose={() => setApproval(false)}
          onDone={() => {
            setApproval(false);
            setFlash(text('orderRequested'));
          }}
        />
      )}
      {order && <HistoryPanel route="/api/orders/:id/history" params={{ id: order.id }} revision={order.revision} />}
    </section>
  );
}
