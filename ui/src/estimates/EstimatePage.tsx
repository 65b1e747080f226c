import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EstimateContent } from '@sss/contracts/project/estimate-schemas';
import type { EstimateView, ProjectDetail } from '@sss/contracts/project/views';
import { EstimateHeaderFields } from './EstimateHeaderFields.tsx';
import { EstimateLinesEditor } from './EstimateLinesEditor.tsx';
import { EstimateVersions } from './EstimateVersions.tsx';
import { contentFromForm, formFromContent, formFromProject, type EstimateForm } from './estimateForm.ts';
import { draftEstimate, editEstimateDraft, issueEstimate, reviseEstimate } from '../api/projects.ts';
import { isApiError } from '../lib/problem.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { byField, validate } from '../lib/validate.ts';
import { ProjectStatusBadge } from '../projects/index.ts';
import { useEstimate, useProject, useProjectCommand } from '../projects/queries.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { estimateApprovalLabels } from '../i18n/estimates.ts';
import { may, useSession } from '../auth/index.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { isEdited } from '../lib/isEdited.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { confirmLabels } from '../i18n/confirmations.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { Dot } from '../components/Dot.tsx';
import { requires } from '../auth/index.ts';

export function EstimatePage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const estimate = useEstimate(project.data?.estimateId);
  const text = useLabels(projectLabels);
  useDocumentTitle(text('estimateTitle'));
  if (project.error || estimate.error) return <ProblemMessage error={project.error ?? estimate.error} onRetry={() => void project.refetch()} />;
  if (!project.data || (project.data.estimateId && !estimate.data)) return <div className="page-loading">{text('loading')}</div>;
  // keyed so a new version (issue, revise) reloads the editor from the stored content
  const newest = estimate.data?.versions[0];
  return <Editor key={`${estimate.data?.revision ?? 'new'}`} project={project.data} estimate={estimate.data} initial={newest ? formFromContent(newest) : formFromProject(project.data, addDays(today(), 30))} />;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 見積 editor: the newest version; a draft is edited and, once its 見積稟議 approved it, issued; an issued one is
 * revised into a new draft. Saving an approved draft makes the next version (the server decides; the editor reloads).
 */
