import type { FormEvent, ReactNode } from 'react';
import { fieldHint, fieldLabel, maxLengthOf } from './fieldLabels.ts';
import { FORM_PATHS, type CompanyFormValues, type FlagPath, type FormPath, type TextPath } from './companyForm.ts';
import { TextField } from '../components/TextField.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Field } from '../components/Field.tsx';
import { useLabels } from '../i18n/useLabels.ts';
import { companyBillingLabels } from '../i18n/companyBilling.ts';

interface CompanyFormProps {
  values: CompanyFormValues;
  errors: Record<string, string>;
  onChange: (path: FormPath, value: string | boolean) => void;
  onSubmit: () => void;
  onCancel: () => void;
  saving: boolean;
  /** The server's refusal, if any; its field errors are already in `errors`. */
  problem: unknown;
  /** Shown above the fields, e.g. the conflict explanation. */
  notice?: ReactNode;
}

const REQUIRED: ReadonlySet<FormPath> = new Set(['code', 'name', 'kana', 'formalName', 'shortName']);
const DATES: ReadonlySet<FormPath> = new Set(['ndaSignedOn', 'masterAgreementSignedOn', 'registeredOn']);
const MULTILINE: ReadonlySet<FormPath> = new Set(['notes', 'partner.specialties']);
/** 1–28 only: 29–31 do not exist every month, so the month's last day is 末日 (docs/billing.md). */
const DAYS = Array.from({ length: 28 }, (_, i) => String(i + 1));

export function CompanyForm({ values, errors, onChange, onSubmit, onCancel, saving, problem, notice }: CompanyFormProps) {
  const { t, language } = useI18n();
  const hasErrors = Object.keys(errors).length > 0;

  const text = (path: TextPath) => (
    <TextField
      key={path}
      name={path}
      label={fieldLabel(path, language)}
      value={values[path]}
      onChange={(value) => onChange(path, value)}
      error={errors[path]}
      required={REQUIRED.has(path)}
      hint={DATES.has(path) ? undefined : fieldHint(path)}
      type={DATES.has(path) ? 'date' : path === 'partner.salesRepEmail' ? 'email' : path === 'billing.phone' ? 'tel' : 'text'}
      inputMode={path === 'partner.capital' ? 'numeric' : undefined}
      multiline={MULTILINE.has(path)}
      maxLength={maxLengthOf(path)}
    />
  );

  const b = useLabels(companyBillingLabels);
  const choice = (path: TextPath, options: readonly (readonly [value: string, label: string])[]) => (
    <Field key={path} label={fieldLabel(path, language)} name={path} error={errors[path]} required={false} hint={undefined}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={path} data-testid={`input-${path}`} value={values[path]} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange(path, e.target.value)}>
          <option value="">{b('unset')}</option>
          {options.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      )}
    </Field>
  );
  const dayOptions = [...DAYS.map((d) => [d, b('dayN', { n: d })] as const), ['end', b('endOfMonth')] as const];

  const flag = (path: FlagPath) => (
    <label className="checkbox" key={path}>
      <input type="checkbox" name={path} data-testid={`input-${path}`} checked={values[path]} onChange={(e) => onChange(path, e.target.checked)} />
      {fieldLabel(path, language)}
    </label>
  );

  const flagsError = errors.isCustomer ?? errors.isPartner;
  // messages for fields on screen sit beside them; the rest (e.g. hidden partner fields) go in the banner
  const visible = FORM_PATHS.filter((path) => (values.isPartner || !path.startsWith('partner.')) && (values.isCustomer || !path.startsWith('billing.')));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="company-form">
      {notice}
      <fieldset>
        <legend>{t('company.section.basic')}</legend>
        <div className="grid-2">
          {text('code')}
          {text('registeredOn')}
          {text('name')}
          {text('kana')}
          {text('formalName')}
          {text('shortName')}
        </div>
        <div className={`field${flagsError ? ' has-error' : ''}`} data-testid="field-flags" role="group" aria-label={`${fieldLabel('isCustomer', language)} / ${fieldLabel('isPartner', language)}`}>
          <div className="checkbox-row">
            {flag('isCustomer')}
            {flag('isPartner')}
          </div>
          {flagsError && (
            <div className="field-error" role="alert" data-testid="error-flags">
              {flagsError}
            </div>
          )}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('company.section.contracts')}</legend>
        <div className="grid-2">
          {text('ndaSignedOn')}
          {text('masterAgreementSignedOn')}
          {text('url')}
          {text('sansanUrl')}
          {text('invoiceRegistrationNumber')}
        </div>
      </fieldset>

      {values.isPartner && (
        <fieldset data-testid="partner-section">
          <legend>{t('company.section.partner')}</legend>
          <div className="grid-2">
            {text('partner.salesRepName')}
            {text('partner.salesRepKana')}
            {text('partner.salesRepEmail')}
            {text('partner.phone')}
            {text('partner.capital')}
          </div>
          {text('partner.specialties')}
        </fieldset>
      )}

      {values.isCustomer && (
        <fieldset data-testid="billing-section">
          <legend>{b('section')}</legend>
          <div className="grid-2">
            {text('billing.postalCode')}
            {text('billing.phone')}
          </div>
          {text('billing.address')}
          <div className="grid-2">
            {choice('billing.closingDay', dayOptions)}
            {choice('billing.paymentMonths', [['1', b('nextMonth')], ['2', b('monthAfterNext')]])}
            {choice('billing.paymentDay', dayOptions)}
          </div>
          <div className="grid-2">
            {text('billing.recipientDepartment')}
            {text('billing.recipientPerson')}
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend>{t('company.section.other')}</legend>
        {text('notes')}
      </fieldset>

      {hasErrors && !problem && (
        <div className="alert error" role="alert" data-testid="form-error">
          {t('common.fixFields')}
        </div>
      )}
      <ProblemMessage error={problem} shownFields={visible} testId="form-error" />

      <div className="form-actions">
        <button type="button" className="button" data-testid="cancel-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="save-button" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
