import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RegisterPartner, type PartnerView } from '@sss/contracts/partner/schemas';
import { CompanyPicker } from './CompanyPicker.tsx';
import { usePartner, usePartnerCommand, usePartnerCompanies } from './queries.ts';
import { editPartner, registerPartner, setPartnerAffiliations } from '../api/partners.ts';
import { isApiError } from '../lib/problem.ts';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { focusFirstError } from '../lib/focusFirstError.ts';
import { today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { byField, validate } from '../lib/validate.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { RequirePermission } from '../auth/index.ts';

interface Values {
  name: string;
  kana: string;
  registeredOn: string;
  companyIds: string[];
}

/** 新規登録 at /partners/new, 編集 at /partners/:id/edit: the same form. */
export function PartnerFormPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const partner = usePartner(id ?? '', id !== undefined);
  if (!id) return <PartnerForm />;
  if (partner.isPending) return <div className="page-loading">{t('common.loading')}</div>;
  if (partner.isError) return <ProblemMessage error={partner.error} onRetry={() => void partner.refetch()} />;
  return <PartnerForm partner={partner.data} />;
}

function PartnerForm({ partner }: { partner?: PartnerView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const companies = usePartnerCompanies();
  const idempotency = useIdempotencyKey();
  const existing = useMemo(() => partner?.affiliations.map((a) => a.companyId) ?? [], [partner]);
  const [values, setValues] = useState<Values>(
    partner ? { name: partner.name, kana: partner.kana, registeredOn: partner.registeredOn, companyIds: existing } : { name: '', kana: '', registeredOn: today(), companyIds: [] },
  );
  const [attempted, setAttempted] = useState(false);
  useDocumentTitle(partner ? t('partner.editTitle') : t('partner.createTitle'));

  const save = usePartnerCommand(async (body: Values) => {
    if (!partner) return registerPartner(body, { idempotencyKey: idempotency.keyFor(body) });
    const details = { name: body.name, kana: body.kana, registeredOn: body.registeredOn };
    let accepted = await editPartner(partner.id, details, { idempotencyKey: idempotency.keyFor({ details }), ifMatch: partner.revision });
    // Affiliations are their own command (their own rule and history); sent only when they changed.
    if (body.companyIds.join() !== existing.join()) {
      accepted = await setPartnerAffiliations(partner.id, { companyIds: body.companyIds }, { idempotencyKey: idempotency.keyFor({ companyIds: body.companyIds }), ifMatch: accepted.revision });
    }
    return accepted;
  });

  const clientErrors = attempted ? byField(validate(RegisterPartner, values)) : {};
  const serverErrors = isApiError(save.error) ? byField(save.error.fieldErrors) : {};
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };
  const pickerError = Object.entries(errors).find(([field]) => field.startsWith('companyIds'))?.[1];
  const set = (field: keyof Values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (validate(RegisterPartner, values).length > 0) return focusFirstError();
    save.mutate(values, {
      onSuccess: (accepted) => {
        idempotency.done();
        navigate(`/partners/${encodeURIComponent(accepted.id)}`);
      },
      onError: focusFirstError,
    });
  };

  return (
    <section className="page narrow" data-testid={partner ? 'partner-edit' : 'partner-create'}>
      <h1>{partner ? t('partner.editTitle') : t('partner.createTitle')}</h1>
      <RequirePermission method={partner ? 'PUT' : 'POST'} route={partner ? '/api/partners/:id' : '/api/partners'}>
        <form className="form" onSubmit={submit} noValidate data-testid="partner-form">
          <fieldset>
            <div className="grid-2">
              <TextField name="name" label={t('partner.col.name')} value={values.name} onChange={set('name')} error={errors.name} required maxLength={100} />
              <TextField name="kana" label={t('partner.col.kana')} value={values.kana} onChange={set('kana')} error={errors.kana} required hint={t('partner.kanaHint')} maxLength={100} />
              <TextField name="registeredOn" label={t('partner.col.registeredOn')} type="date" value={values.registeredOn} onChange={set('registeredOn')} error={errors.registeredOn} />
            </div>
            <CompanyPicker options={companies.data?.items ?? []} selected={values.companyIds} onChange={(companyIds) => setValues((current) => ({ ...current, companyIds }))} error={pickerError} />
          </fieldset>
          <ProblemMessage error={save.error} shownFields={['name', 'kana', 'registeredOn', ...values.companyIds.map((_, i) => `companyIds.${i}`)]} testId="form-error" />
          <div className="form-actions">
            <button type="button" className="button" data-testid="cancel-button" onClick={() => navigate(partner ? `/partners/${encodeURIComponent(partner.id)}` : '/partners')}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button primary" data-testid="save-button" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </RequirePermission>
    </section>
  );
}
