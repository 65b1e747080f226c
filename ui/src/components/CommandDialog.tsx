import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { TSchema } from 'typebox';
import type { CommandAccepted } from '@sss/contracts/common';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { isApiError } from '../lib/problem.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from './Field.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { byField, validate } from '../lib/validate.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface DialogField {
  name: string;
  label: string;
  kind: 'date' | 'text' | 'multiline' | 'yen' | 'select' | 'custom';
  required?: boolean;
  /** Shown, sent, not typed over (a value that comes from master data). */
  readOnly?: boolean;
  options?: readonly { value: string; label: string }[];
  /** `custom`: a control that brings its own label (a picker) and may set several values at once. */
  render?: (control: { values: Record<string, string>; set: (patch: Record<string, string>) => void; error: string | undefined }) => ReactNode;
}

interface CommandDialogProps {
  title: string;
  testId: string;
  /** The command's schema from contracts: the same check the server makes. */
  schema: TSchema;
  fields: readonly DialogField[];
  initial: Record<string, string>;
  toBody: (values: Record<string, string>) => unknown;
  run: (body: unknown, idempotencyKey: string) => Promise<CommandAccepted>;
  onClose: () => void;
  onDone: () => void;
  /** Queries refetched (and awaited) before `onDone`; the position store makes the refetch wait for the write. */
  invalidates?: QueryKey;
  /** A sentence to read before an irreversible action. */
  warning?: string;
  danger?: boolean;
}

/** A small form in a dialog for one command (反社チェック記録, 与信限度額変更, 廃止, 稟議申請, …). */
export function CommandDialog({ title, testId, schema, fields, initial, toBody, run, onClose, onDone, invalidates, warning, danger }: CommandDialogProps) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const idempotency = useIdempotencyKey();
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: unknown) => run(body, idempotency.keyFor(body)),
    onSuccess: () => (invalidates ? client.invalidateQueries({ queryKey: invalidates }) : undefined),
  });

  const clientErrors = attempted ? validate(schema, toBody(values)) : [];
  const serverErrors = isApiError(mutation.error) ? mutation.error.fieldErrors : [];
  const errors = { ...byField(serverErrors), ...byField(clientErrors) };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const body = toBody(values);
    if (validate(schema, body).length > 0) return;
    mutation.mutate(body, {
      onSuccess: () => {
        idempotency.done();
        onDone();
      },
    });
  };

  const conflict = isApiError(mutation.error, 'revision_conflict');

  return (
    <Dialog title={title} testId={testId} onClose={onClose}>
      <form onSubmit={submit} noValidate className="form">
        {warning && <p className={`alert ${danger ? 'error' : 'info'}`}>{warning}</p>}
        {fields.map((field) =>
          field.kind === 'custom' ? (
            <div key={field.name}>{field.render?.({ values, set: (patch) => setValues((current) => ({ ...current, ...patch })), error: errors[field.name] })}</div>
          ) : (
          <Field key={field.name} label={field.label} name={field.name} error={errors[field.name]} required={field.required ?? false}>
            {({ id, describedBy, invalid }) => {
              const common = {
                id,
                name: field.name,
                'data-testid': `input-${field.name}`,
                'aria-invalid': invalid,
                'aria-describedby': describedBy,
                value: values[field.name] ?? '',
                ...(field.readOnly ? { readOnly: true } : {}),
              };
              const set = (value: string) => setValues((current) => ({ ...current, [field.name]: value }));
              if (field.kind === 'multiline') return <textarea {...common} rows={3} onChange={(e) => set(e.target.value)} />;
              if (field.kind === 'select')
                return (
                  <select {...common} onChange={(e) => set(e.target.value)}>
                    {field.options?.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                );
              return <input {...common} type={field.kind === 'date' ? 'date' : 'text'} inputMode={field.kind === 'yen' ? 'numeric' : undefined} className={field.kind === 'yen' ? 'num' : undefined} onChange={(e) => set(e.target.value)} />;
            }}
          </Field>
          ),
        )}
        {conflict ? (
          <div className="alert warning" role="alert" data-testid="dialog-error">
            <strong>{t('conflict.title')}</strong>
            <div>{t('conflict.actionBody')}</div>
          </div>
        ) : (
          <ProblemMessage error={mutation.error} shownFields={fields.map((f) => f.name)} testId="dialog-error" />
        )}
        <div className="form-actions">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'danger' : 'primary'}`} data-testid="dialog-submit" disabled={mutation.isPending}>
            {mutation.isPending ? t('common.saving') : t('common.execute')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
