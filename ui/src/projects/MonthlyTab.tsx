import { useState } from 'react';
import { monthsBetween } from '@sss/contracts/project/effort';
import { RESOURCE_KINDS, type ResourceKind } from '@sss/contracts/project/fields';
import { resourceKindLabels } from '../i18n/codes.ts';
import { EDITABLE_STATUSES } from '@sss/contracts/project/status';
import type { ProjectDetail } from '@sss/contracts/project/views';
import { AddResourceDialog } from './AddResourceDialog.tsx';
import { EffortGrid } from './grid/EffortGrid.tsx';
import { useProjectCommand } from './queries.ts';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { removeResource } from '../api/projects.ts';
import { may, useSession } from '../auth/index.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { requires } from '../auth/index.ts';

/** 月毎明細 tab: the grid over the project period (plus any month that already holds effort) and row add/remove. */
export function MonthlyTab({ project }: { project: ProjectDetail }) {
  const text = useLabels(projectLabels);
  const resourceKind = useLabels(resourceKindLabels);
  const { data: user } = useSession();
  const [adding, setAdding] = useState<ResourceKind | null>(null);
  // adding or removing a row reloads the grid, which would drop what was typed: save first
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChangesGuard(dirty);
  const remove = useProjectCommand((resourceNo: number) => removeResource(project.id, resourceNo, { idempotencyKey: newIdempotencyKey() }));
  const editable = EDITABLE_STATUSES.includes(project.status) && may(user, 'PUT', '/api/projects/:id/resources/:resourceNo/effort');
  const period = monthsBetween(project.startDate, project.endDate);
  const months = [...new Set([...period, ...project.summary.months])].sort();
  return (
    <div data-testid="tab-monthly">
      {editable && (
        <div className="actions">
          {RESOURCE_KINDS.map((kind) => (
            <button key={kind} type="button" className="button" data-testid={`add-resource-${kind}`} {...requires('POST', '/api/projects/:id/resources')} disabled={dirty} title={dirty ? text('saveGridFirst') : undefined} onClick={() => setAdding(kind)}>
              ＋{resourceKind(kind)}
            </button>
          ))}
        </div>
      )}
      <ProblemMessage error={remove.error} testId="remove-error" />
      {/* keyed by revision: after any save the grid starts again from the stored rows */}
      <EffortGrid key={project.revision} project={project} months={months} editable={editable} onDirtyChange={setDirty} onRemove={(no) => window.confirm(text('removeRowConfirm')) && remove.mutate(no)} />
      {guard.dialog}
      {adding && <AddResourceDialog projectId={project.id} kind={adding} onClose={() => setAdding(null)} />}
    </div>
  );
}
