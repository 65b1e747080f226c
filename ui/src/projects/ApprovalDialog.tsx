import { useQueryClient } from '@tanstack/react-query';
import type { ApprovalKind } from '@sss/contracts/project/fields';
import { approvalKindLabels } from '../i18n/codes.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { RequestApproval } from '@sss/contracts/project/schemas';
import type { EstimateView } from '@sss/contracts/project/views';
import { projectQueries } from './queries.ts';
import { requestApproval } from '../api/projects.ts';
import { CommandDialog } from '../components/CommandDialog.tsx';

interface Props {
  projectId: string;
  kind: ApprovalKind;
  estimate: EstimateView | undefined;
  onClose: () => void;
  onDone: () => void;
}

/**
 * 稟議申請. The server files the 稟議 with the process manager and moves the project to its 稟議中
 * state; the outcome comes back from CollaboFlow later. A 見積稟議 names the newest issued 見積 version.
 */
export function ApprovalDialog({ projectId, kind, estimate, onClose, onDone }: Props) {
  const client = useQueryClient();
  const issued = estimate?.versions.find((v) => v.status === 'issued');
  const text = useLabels(projectLabels);
  const label = useLabels(approvalKindLabels)(kind);
  return (
    <CommandDialog
      title={text('requestApproval', { kind: label })}
      testId={`dialog-approval-${kind}`}
      schema={RequestApproval}
      fields={[{ name: 'comment', label: text('approvalComment'), kind: 'multiline' }]}
      initial={{ comment: '' }}
      warning={text('approvalWarning', { kind: label })}
      toBody={(v) => ({
        kind,
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
        ...(kind === 'estimate' && estimate && issued ? { estimateId: estimate.id, estimateVersion: issued.version } : {}),
      })}
      run={(body, idempotencyKey) => requestApproval(projectId, body as RequestApproval, { idempotencyKey })}
      onClose={onClose}
      onDone={() => {
        void client.invalidateQueries({ queryKey: projectQueries.all });
        onDone();
      }}
    />
  );
}
