import { useState, type FormEvent } from 'react';
import { BILLING_TYPES, CONTRACT_TYPES } from '@sss/contracts/project/fields';
import type { OrgUnitView } from '@sss/contracts/organization/schemas';
import { projectFieldLabel, type ProjectFormPath, type ProjectFormValues } from './projectForm.ts';
import { useQuery } from '@tanstack/react-query';
import { useOrgUnits } from './queries.ts';
import { companyQueries } from '../companies/queries.ts';
import { CustomerPicker, OrgUnitPicker, StaffPicker } from '../components/pickers.tsx';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { billingTypeLabels, contractTypeLabels } from '../i18n/codes.ts';
import { useTitle } from '../i18n/titles.ts';
import { Field } from '../components/Field.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';

interface Props {
  values: ProjectFormValues;
  errors: Record<string, string>;
  onChange: (path: ProjectFormPath, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  saving: boolean;
  problem: unknown;
}

const REQUIRED: readonly ProjectFormPath[] = ['name', 'customerCompanyId', 'supervisingOrgUnitId', 'accountingUnit', 'leader.employeeId', 'leader.name', 'businessSegment.first', 'salesInfo.serviceType', 'salesInfo.revenueRecognition', 'startDate', 'endDate'];

/** 基本属性 of a 案件 (register and edit share it). Labels are the contract's schema titles. */
export function ProjectForm({ values, errors, onChange, onSubmit, onCancel, saving, problem }: Props) {
  const text = useLabels(projectLabels);
  const title = useTitle();
  const billingType = useLabels(billingTypeLabels);
  const contractType = useLabels(contractTypeLabels);
  const orgUnits = useOrgUnits();
  // the picked customer's name: the one just picked, else the stored one (editing)
  const [customerName, setCustomerName] = useState<{ id: string; name: string } | null>(null);
  const storedCustomer = useQuery({ ...companyQueries.detail(values.customerCompanyId), enabled: Boolean(values.customerCompanyId) && customerName?.id !== values.customerCompanyId });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const input = (path: ProjectFormPath, type: 'text' | 'date' = 'text') => (
    <TextField key={path} label={projectFieldLabel(path)} name={path} type={type} value={values[path]} error={errors[path]} required={REQUIRED.includes(path)} onChange={(v) => onChange(path, v)} />
  );
  const select = (path: ProjectFormPath, options: readonly { value: string; label: string }[], onPick?: (value: string) => void) => (
    <Field key={path} label={projectFieldLabel(path)} name={path} error={errors[path]} required>
      {({ id, describedBy, invalid }) => (
        <select id={id} data-testid={`input-${path}`} value={values[path]} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => (onPick ? onPick(e.target.value) : onChange(path, e.target.value))}>
          <option value="">—</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const units = orgUnits.data?.units ?? [];
  const pickOrgUnit = (unit: OrgUnitView | null) => {
    onChange('supervisingOrgUnitId', unit?.id ?? '');
    // 会計区分 follows the 主管部 in most cases; the person may still overwrite it
    if (unit && !values.accountingUnit) onChange('accountingUnit', unit.accountingCategory === 'sga' ? '販管費' : '売上原価');
  };
  const customerLabel = customerName?.id === values.customerCompanyId ? customerName.name : (storedCustomer.data?.name ?? '');
  const picker = (path: ProjectFormPath) => ({ label: projectFieldLabel(path), name: path, value: values[path], error: errors[path], required: true });

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="project-form">
      {input('name')}
      <div className="grid-2">
        <CustomerPicker
          {...picker('customerCompanyId')}
          valueLabel={customerLabel}
          onPick={(company) => {
            setCustomerName(company && { id: company.id, name: company.name });
            onChange('customerCompanyId', company?.id ?? '');
          }}
        />
        <OrgUnitPicker {...picker('supervisingOrgUnitId')} valueLabel={units.find((u) => u.id === values.supervisingOrgUnitId)?.name ?? ''} onPick={pickOrgUnit} />
        {input('accountingUnit')}
        {select('billingType', BILLING_TYPES.map((b) => ({ value: b, label: billingType(b) })))}
        <StaffPicker
          {...picker('leader.employeeId')}
          valueLabel={values['leader.name']}
          onPick={(member) => {
            // one choice sets both: the leader is stored with the name as it was when chosen
            onChange('leader.employeeId', member?.id ?? '');
            onChange('leader.name', member?.name ?? '');
          }}
        />
        {input('startDate', 'date')}
        {input('endDate', 'date')}
        {input('salesInfo.serviceType')}
        {select('salesInfo.contractType', CONTRACT_TYPES.map((c) => ({ value: c, label: contractType(c) })))}
        {input('salesInfo.revenueRecognition')}
        {input('businessSegment.first')}
        {input('businessSegment.second')}
        {input('businessSegment.third')}
      </div>
      <label className="checkbox" data-testid="field-resale">
        <input type="checkbox" data-testid="input-resale" checked={values.resale === 'true'} onChange={(e) => onChange('resale', String(e.target.checked))} />
        {title(projectFieldLabel('resale'))}
      </label>
      <ProblemMessage error={problem} shownFields={Object.keys(values)} testId="form-error" />
      <div className="form-actions">
        <button type="button" className="button" data-testid="cancel-button" onClick={onCancel}>
          {text('cancel')}
        </button>
        <button type="submit" className="button primary" data-testid="save-button" disabled={saving}>
          {saving ? text('saving') : text('save')}
        </button>
      </div>
    </form>
  );
}
