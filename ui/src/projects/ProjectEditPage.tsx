import { useNavigate, useParams } from 'react-router';
import type { ProjectBasics } from '@sss/contracts/project/schemas';
import type { ProjectDetail } from '@sss/contracts/project/views';
import { ProjectForm } from './ProjectForm.tsx';
import { bodyFromForm, formFromProject } from './projectForm.ts';
import { useProject, useProjectCommand } from './queries.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useProjectFormState } from './useProjectFormState.ts';
import { editProjectBasics } from '../api/projects.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { focusFirstError } from '../lib/focusFirstError.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { RequirePermission } from '../auth/index.ts';

export function ProjectEditPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const text = useLabels(projectLabels);
  useDocumentTitle(text('editTitle'));
  if (project.error) return <ProblemMessage error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data) return <p className="page-loading">{text('loading')}</p>;
  return <EditForm project={project.data} />;
}

/** Edits what was loaded; If-Match carries that revision so a save over someone else's is refused (409). */
function EditForm({ project }: { project: ProjectDetail }) {
  const text = useLabels(projectLabels);
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const edit = useProjectCommand((body: ProjectBasics) => editProjectBasics(project.id, body, { idempotencyKey: idempotency.keyFor(body), ifMatch: project.revision }));
  const form = useProjectFormState(formFromProject(project), edit.error);
  const guard = useUnsavedChangesGuard(form.dirty);
  const back = () => navigate(`/projects/${encodeURIComponent(project.id)}`);
  const save = () => {
    if (!form.check()) return focusFirstError();
    edit.mutate(bodyFromForm(form.values) as ProjectBasics, {
      onSuccess: () => {
        idempotency.done();
        guard.release();
        back();
      },
      onError: focusFirstError,
    });
  };
  return (
    <section className="page narrow" data-testid="project-edit" data-revision={project.revision}>
      <h1>
        {text('editTitle')} <span className="mono subtle">{project.projectNumber}</span>
      </h1>
      {guard.dialog}
      <RequirePermission method="PUT" route="/api/projects/:id">
        <ProjectForm values={form.values} errors={form.errors} onChange={form.setField} onSubmit={save} onCancel={back} saving={edit.isPending} problem={edit.error} />
      </RequirePermission>
    </section>
  );
}
