import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACCOUNTING_CATEGORIES, ORG_LEVELS, type OrgUnitView, type StageOrgChange } from '@sss/contracts/organization/schemas';
import { stageOrgChange } from '../api/organization.ts';
import { isApiError } from '../lib/problem.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Field } from '../components/Field.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { accountingCategoryLabels, orgLabels, orgLevelLabels } from '../i18n/org.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { orgQueries } from './queries.ts';

export type OrgChangeIntent = { kind: 'create'; parent: OrgUnitView | null } | { kind: 'rename' | 'move' | 'dissolve'; unit: OrgUnitView };

/** One change into the draft: the server checks it against the tree as the draft leaves it. */
export function OrgChangeDialog({ intent, units, onClose }: { intent: OrgChangeIntent; units: readonly OrgUnitView[]; onClose: () => void }) {
  const { t } = useI18n();
  const l = useLabels(orgLabels);
  const level = useLabels(orgLevelLabels);
  const accounting = useLabels(accountingCategoryLabels);
  const client = useQueryClient();
  const idempotency = useIdempotencyKey();
  const unit = intent.kind === 'create' ? null : intent.unit;
  const [values, setValues] = useState<Record<string, string>>({
    code: '', name: unit?.name ?? '', kana: unit?.kana ?? '', level: intent.kind === 'create' ? nextLevel(intent.parent) : (unit?.level ?? 'group'),
    accountingCategory: unit?.accountingCategory ?? (intent.kind === 'create' ? (intent.parent?.accountingCategory ?? 'cost_of_sales') : 'cost_of_sales'),
    sortOrder: String(unit?.sortOrder ?? 100), parentId: intent.kind === 'create' ? (intent.parent?.id ?? '') : (unit?.parentId ?? ''),
  });
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const body = (): StageOrgChange => {
    const parentId = values.parentId || null;
    switch (intent.kind) {
      case 'create':
        return { kind: 'create', code: values.code!.trim(), name: values.name!.trim(), kana: values.kana!.trim(), level: values.level as OrgUnitView['level'], accountingCategory: values.accountingCategory as OrgUnitView['accountingCategory'], sortOrder: Number(values.sortOrder) || 0, parentId };
      case 'rename':
        return { kind: 'rename', unitId: intent.unit.id, name: values.name!.trim(), kana: values.kana!.trim(), accountingCategory: values.accountingCategory as OrgUnitView['accountingCategory'], sortOrder: Number(values.sortOrder) || 0 };
      case 'move':
        return { kind: 'move', unitId: intent.unit.id, parentId };
      case 'dissolve':
        return { kind: 'dissolve', unitId: intent.unit.id };
    }
  };

  const mutation = useMutation({
    mutationFn: (change: StageOrgChange) => stageOrgChange(change, idempotency.keyFor(change)),
    onSuccess: () => {
      idempotency.done();
      void client.invalidateQueries({ queryKey: orgQueries.all });
      onClose();
    },
  });
  const errors = Object.fromEntries((isApiError(mutation.error) ? mutation.error.fieldErrors : []).map((e) => [e.field, e.message]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(body());
  };

  const text = (name: string, label: string, required = true) => (
    <Field label={label} name={name} error={errors[name]} required={required}>
      {({ id, describedBy, invalid }) => <input id={id} data-testid={`input-${name}`} value={values[name] ?? ''} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set(name)(e.target.value)} />}
    </Field>
  );
  const select = (name: string, label: string, options: readonly { value: string; label: string }[]) => (
    <Field label={label} name={name} error={errors[name]} required>
      {({ id, describedBy, invalid }) => (
        <select id={id} data-testid={`input-${name}`} value={values[name] ?? ''} aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => set(name)(e.target.value)}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
  const parents = [{ value: '', label: l('topLevel') }, ...units.filter((u) => u.active && u.id !== unit?.id).map((u) => ({ value: u.id, label: u.path.join(' / ') }))];
  const title = `${l(`change.${intent.kind}`)}${unit ? `: ${unit.name}` : intent.kind === 'create' && intent.parent ? ` (${intent.parent.name})` : ''}`;

  return (
    <Dialog title={title} testId="dialog-org-change" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {intent.kind === 'create' && text('code', l('code'))}
        {(intent.kind === 'create' || intent.kind === 'rename') && (
          <>
            {text('name', l('name'))}
            {text('kana', l('kana'))}
            {intent.kind === 'create' && select('level', l('level'), ORG_LEVELS.map((v) => ({ value: v, label: level(v) })))}
            {select('accountingCategory', l('accounting'), ACCOUNTING_CATEGORIES.map((v) => ({ value: v, label: accounting(v) })))}
            {text('sortOrder', l('sortOrder'))}
          </>
        )}
        {(intent.kind === 'create' || intent.kind === 'move') && select('parentId', l('parent'), parents)}
        {intent.kind === 'dissolve' && <p className="alert warning">{l('dissolve')}: {unit?.path.join(' / ')}</p>}
        <ProblemMessage error={mutation.error} shownFields={Object.keys(values)} testId="dialog-error" />
        <div className="form-actions">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className={`button ${intent.kind === 'dissolve' ? 'danger' : 'primary'}`} data-testid="dialog-submit" disabled={mutation.isPending}>{l('stage')}</button>
        </div>
      </form>
    </Dialog>
  );
}

/** A new unit defaults to the level just below its parent. */
function nextLevel(parent: OrgUnitView | null): string {
  if (!parent) return 'headquarters';
  return ORG_LEVELS[Math.min(ORG_LEVELS.indexOf(parent.level) + 1, ORG_LEVELS.length - 1)]!;
}
