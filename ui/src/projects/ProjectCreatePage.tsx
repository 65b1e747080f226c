import { useNavigate } from 'react-router';
import type { ProjectBasics } from '@sss/contracts/project/schemas';
import { ProjectForm } from './ProjectForm.tsx';
import { bodyFromForm, emptyProjectForm } from './projectForm.ts';
import { useProjectCommand } from './queries.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useProjectFormState } from './useProjectFormState.ts';
import { registerProject } from '../api/projects.ts';
import { useSession } from '../auth/index.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { focusFirstError } from '../lib/focusFirstError.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { RequirePermission } from '../auth/index.ts';

export function ProjectCreatePage() {
  const text = useLabels(projectLabels);
  const navigate = useNavigate();
  const { data: user } = useSession();
  const idempotency = useIdempotencyKey();
  const register = useProjectCommand((body: ProjectBasics) => registerProject(body, { idempotencyKey: idempotency.keyFor(body) }));
  // the person registering usually leads the proposal; they may name someone else
  const form = useProjectFormState(emptyProjectForm(user ?? undefined), register.error);
  const guard = useUnsavedChangesGuard(form.dirty);
  useDocumentTitle(text('createTitle'));

  const save = () => {
    if (!form.check()) return focusFirstError();
    const body = bodyFromForm(form.values) as ProjectBasics;
    register.mutate(body, {
      onSuccess: (accepted) => {
        idempotency.done();
        guard.release();
        navigate(`/projects/${encodeURIComponent(accepted.id)}?tab=monthly`, { state: { flash: 'saved' } });
      },
      onError: focusFirstError,
    });
  };

  return (
    <section className="page narrow" data-testid="project-create">
      <h1>{text('createTitle')}</h1>
      {guard.dialog}
      <RequirePermission method="POST" route="/api/projects">
        <ProjectForm values={form.values} errors={form.errors} onChange={form.setField} onSubmit={save} onCancel={() => navigate('/projects')} saving={register.isPending} problem={register.error} />
      </RequirePermission>
    </section>
  );
}
