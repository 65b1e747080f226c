import { useNavigate } from 'react-router';
import type { CompanyFields } from '@sss/contracts/company/schemas';
import { CompanyForm } from './CompanyForm.tsx';
import { bodyFromForm, emptyForm } from './companyForm.ts';
import { useCompanyCommand } from './queries.ts';
import { useCompanyFormState } from './useCompanyFormState.ts';
import { focusFirstError } from '../lib/focusFirstError.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { registerCompany } from '../api/companies.ts';
import { today } from '../lib/format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { useUnsavedChangesGuard } from '../components/useUnsavedChangesGuard.tsx';
import { RequirePermission } from '../auth/index.ts';

export function CompanyCreatePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const register = useCompanyCommand((body: CompanyFields) => registerCompany(body, { idempotencyKey: idempotency.keyFor(body) }));
  const form = useCompanyFormState(emptyForm(today()), register.error);
  const guard = useUnsavedChangesGuard(form.dirty);
  useDocumentTitle(t('company.createTitle'));

  const save = () => {
    if (!form.check()) return focusFirstError();
    // the schema has accepted the body (validateForm), so it is a CompanyFields
    const body = bodyFromForm(form.values) as CompanyFields;
    register.mutate(body, {
      onSuccess: (accepted) => {
        idempotency.done();
        guard.release();
        navigate(`/companies/${encodeURIComponent(accepted.id)}`, { state: { flash: 'company.saved' } });
      },
      onError: focusFirstError,
    });
  };

  return (
    <section className="page narrow" data-testid="company-create">
      {guard.dialog}
      <h1>{t('company.createTitle')}</h1>
      <RequirePermission method="POST" route="/api/companies">
        <CompanyForm
          values={form.values}
          errors={form.errors}
          onChange={form.setField}
          onSubmit={save}
          onCancel={() => navigate('/companies')}
          saving={register.isPending}
          problem={register.error}
        />
      </RequirePermission>
    </section>
  );
}
