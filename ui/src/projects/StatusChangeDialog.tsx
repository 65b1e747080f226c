import { useQueryClient } from '@tanstack/react-query';
import { ChangeProjectStatus } from '@sss/contracts/project/schemas';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@sss/contracts/project/status';
import { projectQueries } from './queries.ts';
import { manualTargets } from './statusActions.ts';
import { changeProjectStatus } from '../api/projects.ts';
import { CommandDialog } from '../components/CommandDialog.tsx';

/** 失注・中止・完了 with a reason, which goes into the status history. Irreversible, hence the warning. */
export function StatusChangeDialog({ projectId, status, onClose }: { projectId: string; status: ProjectStatus; onClose: () => void }) {
  const client = useQueryClient();
  const targets = manualTargets(status);
  return (
    <CommandDialog
      title="ステータス変更"
      testId="dialog-status"
      schema={ChangeProjectStatus}
      fields={[
        { name: 'to', label: '変更後ステータス', kind: 'select', required: true, options: targets.map((t) => ({ value: t, label: PROJECT_STATUS_LABELS[t] })) },
        { name: 'reason', label: '理由', kind: 'multiline', required: true },
      ]}
      initial={{ to: targets[0] ?? '', reason: '' }}
      toBody={(v) => ({ to: v.to, reason: (v.reason ?? '').trim() })}
      run={(body, idempotencyKey) => changeProjectStatus(projectId, body as ChangeProjectStatus, { idempotencyKey })}
      warning="失注・中止・完了にした案件は編集も稟議申請もできなくなります。"
      danger
      onClose={onClose}
      onDone={() => {
        void client.invalidateQueries({ queryKey: projectQueries.all });
        onClose();
      }}
    />
  );
}
