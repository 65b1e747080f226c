import { EstimateContent } from '@sss/contracts/project/estimate-schemas';
import type { EstimateForm } from './estimateForm.ts';
import { TextField } from '../components/TextField.tsx';

type HeaderKey = Exclude<keyof EstimateForm, 'lines'>;
const title = (key: HeaderKey) => (EstimateContent.properties[key] as { title?: string }).title ?? key;
const REQUIRED: readonly HeaderKey[] = ['subject', 'addressee', 'periodStart', 'periodEnd', 'paymentTerms', 'validUntil'];

/** 件名・宛先・期間・納品場所・支払条件・有効期限・前提条件; labels are the schema titles. */
export function EstimateHeaderFields({ form, errors, readOnly, onChange }: { form: EstimateForm; errors: Record<string, string>; readOnly: boolean; onChange: (change: Partial<EstimateForm>) => void }) {
  const field = (key: HeaderKey, type: 'text' | 'date' = 'text', multiline = false) => (
    <fieldset disabled={readOnly} key={key} style={{ border: 0, padding: 0, margin: 0 }}>
      <TextField label={title(key)} name={key} type={type} multiline={multiline} value={form[key]} error={errors[key]} required={REQUIRED.includes(key)} onChange={(v) => onChange({ [key]: v })} />
    </fieldset>
  );
  return (
    <div className="form" data-testid="estimate-header">
      <div className="grid-2">
        {field('subject')}
        {field('addressee')}
        {field('periodStart', 'date')}
        {field('periodEnd', 'date')}
        {field('deliveryPlace')}
        {field('paymentTerms')}
        {field('validUntil', 'date')}
      </div>
      {field('conditions', 'text', true)}
    </div>
  );
}
