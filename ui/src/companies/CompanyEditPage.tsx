import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { CompanyFields, CompanyView } from '@sss/contracts/company/schemas';
import { CompanyForm } from './CompanyForm.tsx';
import { ConflictNotice } from '../components/ConflictNotice.tsx';
import { bodyFromForm, FORM_PATHS, formFromView, reapply, type CompanyFormValues } from './companyForm.ts';
import { fieldLabel } from './fieldLabels.ts';
import { companyQueries, useCompany, useCompanyCommand } from './queries.ts';
import { useCompanyFormState } from './useCompanyFormState.ts';
import { focusFirstError } from '../lib/focusFirstError.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { editCompany } from '../api/companies.ts';
import { isApiError } from '../lib/problem.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { RequirePermission } from '../auth/index.ts';

export function CompanyEditPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const company = useCompany(id);
  if (company.isPending) return <div className="page-loading">{t('common.loading')}</div>;
  if (company.isError) return <ProblemMessage error={company.error} onRetry={() => void company.refetch()} />;
  // keyed by id: the editor owns its draft from here on, later refetches do not overwrite typing
  return <CompanyEditor key={id} view={company.data} />;
}

interface Base {
  revision: string;
  values: CompanyFormValues;
}

function CompanyEditor({ view }: { view: CompanyView }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const [base, setBase] = useState<Base>(() => ({ revision: view.revision, values: formFromView(view) }));
  const [latest, setLatest] = useState<CompanyView | null>(null);
  const edit = useCompanyCommand(({ body, revision }: { body: CompanyFields; revision: string }) =>
    editCompany(view.id, body, { ifMatch: revision, idempotencyKey: idempotency.keyFor({ body, revision }) }),
  );
  const form = useCompanyFormState(base.values, edit.error);
  const guard = useUnsavedChangesGuard(form.dirty);
  const detailPath = `/companies/${encodeURIComponent(view.id)}`;
  useDocumentTitle(`${t('company.editTitle')}: ${view.name}`);

  const save = () => {
    if (!form.check()) return focusFirstError();
    const body = bodyFromForm(form.values) as CompanyFields;
    edit.mutate(
      { body, revision: base.revision },
      {
        onSuccess: () => {
          idempotency.done();
          guard.release();
          navigate(detailPath, { state: { flash: 'company.saved' } });
        },
        onError: async (error) => {
          if (!isApiError(error, 'revision_conflict')) return focusFirstError();
          // someone saved first: fetch what they saved (not the cache) and let this person decide
          const fresh = await client.fetchQuery({ ...companyQueries.detail(view.id), staleTime: 0 });
          setLatest(fresh);
        },
      },
    );
  };

  const adoptLatest = (next: CompanyFormValues) => {
    if (!latest) return;
    setBase({ revision: latest.revision, values: formFromView(latest) });
    form.replace(next, formFromView(latest));
    setLatest(null);
    edit.reset();
  };

  const conflict = latest ? (
    <ConflictNotice
      paths={FORM_PATHS}
      labelOf={(path) => fieldLabel(path, language)}
      base={base.values}
      latest={formFromView(latest)}
      draft={form.values}
      onReapply={() => adoptLatest(reapply(formFromView(latest), base.values, form.values))}
      onDiscard={() => adoptLatest(formFromView(latest))}
    />
  ) : null;

  return (
    <section className="page narrow" data-testid="company-edit">
      {guard.dialog}
      <h1>
        {t('company.editTitle')} <span className="subtle">{view.name}</span>
      </h1>
      <RequirePermission method="PUT" route="/api/companies/:id">
        <CompanyForm
          values={form.values}
          errors={form.errors}
          onChange={form.setField}
          onSubmit={save}
          onCancel={() => navigate(detailPath)}
          saving={edit.isPending}
          problem={latest ? null : edit.error}
          notice={conflict}
        />
      </RequirePermission>
    </section>
  );
}
