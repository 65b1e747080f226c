import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { APPROVAL_KINDS, type ApprovalKind } from '@sss/contracts/project/fields';
import { approvalKindLabels } from '../i18n/codes.ts';
import { APPROVAL_FLOW, EDITABLE_STATUSES, canTransition } from '@sss/contracts/project/status';
import type { EstimateView, ProjectDetail } from '@sss/contracts/project/views';
import { ApprovalDialog } from './ApprovalDialog.tsx';
import { StatusChangeDialog } from './StatusChangeDialog.tsx';
import { manualTargets } from './statusActions.ts';
import { useProjectCommand } from './queries.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { copyProject, documentUrls } from '../api/projects.ts';
import { may, useSession } from '../auth/index.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { requires } from '../auth/index.ts';

/**
 * What a person can do with the project now. The status machine from contracts decides which 稟議
 * may be requested (the same table the server enforces); the authorization table decides who.
 */
export function ProjectActions({ project, estimate, onFlash }: { project: ProjectDetail; estimate: EstimateView | undefined; onFlash: (message: string) => void }) {
  const text = useLabels(projectLabels);
  const approvalKind = useLabels(approvalKindLabels);
  const navigate = useNavigate();
  const { data: user } = useSession();
  const [approval, setApproval] = useState<ApprovalKind | null>(null);
  const [changingStatus, setChangingStatus] = useState(false);
  const idempotency = useIdempotencyKey();
  const copy = useProjectCommand(() => copyProject(project.id, {}, { idempotencyKey: idempotency.keyFor({ copyOf: project.id }) }));
  const editable = EDITABLE_STATUSES.includes(project.status);
  const base = `/projects/${encodeURIComponent(project.id)}`;
  const issued = estimate?.versions.find((v) => v.status === 'issued');
  const requestable = APPROVAL_KINDS.filter((kind) => canTransition(project.status, APPROVAL_FLOW[kind].inRingi));

  return (
    <div data-testid="project-actions">
      <div className="actions">
        {editable && may(user, 'PUT', '/api/projects/:id') && (
          <Link to={`${base}/edit`} className="button" data-testid="action-edit" {...requires('PUT', '/api/projects/:id')}>
            {text('edit')}
          </Link>
        )}
        <Link to={`${base}/estimate`} className="button" data-testid="action-estimate">
          {text('estimate')}
        </Link>
        <Link to={`${base}/order`} className="button" data-testid="action-order">
          {text('order')}
        </Link>
        {may(user, 'POST', '/api/projects/:id/copy') && (
          <button
            type="button"
            className="button"
            data-testid="action-copy" {...requires('POST', '/api/projects/:id/copy')}
            disabled={copy.isPending}
            onClick={() =>
              copy.mutate(undefined, {
                onSuccess: (accepted) => {
                  idempotency.done();
                  navigate(`/projects/${encodeURIComponent(accepted.id)}`, { state: { flash: text('copyDone') } });
                },
              })
            }
          >
            {text('copy')}
          </button>
        )}
        {manualTargets(project.status).length > 0 && may(user, 'POST', '/api/projects/:id/status') && (
          <button type="button" className="button" data-testid="action-status" {...requires('POST', '/api/projects/:id/status')} onClick={() => setChangingStatus(true)}>
            {text('changeStatus')}
          </button>
        )}
        <DownloadLink href={documentUrls.balanceSheet(project.id)} className="button" testId="download-balance-sheet">
          {text('balanceSheet')}
        </DownloadLink>
        {estimate && (
          <>
            <DownloadLink href={documentUrls.estimateXlsx(estimate.id, issued?.version)} className="button" testId="download-estimate-xlsx">
              {text('estimateXlsx')}
            </DownloadLink>
            <DownloadLink href={documentUrls.estimatePdf(estimate.id, issued?.version)} className="button" testId="download-estimate-pdf">
              {text('estimatePdf')}
            </DownloadLink>
          </>
        )}
      </div>
      {requestable.length > 0 && may(user, 'POST', '/api/projects/:id/approvals') && (
        <div className="approval-buttons actions">
          {requestable.map((kind) => (
            <button key={kind} type="button" className="button primary" data-testid={`request-approval-${kind}`} {...requires('POST', '/api/projects/:id/approvals')} onClick={() => setApproval(kind)}>
              {text('requestApproval', { kind: approvalKind(kind) })}
            </button>
          ))}
        </div>
      )}
      <ProblemMessage error={copy.error} testId="action-error" />
      {changingStatus && <StatusChangeDialog projectId={project.id} status={project.status} onClose={() => setChangingStatus(false)} />}
      {approval && (
        <ApprovalDialog
          projectId={project.id}
          kind={approval}
          estimate={estimate}
          onClose={() => setApproval(null)}
          onDone={() => {
            onFlash(text('approvalRequested', { kind: approvalKind(approval) }));
            setApproval(null);
          }}
        />
      )}
    </div>
  );
}