function Editor({ project, estimate, initial }: { project: ProjectDetail; estimate: EstimateView | undefined; initial: EstimateForm }) {
  const text = useLabels(projectLabels);
  const approvalText = useLabels(estimateApprovalLabels);
  const [form, setForm] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const [reason, setReason] = useState('');
  const idempotency = useIdempotencyKey();
  const newest = estimate?.versions[0];
  const isDraft = !newest || newest.status === 'draft';
  // Offered only to whom the authorization table lets act (and never while showing a past moment).
  const { data: user } = useSession();
  const canEdit = may(user, estimate ? 'PUT' : 'POST', estimate ? '/api/estimates/:id' : '/api/estimates');
  const canIssue = may(user, 'POST', '/api/estimates/:id/issue');
  const canRevise = may(user, 'POST', '/api/estimates/:id/revise');
  const unsaved = isEdited(initial, form);
  const guard = useUnsavedChangesGuard(unsaved);
  const confirmText = useLabels(confirmLabels);
  const [confirmingIssue, setConfirmingIssue] = useState(false);
  const body = contentFromForm(form);
  const save = useProjectCommand((content: EstimateContent) =>
    estimate ? editEstimateDraft(estimate.id, content, { idempotencyKey: idempotency.keyFor(content) }) : draftEstimate({ projectId: project.id, content }, { idempotencyKey: idempotency.keyFor(content) }),
  );
  const issue = useProjectCommand(() => issueEstimate(estimate!.id, { issuedOn: today() }, { idempotencyKey: idempotency.keyFor({ issue: newest?.version }) }));
  const revise = useProjectCommand(() => reviseEstimate(estimate!.id, { reason: reason.trim() }, { idempotencyKey: idempotency.keyFor({ revise: newest?.version, reason }) }));
  const serverErrors = isApiError(save.error) ? save.error.fieldErrors : [];
  const errors = { ...byField(serverErrors), ...byField(attempted ? validate(EstimateContent, body) : []) };

  const submit = () => {
    setAttempted(true);
    if (validate(EstimateContent, body).length > 0) return;
    save.mutate(body as EstimateContent, { onSuccess: () => idempotency.done() });
  };

  return (
    <section className="page" data-testid="estimate-editor" data-status={newest?.status ?? 'new'} data-version={newest?.version ?? 0}>
      {guard.dialog}
      <Link to={`/projects/${encodeURIComponent(project.id)}`} className="back-link" data-testid="back-to-project">
        ← {text('backToProject')}
      </Link>
      <h1>
        {text('estimateTitle')} <span className="mono">{project.projectNumber}</span> {project.name} <ProjectStatusBadge status={project.status} />
      </h1>
      {newest && (
        <p className="subtle" data-testid="estimate-state">
          {text('versionLabel', { version: newest.version })}<Dot />{newest.status === 'issued' ? text('issuedAs', { number: newest.estimateNumber ?? '' }) : text('draft')}
          {/* A version is issued only once its 見積稟議 approved it; say which state this one is in. */}
          <span data-testid="estimate-approval-state" data-approved={newest.approval ? 'true' : 'false'}>
            <Dot />{newest.approval ? (newest.approval.ringiNumber ? approvalText('approvedBy', { ringi: newest.approval.ringiNumber }) : approvalText('approvedNoNumber')) : approvalText('notApproved')}
          </span>
        </p>
      )}
      <EstimateHeaderFields form={form} errors={errors} readOnly={!isDraft || !canEdit} onChange={(change) => setForm((f) => ({ ...f, ...change }))} />
      <EstimateLinesEditor form={form} errors={errors} readOnly={!isDraft || !canEdit} onLines={(lines) => setForm((f) => ({ ...f, lines }))} />
      <ProblemMessage error={save.error ?? issue.error ?? revise.error} testId="form-error" shownFields={Object.keys(errors)} />
      <div className="form-actions left">
        {isDraft && canEdit && (
          <button type="button" className="button primary" data-testid="estimate-save" {...requires(estimate ? 'PUT' : 'POST', estimate ? '/api/estimates/:id' : '/api/estimates')} disabled={save.isPending} onClick={submit}>
            {save.isPending ? text('saving') : text('saveDraft')}
          </button>
        )}
        {isDraft && estimate && canIssue && (
          // what is issued is the saved draft: typed changes are saved first
          <button type="button" className="button primary" data-testid="estimate-issue" {...requires('POST', '/api/estimates/:id/issue')} disabled={issue.isPending || unsaved} onClick={() => setConfirmingIssue(true)}>
            {text('issue')}
          </button>
        )}
        {confirmingIssue && newest && (
          <ConfirmDialog
            title={confirmText('estimateIssueTitle')}
            testId="confirm-estimate-issue"
            facts={[
              [confirmText('document'), `${text('estimateTitle')} v${newest.version}`],
              [confirmText('recipient'), newest.addressee],
              [confirmText('amount'), formatYen(newest.total)],
              [confirmText('issueDate'), today()],
            ]}
            consequence={confirmText('estimateIssueConsequence')}
            confirmLabel={confirmText('estimateIssueRun')}
            pending={issue.isPending}
           
            onConfirm={() => issue.mutate(undefined, { onSuccess: () => { idempotency.done(); setConfirmingIssue(false); }, onError: () => setConfirmingIssue(false) })}
            onClose={() => setConfirmingIssue(false)}
          />
        )}
        {!isDraft && canRevise && (
          <>
            <input aria-label={text('reviseReason')} placeholder={text('reviseReason')} data-testid="input-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="button" className="button" data-testid="estimate-revise" {...requires('POST', '/api/estimates/:id/revise')} disabled={!reason.trim() || revise.isPending} onClick={() => revise.mutate(undefined, { onSuccess: () => idempotency.done() })}>
              {text('revise')}
            </button>
          </>
        )}
      </div>
      {estimate && <EstimateVersions estimate={estimate} />}
      {estimate && <HistoryPanel route="/api/estimates/:id/history" params={{ id: estimate.id }} revision={estimate.revision} />}
    </section>
  );
}
